import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { config } from '@/config/env';
import { statusKeyOf } from '@/domain/order-status';
import { isApiError } from '@/lib/api-error';
import { createId } from '@/lib/ids';
import { cartKeys, emptyCart } from '../api/cart';
import { placeOrder } from '../api/place-order';
import { cartFingerprint, findAttemptOrder, type FoundOrder } from '../model/attempt';
import { failureOutcome, type OutcomeCopy } from '../model/checkout-outcome';
import { useAttemptActions, useOpenAttempt } from '../stores/attempt-store';

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
  | { type: 'awaiting'; orderId: string; requestId: string }
  | { type: 'failed'; copy: OutcomeCopy; requestId: string; orderId?: string; lookup?: Lookup };

interface Line {
  itemId: string;
  quantity: number;
  unitPrice: number;
}

/** One POST /orders at a time in this page, whatever the shopper clicks or presses. */
let inFlight = false;

function isPaid(status: unknown): boolean {
  const key = statusKeyOf(status);
  return key === 'paid' || key === 'paid-untracked' || key === 'shipped' || key === 'delivered';
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
  const { paymentStarted, attemptSettled, outcomeUnknown } = useAttemptActions();
  const [state, setState] = useState<CheckoutState>({ type: 'idle' });
  const mounted = useRef(true);

  const finishPaid = useCallback(
    async (orderId: string) => {
      attemptSettled();
      // Sock Shop's server does not empty the cart; the storefront does. A failure here leaves
      // the cart as it was, never the order.
      await emptyCart().catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: cartKeys.all });
      onPaid(orderId);
    },
    [attemptSettled, onPaid, queryClient],
  );

  /** Looks for the order an attempt created, and says what was found. */
  const checkOrders = useCallback(
    async (startedAt: number, base: Extract<CheckoutState, { type: 'failed' }>) => {
      setState({ ...base, lookup: { state: 'checking' } });
      let lookup: Lookup;
      try {
        const found = findAttemptOrder(await lookupOrders(), { startedAt }, total);
        lookup = found ? { state: 'found', order: found } : { state: 'none' };
      } catch {
        lookup = { state: 'failed' };
      }
      if (lookup.state === 'found') {
        const key = statusKeyOf(lookup.order.status);
        if (isPaid(lookup.order.status) && !base.copy.settled) {
          await finishPaid(lookup.order.id);
          return;
        }
        if (key === 'payment-failed') attemptSettled();
      }
      setState({ ...base, lookup });
    },
    [attemptSettled, finishPaid, lookupOrders, total],
  );

  const submit = useCallback(async () => {
    if (inFlight || lines.length === 0) return;
    inFlight = true;
    setState({ type: 'placing' });
    const current = paymentStarted(cartFingerprint(lines));
    const requestId = createId();
    try {
      const placed = await placeOrder({ idempotencyKey: current.key, requestId });
      if (isPaid(placed.status)) {
        await finishPaid(placed.id);
        return;
      }
      if (statusKeyOf(placed.status) === 'payment-failed') {
        attemptSettled();
        setState({
          type: 'failed',
          copy: failureOutcome('payment-unavailable', config.paymentLimit),
          requestId,
          orderId: placed.id,
        });
        return;
      }
      // Saved but not yet paid: not a success. Keep the cart and the key.
      outcomeUnknown();
      setState({ type: 'awaiting', orderId: placed.id, requestId });
    } catch (error) {
      const kind = isApiError(error) ? error.kind : 'network';
      const copy = failureOutcome(kind, config.paymentLimit);
      if (copy.settled) attemptSettled();
      else outcomeUnknown();
      const failed = {
        type: 'failed' as const,
        copy,
        requestId: isApiError(error) ? error.requestId : requestId,
      };
      if (copy.checkOrders) await checkOrders(current.startedAt, failed);
      else setState(failed);
    } finally {
      inFlight = false;
      void queryClient.invalidateQueries({ queryKey: cartKeys.all });
    }
  }, [attemptSettled, checkOrders, finishPaid, lines, outcomeUnknown, paymentStarted, queryClient]);

  /** A payment that was under way when the page was closed or reloaded has an unknown outcome. */
  const resumeInterrupted = useCallback(() => {
    if (!attempt || inFlight || !mounted.current) return;
    outcomeUnknown();
    void checkOrders(attempt.startedAt, {
      type: 'failed',
      copy: failureOutcome('network', config.paymentLimit),
      requestId: attempt.key,
    });
  }, [attempt, checkOrders, outcomeUnknown]);

  return { state, submit, attempt, resumeInterrupted };
}
