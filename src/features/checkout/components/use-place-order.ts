import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { config } from '@/config/env';
import { isPaymentConfirmed, statusKeyOf } from '@/domain/order-status';
import { ApiError, isApiError } from '@/lib/api-error';
import { createId } from '@/lib/ids';
import { track } from '@/lib/telemetry';
import { type CartItem, cartKeys, cartQuery, emptyCart } from '../api/cart';
import { placeOrder } from '../api/place-order';
import { type Attempt, cartFingerprint, findAttemptOrder, type FoundOrder } from '../model/attempt';
import { cartChangedOutcome, failureOutcome, type OutcomeCopy } from '../model/checkout-outcome';
import { withResend } from '../model/resend';
import { useAttemptActions, useOpenAttempt, useSettledOrder } from '../stores/attempt-store';
import { useBreakerActions } from '../stores/breaker-store';

/** An order as the app's order lookup reports it (composed from the orders feature). */
export interface LookedUpOrder extends FoundOrder {
  status: unknown;
}

export type LookupOrders = () => Promise<LookedUpOrder[]>;

export type Lookup =
  | { state: 'checking' }
  | { state: 'found'; order: LookedUpOrder }
  | { state: 'none' }
  | { state: 'failed' };

export type CheckoutState =
  | { type: 'idle' }
  | { type: 'placing' }
  | { type: 'busy-elsewhere' }
  | { type: 'awaiting'; orderId: string; requestId: string }
  | { type: 'failed'; copy: OutcomeCopy; requestId: string; orderId?: string; lookup?: Lookup };

interface Line {
  itemId: string;
  quantity: number;
  unitPrice: number;
}

/** One POST /orders at a time in this page, whatever the shopper clicks or presses. */
let inFlight = false;

/**
 * One POST /orders at a time across the shopper's tabs too, where the browser has Web Locks.
 * Resolves to undefined when another tab holds the lock.
 */
async function exclusively<T>(task: () => Promise<T>): Promise<T | undefined> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  return locks.request('sockshop-place-order', { ifAvailable: true }, async (lock) =>
    lock ? task() : undefined,
  );
}

