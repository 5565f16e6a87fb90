import { useQueryClient } from '@tanstack/react-query';
import { useNow } from '@/lib/use-now';
import { useEffect, useRef } from 'react';
import { orderTotals } from '@/domain/order-totals';
import { isApiError } from '@/lib/api-error';
import { track } from '@/lib/telemetry';
import { useOnline } from '@/lib/use-online';
import { cartKeys, emptyCart, getCart } from '../api/cart';
import { placeOrder } from '../api/place-order';
import { cartFingerprint, findAttemptOrder } from '../model/attempt';
import type { CheckoutEffect, LookedUpOrder } from '../model/checkout-machine';
import { statusAt } from '../model/payment-breaker';
import { useBreaker, useBreakerActions } from '../stores/breaker-store';
import {
  dispatchCheckout,
  registerEffectRunner,
  saveAttempt,
  useCheckoutMachine,
} from '../stores/checkout-store';
import { watchOrder } from './order-watch';

/** What the checkout needs from the rest of the app (composed in src/app). */
export interface CheckoutPorts {
  /** The shopper's orders (for the attempt lookup and the pending-order watcher). */
  lookupOrders: () => Promise<LookedUpOrder[]>;
  /**
   * The shopper's orders for the pending-order watcher, where an answer of the last two seconds
   * will do (shared with an open orders page, so one tab does not ask twice). Defaults to
   * `lookupOrders`.
   */
  watchOrders?: () => Promise<LookedUpOrder[]>;
  /** Is the session's cookie still there? (Sock Shop: `logged_in`.) */
  sessionActive: () => boolean;
  /** Switch the storefront to signed out: header, caches, the stale cookie. */
  endSession: () => void;
  /** Open a paid order's page. */
  openOrder: (orderId: string) => void;
}

const LOCK_NAME = 'sockshop-place-order';

function kindOf(error: unknown) {
  return isApiError(error) ? error.kind : 'network';
}

/**
 * The checkout machine's interpreter: runs its effects and dispatches what they learn. Mounted
 * once, app-wide (so an order awaiting its payment is followed wherever the shopper is).
 */
export function useCheckoutInterpreter(ports: CheckoutPorts): void {
  const queryClient = useQueryClient();
  const breakerActions = useBreakerActions();
  const portsRef = useRef(ports);
  useEffect(() => {
    portsRef.current = ports;
  });
  const releaseLock = useRef<(() => void) | null>(null);

  useEffect(() => {
    const run = (effect: CheckoutEffect): void => {
      const io = portsRef.current;
      switch (effect.type) {
        case 'check-session':
          dispatchCheckout({ type: 'session-checked', active: io.sessionActive() });
          return;
        case 'read-cart':
          // Its own request (not shared with a refetch in progress): what the shop holds now.
          void getCart().then(
            (items) => {
              queryClient.setQueryData(cartKeys.items(), items);
              // Without the cookie the shop answered for an anonymous cart: never read it as theirs.
              if (!io.sessionActive()) {
                dispatchCheckout({ type: 'session-ended' });
                return;
              }
              const lines = items.filter((line) => line.quantity > 0);
              dispatchCheckout({
                type: 'cart-read',
                cart: { fingerprint: cartFingerprint(lines), total: orderTotals(lines).total },
              });
            },
            (error: unknown) =>
              dispatchCheckout({
                type: 'cart-read-failed',
                kind: kindOf(error),
                requestId: isApiError(error) ? error.requestId : '',
              }),
          );
          return;
        case 'acquire-lock': {
          const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
          if (!locks) {
            dispatchCheckout({ type: 'lock-acquired' });
            return;
          }
          void locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
            if (!lock) {
              dispatchCheckout({ type: 'lock-busy' });
              return undefined;
            }
            // Held until the machine gives it back (release-lock), across the whole POST.
            return new Promise<void>((resolve) => {
              releaseLock.current = resolve;
              dispatchCheckout({ type: 'lock-acquired' });
            });
          });
          return;
        }
        case 'release-lock':
          releaseLock.current?.();
          releaseLock.current = null;
          return;
        case 'send-order': {
          const send = () =>
            placeOrder({ idempotencyKey: effect.key, requestId: effect.requestId }).then(
              (order) =>
                dispatchCheckout({
                  type: 'answer',
                  requestId: effect.requestId,
                  order: { id: order.id, status: order.status },
                }),
              (error: unknown) =>
                dispatchCheckout({
                  type: 'answer-failed',
                  requestId: effect.requestId,
                  kind: kindOf(error),
                  ...(isApiError(error) && error.status !== undefined
                    ? { httpStatus: error.status }
                    : {}),
                }),
            );
          if (effect.delayMs > 0) setTimeout(() => void send(), effect.delayMs);
          else void send();
          return;
        }
        case 'save-attempt':
          saveAttempt(effect.attempt);
          return;
        case 'look-up-orders':
          io.lookupOrders().then(
            (orders) =>
              dispatchCheckout({
                type: 'lookup-done',
                found: findAttemptOrder(orders, effect) ?? null,
              }),
            (error: unknown) => dispatchCheckout({ type: 'lookup-failed', kind: kindOf(error) }),
          );
          return;
        case 'tell-breaker':
          if (effect.signal === 'attempt-started') breakerActions.orderStarted();
          else if (effect.signal === 'payment-worked') breakerActions.paymentWorked();
          else if (effect.signal === 'payment-unavailable') breakerActions.paymentUnavailable();
          else breakerActions.orderEnded();
          return;
        case 'track':
          track(effect.event);
          return;
        case 'empty-cart':
          // Sock Shop's server does not empty the cart; the storefront does, once paid. A failure
          // here leaves the cart as it was, never the order.
          void emptyCart()
            .catch(() => undefined)
            .then(() => queryClient.invalidateQueries({ queryKey: cartKeys.all }))
            .then(() => dispatchCheckout({ type: 'cart-emptied' }));
          return;
        case 'refresh-cart':
          void queryClient.invalidateQueries({ queryKey: cartKeys.all });
          return;
        case 'open-order':
          io.openOrder(effect.orderId);
          return;
        case 'end-session':
          io.endSession();
          return;
      }
    };
    const unregister = registerEffectRunner(run);
    return () => {
      unregister();
      releaseLock.current?.();
      releaseLock.current = null;
    };
  }, [queryClient, breakerActions]);

  // The payment breaker, as the machine sees it: closed, open, or half-open once the cool-down ends.
  const breaker = useBreaker();
  const now = useNow(breaker.status === 'open');
  const breakerStatus = statusAt(breaker, now);
  useEffect(() => {
    dispatchCheckout({
      type: 'breaker-changed',
      breaker: { status: breakerStatus, openUntil: breaker.openUntil },
    });
  }, [breakerStatus, breaker.openUntil]);

  const online = useOnline();
  useEffect(() => {
    dispatchCheckout({ type: 'online-changed', online });
  }, [online]);

  // The pending-order watcher: follows the awaited order until the machine no longer awaits it.
  const awaitedOrder = useCheckoutMachine((state) =>
    state.attempt?.phase === 'awaiting' ? state.attempt.orderId : undefined,
  );
  useEffect(() => {
    if (!awaitedOrder) return;
    return watchOrder({
      orderId: awaitedOrder,
      lookup: () => (portsRef.current.watchOrders ?? portsRef.current.lookupOrders)(),
      idOf: (order) => order.id,
      onSeen: (order) =>
        dispatchCheckout({ type: 'order-seen', orderId: order.id, status: order.status }),
    });
  }, [awaitedOrder]);
}
