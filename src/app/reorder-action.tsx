import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocation } from 'wouter';
import type { Order } from '@/domain/order';
import { statusKeyOf } from '@/domain/order-status';
import { socksQuery } from '@/features/catalogue/api/get-socks';
import type { Sock } from '@/features/catalogue/api/sock-schema';
import { cartKeys } from '@/features/checkout/api/cart';
import { orderQuery } from '@/features/orders/api/order-queries';
import { OrderAgain } from '@/features/reorder/components/order-again';
import { RecoveryNotice } from '@/features/reorder/components/recovery-notice';
import type { CatalogueEntry } from '@/features/reorder/model/plan';
import { useRecovery } from '@/features/reorder/stores/recovery-store';

/**
 * Order recovery, composed from the features it needs: the reorder feature plans and writes the
 * cart; the catalogue gives today's socks and prices; the checkout owns the cart query (its key
 * is invalidated) and the payment; the orders feature shows the entry points.
 */
function toEntry(sock: Sock): CatalogueEntry {
  const imageUrl = sock.imageUrl[0];
  return {
    id: sock.id,
    name: sock.name,
    price: sock.price,
    count: sock.count,
    ...(imageUrl ? { imageUrl } : {}),
  };
}

/** Only an order whose payment failed, and that had socks in it, can be ordered again. */
export function isRecoverable(order: Order): boolean {
  return statusKeyOf(order.status) === 'payment-failed' && order.items.length > 0;
}

/** "Order these again" for a failed order; nothing for any other order. */
export function OrderAgainAction({ order }: { order: Order }) {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  // Today's prices: the catalogue is read fresh when the shopper asks.
  const loadCatalogue = useCallback(
    async () => (await queryClient.fetchQuery({ ...socksQuery(), staleTime: 0 })).map(toEntry),
    [queryClient],
  );
  const openCheckout = useCallback(() => navigate('/checkout'), [navigate]);
  if (!isRecoverable(order)) return null;
  return (
    <OrderAgain
      order={order}
      loadCatalogue={loadCatalogue}
      cartKey={cartKeys.all}
      onFilled={openCheckout}
    />
  );
}

export function orderAgainActions(order: Order) {
  return <OrderAgainAction order={order} />;
}

/** On the checkout: which failed order the cart came from, what changed, before paying. */
export function CheckoutRecoveryNotice() {
  const recovery = useRecovery();
  const failed = useQuery({
    ...orderQuery(recovery?.failedOrderId ?? ''),
    enabled: recovery !== null,
  });
  const socks = useQuery({ ...socksQuery(), enabled: recovery !== null });
  if (!recovery) return null;
  return (
    <RecoveryNotice
      recovery={recovery}
      failedOrder={failed.data}
      catalogue={socks.data?.map(toEntry)}
    />
  );
}
