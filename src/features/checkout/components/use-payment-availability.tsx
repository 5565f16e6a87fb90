import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { useOnline } from '@/lib/use-online';
import { paymentHealthQuery } from '../api/get-health';
import { canAttempt, statusAt } from '../model/payment-breaker';
import { useBreaker, useBreakerActions } from '../stores/breaker-store';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * Can the shopper pay right now, and if not, why? Combines the tab's payment breaker, the
 * payment health check (where the backend has one) and the browser's connection.
 */
export function usePaymentAvailability(): { banner: ReactNode; blockedReason?: string } {
  const breaker = useBreaker();
  const { paymentWorked, paymentUnavailable } = useBreakerActions();
  const online = useOnline();
  const now = useNow(breaker.status === 'open');
  const status = statusAt(breaker, now);
  const health = useQuery(paymentHealthQuery(online));

  // The health check is the breaker's probe: once the cool-down is over, a healthy payment
  // service closes it and a down one keeps it open for another cool-down.
  const reported = health.data;
  const updatedAt = health.dataUpdatedAt;
  useEffect(() => {
    if (status !== 'half-open' || breaker.probing || !reported || updatedAt < breaker.openUntil)
      return;
    if (reported === 'up') paymentWorked();
    if (reported === 'down') paymentUnavailable();
  }, [
    status,
    breaker.probing,
    breaker.openUntil,
    reported,
    updatedAt,
    paymentWorked,
    paymentUnavailable,
  ]);

  if (!online) {
    return {
      blockedReason: 'You are offline. Reconnect to place your order.',
      banner: (
        <Alert tone="warning" title="You are offline.">
          <p>
            Your cart is saved. Placing an order needs a connection; we will carry on when you are
            back.
          </p>
        </Alert>
      ),
    };
  }
  if (!canAttempt(breaker, now)) {
    const seconds = Math.max(0, Math.ceil((breaker.openUntil - now) / 1000));
    const reason =
      status === 'open'
        ? `Payments are temporarily unavailable. You can try again in ${seconds} s.`
        : 'Checking whether payments work again…';
    return {
      blockedReason: reason,
      banner: (
        <Alert tone="warning" title="Payments are temporarily unavailable.">
          <p>
            Our payment service failed several times in a row, so we have paused ordering. Your cart
            is saved and you have not been charged.{' '}
            {status === 'open' ? `Try again in ${seconds} s.` : ''}
          </p>
        </Alert>
      ),
    };
  }
  if (reported === 'down') {
    return {
      banner: (
        <Alert tone="warning" title="Payments may not work right now.">
          <p>
            The shop reports a problem with its payment service. If you place an order it may fail;
            your cart will be kept.
          </p>
        </Alert>
      ),
    };
  }
  return { banner: null };
}
