import * as z from 'zod/mini';
import { type Order, orderSchema } from '@/domain/order';
import { apiRequest } from '@/lib/api-client';

const ordersSchema = z.array(orderSchema);

/** GET /orders: 201 with a bare array in natural (oldest-first) order; sorted here, newest first. */
export async function getOrders(signal?: AbortSignal): Promise<Order[]> {
  const orders = await apiRequest('/orders', { schema: ordersSchema, signal, needsSession: true });
  return orders.sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0));
}
