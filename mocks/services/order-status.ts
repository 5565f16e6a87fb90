import type { OrderStatus, StoredOrder } from '../data/types';

/**
 * The visible status of a stored order at time `at`, computed lazily from its timestamps, so the
 * lifecycle works across reloads and with fake timers:
 * PENDING until `paidAt`, then PAID, SHIPPED from `shippedAt`, DELIVERED from `deliveredAt`.
 */
export function statusAt(order: StoredOrder, at: number): OrderStatus {
  if (order.state === 'PAYMENT_FAILED' || order.state === 'CANCELLED') return order.state;
  if (order.state === 'PENDING' || order.paidAt === null || at < order.paidAt) return 'PENDING';
  if (order.deliveredAt !== null && at >= order.deliveredAt) return 'DELIVERED';
  if (order.shippedAt !== null && at >= order.shippedAt) return 'SHIPPED';
  return 'PAID';
}

/** The shipment exists once payment went through (the orders service posts it after payment). */
export function hasShipment(order: StoredOrder, at: number): boolean {
  const status = statusAt(order, at);
  return status === 'PAID' || status === 'SHIPPED' || status === 'DELIVERED';
}
