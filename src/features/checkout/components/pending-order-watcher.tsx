import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isPaymentConfirmed, statusKeyOf } from '@/domain/order-status';
import { pollDelay } from '@/domain/poll-schedule';
import { track } from '@/lib/telemetry';
import { cartKeys, emptyCart } from '../api/cart';
import { useAttemptActions, useOpenAttempt } from '../stores/attempt-store';
import { useBreakerActions } from '../stores/breaker-store';
import type { LookupOrders } from './use-place-order';

/**
 * Watches an order that was saved with its payment not yet decided (CREATED/PENDING), wherever the
 * shopper is in the storefront. Paid: the cart is emptied and the attempt ends. Failed: the
 * attempt ends, the cart stays, the payment breaker counts it. Says what happened, politely.
 */
export function PendingOrderWatcher({ lookupOrders }: { lookupOrders: LookupOrders }) {
  const attempt = useOpenAttempt();
  const { awaitedOrderSettled } = useAttemptActions();
  const breaker = useBreakerActions();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const orderId = attempt?.phase === 'awaiting' ? attempt.orderId : undefined;
  const attemptKey = attempt?.key ?? '';

  useEffect(() => {
    if (!orderId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const check = async () => {
      try {
        const order = (await lookupOrders()).find((candidate) => candidate.id === orderId);
        if (cancelled) return;
        if (order && isPaymentConfirmed(order.status)) {
          breaker.paymentWorked();
          track({ type: 'checkout_succeeded', requestId: attemptKey, orderId });
          await emptyCart().catch(() => undefined);
          await queryClient.invalidateQueries({ queryKey: cartKeys.all });
          setMessage(`Order ${orderId} is paid. Your cart has been emptied.`);
          awaitedOrderSettled(orderId, true);
          return;
        }
        if (order && statusKeyOf(order.status) === 'payment-failed') {
          breaker.paymentUnavailable();
          track({
            type: 'checkout_failed',
            kind: 'payment-unavailable',
            requestId: attemptKey,
            idempotencyKey: attemptKey,
            orderId,
          });
          setMessage(
            `Payment failed for order ${orderId}. You have not been charged; your cart is saved.`,
          );
          awaitedOrderSettled(orderId, false);
          return;
        }
      } catch {
        // Keep watching: the next look may work.
      }
      if (!cancelled) timer = setTimeout(() => void check(), pollDelay(++polls));
    };
    timer = setTimeout(() => void check(), pollDelay(0));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [orderId, attemptKey, awaitedOrderSettled, breaker, lookupOrders, queryClient]);

  return (
    <div role="status" className="visually-hidden">
      {message}
    </div>
  );
}
