import { type Order, orderSchema } from '@/domain/order';
import { apiRequest } from '@/lib/api-client';

/** GET /orders/<id>: HAL JSON; an unknown id answers 404 with an empty body. */
export function getOrder(id: string, signal?: AbortSignal): Promise<Order> {
  return apiRequest(`/orders/${encodeURIComponent(id)}`, { schema: orderSchema, signal });
}
