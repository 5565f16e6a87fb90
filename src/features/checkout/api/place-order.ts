import * as z from 'zod/mini';
import { config } from '@/config/env';
import { apiRequest } from '@/lib/api-client';

/** POST /orders answers 201 with the saved order as plain JSON, with a top-level `id`. */
const placedSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  total: z.number(),
  status: z.optional(z.nullable(z.string())),
});

export type PlacedOrder = z.infer<typeof placedSchema>;

export interface PlaceOrderInput {
  idempotencyKey: string;
  requestId: string;
  signal?: AbortSignal;
}

/**
 * Places the order. The real API takes no body: the server builds the order from the session's
 * customer, first address, first card and cart. The Idempotency-Key lets a backend that honours it
 * replay the first answer instead of charging again.
 */
export function placeOrder({
  idempotencyKey,
  requestId,
  signal,
}: PlaceOrderInput): Promise<PlacedOrder> {
  return apiRequest('/orders', {
    method: 'POST',
    headers: { 'Idempotency-Key': `"${idempotencyKey}"` },
    schema: placedSchema,
    timeoutMs: config.checkoutTimeoutMs,
    requestId,
    signal,
  });
}
