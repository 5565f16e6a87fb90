import { useQuery } from '@tanstack/react-query';
import { useNow } from '@/lib/use-now';
import { useEffect } from 'react';
import { useOnline } from '@/lib/use-online';
import { paymentHealthQuery } from '../api/get-health';
import type { BreakerView } from '../model/checkout-machine';
import {
  breakerMessage,
  offlineMessage,
  paymentHealthMessage,
  type ShopperMessage,
} from '../model/checkout-messages';
import { statusAt } from '../model/payment-breaker';
import { useBreaker } from '../stores/breaker-store';
import { dispatchCheckout } from '../stores/checkout-store';

/**
 * Can the shopper pay right now, and if not, what do they read? The tab's payment breaker, the
 * payment health check (where the backend has one) and the connection. The health check is the
 * breaker's probe after its cool-down: its answers go to the checkout machine, which decides.
 */
export function usePaymentAvailability(): {
  banner: ShopperMessage | null;
  breaker: BreakerView & { probing: boolean };
  now: number;
} {
  const breaker = useBreaker();
  const online = useOnline();
  const now = useNow(breaker.status === 'open');
  const status = statusAt(breaker, now);
  const health = useQuery(paymentHealthQuery(online));

  const reported = health.data;
  const reportedAt = health.dataUpdatedAt;
  useEffect(() => {
    if (reported) dispatchCheckout({ type: 'health-reported', health: reported, at: reportedAt });
  }, [reported, reportedAt, status]);

  const view = { status, openUntil: breaker.openUntil, probing: breaker.probing };
  const banner = !online
    ? offlineMessage()
    : (breakerMessage(view, now) ?? (reported === 'down' ? paymentHealthMessage() : null));
  return { banner, breaker: view, now };
}
