import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { ensureSession } from '@/lib/session';
import {
  type CartLine,
  type CartWrite,
  cartWrites,
  type ReorderMode,
  type ReorderPlan,
} from '../model/plan';

const cartSchema = z.array(
  z.object({
    itemId: z.string(),
    quantity: z.number(),
    unitPrice: z.number(),
  }),
);

/** GET /cart, read fresh: the plan and its writes are computed from what the server holds now. */
export function readCart(signal?: AbortSignal): Promise<CartLine[]> {
  return apiRequest('/cart', { schema: cartSchema, signal });
}

async function write(step: CartWrite): Promise<void> {
  switch (step.kind) {
    case 'add':
      // One unit: the real API ignores any quantity here.
      await apiRequest('/cart', { method: 'POST', json: { id: step.itemId } });
      return;
    case 'set':
      await apiRequest('/cart/update', {
        method: 'POST',
        json: { id: step.itemId, quantity: step.quantity },
      });
      return;
    case 'remove':
      await apiRequest(`/cart/${encodeURIComponent(step.itemId)}`, { method: 'DELETE' });
      return;
  }
}

/**
 * Puts the plan's socks in the cart. The cart is read again just before writing, so a change made
 * meanwhile (another tab) is taken into account. Writes run one at a time, in order: the first
 * failure stops the rest and is thrown (the cart then holds what was written so far).
 * Before the first write the session cookie is made sure of (API reference 13.1); a signed-in
 * shopper already has it, so this costs nothing then.
 */
export async function fillCart(plan: ReorderPlan, mode: ReorderMode): Promise<CartWrite[]> {
  const writes = cartWrites(plan, await readCart(), mode);
  if (writes.length > 0) await ensureSession(plan.lines.find((line) => line.imageUrl)?.imageUrl);
  for (const step of writes) await write(step);
  return writes;
}

/**
 * The mutation behind "Order these again". `cartKey` is the cart query's key (owned by the
 * checkout, passed in by the app): it is invalidated whatever happened, since even a failed run
 * may have written part of the cart.
 */
export function useFillCart(cartKey: QueryKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ plan, mode }: { plan: ReorderPlan; mode: ReorderMode }) => fillCart(plan, mode),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cartKey }),
  });
}
