import type { QueryClient } from '@tanstack/react-query';
import { POLL_FLOOR_MS } from '@/domain/poll-schedule';
import type { Order } from '@/domain/order';
import { getOrders } from '@/features/orders/api/get-orders';
import { ordersQuery } from '@/features/orders/api/order-queries';

const toLookedUp = ({ id, date, total, status }: Order) => ({ id, date, total, status });

/**
 * The checkout's view of the shopper's orders, composed from the orders feature. Lives in the
 * lazily loaded part of the app (with the checkout), so the order schema stays out of the first
 * bundle.
 */
export async function lookupOrders() {
  const orders = await getOrders();
  return orders.map(toLookedUp);
}

/**
 * The pending-order watcher's view: through the orders query, so an answer of the last two
 * seconds (an open orders page polls too) is reused and the tab stays within its request budget.
 */
export function watchOrders(queryClient: QueryClient) {
  return async () => {
    const orders = await queryClient.fetchQuery({ ...ordersQuery(), staleTime: POLL_FLOOR_MS });
    return orders.map(toLookedUp);
  };
}
