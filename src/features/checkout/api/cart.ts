import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { ensureSession } from '@/lib/session';

const cartItemSchema = z.object({
  itemId: z.string(),
  quantity: z.number().check(z.int(), z.minimum(0)),
  unitPrice: z.number(),
});

export type CartItem = z.infer<typeof cartItemSchema>;

const cartSchema = z.array(cartItemSchema);

export const cartKeys = {
  all: ['cart'] as const,
  items: () => [...cartKeys.all, 'items'] as const,
};

export function getCart(signal?: AbortSignal): Promise<CartItem[]> {
  return apiRequest('/cart', { schema: cartSchema, signal });
}

/** The cart is server state: always fetched fresh, never kept in browser storage. */
export const cartQuery = () =>
  queryOptions({
    queryKey: cartKeys.items(),
    queryFn: ({ signal }) => getCart(signal),
    staleTime: 0,
  });

/** Adds one of a sock. The real API ignores any quantity here and adds one per call. */
export async function addToCart(sock: { id: string; imageUrl: readonly string[] }): Promise<void> {
  await ensureSession(sock.imageUrl[0]);
  await apiRequest('/cart', { method: 'POST', json: { id: sock.id } });
}

export async function setCartQuantity(itemId: string, quantity: number): Promise<void> {
  await apiRequest('/cart/update', { method: 'POST', json: { id: itemId, quantity } });
}

export async function removeFromCart(itemId: string): Promise<void> {
  await apiRequest(`/cart/${encodeURIComponent(itemId)}`, { method: 'DELETE' });
}

export async function emptyCart(): Promise<void> {
  await apiRequest('/cart', { method: 'DELETE' });
}