export function usePlaceOrder(options: {
  lines: readonly Line[];
  total: number;
  lookupOrders: LookupOrders;
  onPaid: (orderId: string) => void;
}) {
  const { lines, total, lookupOrders, onPaid } = options;
  const queryClient = useQueryClient();
  const attempt = useOpenAttempt();
  const { paymentStarted, attemptSettled, outcomeUnknown, orderAwaiting } = useAttemptActions();
  const breaker = useBreakerActions();
  const [state, setState] = useState<CheckoutState>({ type: 'idle' });

  const finishPaid = useCallback(
    async (orderId: string, requestId: string) => {
      attemptSettled();
      breaker.paymentWorked();
      track({ type: 'checkout_succeeded', requestId, orderId });
      // Sock Shop's server does not empty the cart; the storefront does. A failure here leaves
      // the cart as it was, never the order.
      await emptyCart().catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: cartKeys.all });
      onPaid(orderId);
    },
    [attemptSettled, breaker, onPaid, queryClient],
  );

  /** Looks for the order an attempt created, and says what was found. */
  const checkOrders = useCallback(
    async (current: Attempt, base: Extract<CheckoutState, { type: 'failed' }>) => {
      setState({ ...base, lookup: { state: 'checking' } });
      let lookup: Lookup;
      try {
        const found = findAttemptOrder(await lookupOrders(), current);
        lookup = found ? { state: 'found', order: found } : { state: 'none' };
      } catch {
        lookup = { state: 'failed' };
      }
      if (lookup.state === 'found') {
        if (isPaymentConfirmed(lookup.order.status) && !base.copy.settled) {
          await finishPaid(lookup.order.id, base.requestId);
          return;
        }
        if (statusKeyOf(lookup.order.status) === 'payment-failed') attemptSettled();
      }
      setState({ ...base, lookup });
    },
    [attemptSettled, finishPaid, lookupOrders],
  );

  const failed = useCallback(
    async (error: unknown, current: Attempt, requestId: string) => {
      const kind = isApiError(error) ? error.kind : 'network';
      const copy = failureOutcome(kind, config.paymentLimit, current.total);
      if (copy.settled) attemptSettled();
      else outcomeUnknown();
      if (kind === 'payment-unavailable') breaker.paymentUnavailable();
      else breaker.orderEnded();
      track({
        type: 'checkout_failed',
        kind,
        requestId,
        idempotencyKey: current.key,
        httpStatus: error instanceof ApiError ? error.status : undefined,
      });
      const base = { type: 'failed' as const, copy, requestId };
      if (copy.checkOrders) await checkOrders(current, base);
      else setState(base);
    },
    [attemptSettled, breaker, checkOrders, outcomeUnknown],
  );

  const place = useCallback(async () => {
    // Sock Shop places whatever the server-side cart holds (an empty cart becomes a 4.99 order),
    // so check it still is the cart the shopper sees: another tab may have paid for it or changed it.
    const shown = cartFingerprint(lines);
    let fresh: CartItem[];
    try {
      fresh = await queryClient.fetchQuery({ ...cartQuery(), staleTime: 0 });
    } catch (error) {
      const kind = isApiError(error) ? error.kind : 'network';
      setState({
        type: 'failed',
        copy: failureOutcome(kind === 'not-signed-in' ? kind : 'server', config.paymentLimit),
        requestId: isApiError(error) ? error.requestId : createId(),
      });
      return;
    }
    if (cartFingerprint(fresh) !== shown) {
      setState({
        type: 'failed',
        copy: cartChangedOutcome(fresh.every((line) => line.quantity <= 0)),
        requestId: createId(),
      });
      return;
    }
    const current = paymentStarted({ fingerprint: shown, total });
    const requestId = createId();
    breaker.orderStarted();
    track({ type: 'checkout_started', idempotencyKey: current.key, requestId });
    try {
      const placed = await withResend(
        () => placeOrder({ idempotencyKey: current.key, requestId }),
        { retries: config.autoRetryCheckout ? 2 : 0 },
      );
      if (isPaymentConfirmed(placed.status)) {
        await finishPaid(placed.id, requestId);
        return;
      }
      if (statusKeyOf(placed.status) === 'payment-failed') {
        attemptSettled();
        breaker.paymentUnavailable();
        track({
          type: 'checkout_failed',
          kind: 'payment-unavailable',
          requestId,
          idempotencyKey: current.key,
          orderId: placed.id,
        });
        setState({
          type: 'failed',
          copy: failureOutcome('payment-unavailable', config.paymentLimit),
          requestId,
          orderId: placed.id,
        });
        return;
      }
      // Saved but not yet paid: not a success. Keep the cart and the key, and watch the order.
      orderAwaiting(placed.id);
      breaker.orderEnded();
      setState({ type: 'awaiting', orderId: placed.id, requestId });
    } catch (error) {
      await failed(error, current, requestId);
    }
  }, [
    attemptSettled,
    breaker,
    failed,
    finishPaid,
    lines,
    orderAwaiting,
    paymentStarted,
    queryClient,
    total,
  ]);

  const submit = useCallback(async () => {
    if (inFlight || lines.length === 0) return;
    inFlight = true;
    setState({ type: 'placing' });
    try {
      const ran = await exclusively(async () => {
        await place();
        return true;
      });
      if (!ran) setState({ type: 'busy-elsewhere' });
    } finally {
      inFlight = false;
      void queryClient.invalidateQueries({ queryKey: cartKeys.all });
    }
  }, [lines.length, place, queryClient]);

  // An order saved but not yet paid is watched by PendingOrderWatcher (mounted by the app, so
  // it goes on when the shopper leaves this page). If this page is still open, follow it.
  const settledOrder = useSettledOrder();
  const awaitingId = state.type === 'awaiting' ? state.orderId : undefined;
  const awaitingRequest = state.type === 'awaiting' ? state.requestId : '';
  useEffect(() => {
    if (!awaitingId || settledOrder?.orderId !== awaitingId) return;
    if (settledOrder.paid) {
      onPaid(awaitingId);
      return;
    }
    // Reacting to another component's news (the watcher), not deriving state: an effect is right here.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState({
      type: 'failed',
      copy: failureOutcome('payment-unavailable', config.paymentLimit),
      requestId: awaitingRequest,
      orderId: awaitingId,
    });
  }, [awaitingId, awaitingRequest, settledOrder, onPaid]);

  /** A payment that was under way when the page was closed or reloaded has an unknown outcome. */
  const resumeInterrupted = useCallback(() => {
    if (!attempt || inFlight) return;
    outcomeUnknown();
    void checkOrders(attempt, {
      type: 'failed',
      copy: failureOutcome('network', config.paymentLimit),
      requestId: attempt.key,
    });
  }, [attempt, checkOrders, outcomeUnknown]);

  return { state, submit, attempt, resumeInterrupted };
}
