import { getOrders } from '@/features/orders/api/get-orders';

/** The checkout's view of the shopper's orders, composed from the orders feature. */
export async function lookupOrders() {
  const orders = await getOrders();
  return orders.map(({ id, date, total, status }) => ({ id, date, total, status }));
}
