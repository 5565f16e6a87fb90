import * as z from 'zod/mini';
import { type Order, orderSchema } from '@/domain/order';
import { apiRequest } from '@/lib/api-client';

/**
 * GET /orders/search/customerId?custId=<id>: piped by the front-end to the orders service (Spring
 * Data REST search), 200 HAL `{"_embedded":{"customerOrders":[…]}}`. Each order is validated and
 * mapped by the same schema as the shopper's own orders.
 */
const customerOrdersSchema = z.object({
  _embedded: z.optional(z.object({ customerOrders: z.array(orderSchema) })),
});

export async function getCustomerOrders(
  customerId: string,
  signal?: AbortSignal,
): Promise<Order[]> {
  const body = await apiRequest(
    `/orders/search/customerId?custId=${encodeURIComponent(customerId)}`,
    { schema: customerOrdersSchema, signal },
  );
  return body._embedded?.customerOrders ?? [];
}
