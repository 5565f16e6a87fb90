/**
 * The checkout's view of the shopper's orders, composed from the orders feature. Loaded on first
 * use, so the order schema stays out of the first bundle.
 */
export async function lookupOrders() {
  const { getOrders } = await import('@/features/orders/api/get-orders');
  const orders = await getOrders();
  return orders.map(({ id, date, total, status }) => ({ id, date, total, status }));
}
