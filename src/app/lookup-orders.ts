import { getOrders } from '@/features/orders/api/get-orders';

/**
 * The checkout's view of the shopper's orders, composed from the orders feature. Lives in the
 * lazily loaded part of the app (with the checkout), so the order schema stays out of the first
 * bundle.
 */
export async function lookupOrders() {
  const orders = await getOrders();
  return orders.map(({ id, date, total, status }) => ({ id, date, total, status }));
}
