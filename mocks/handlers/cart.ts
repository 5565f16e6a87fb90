import type { HttpHandler } from 'msw';
import { addCartItem, cartItems, clearCart, findSock, removeCartItem, updateCartItem } from '../db';
import {
  cartOwner,
  connectionReset,
  emptyReply,
  field,
  malformedBody,
  nodeError,
  rawJson,
  readJsonBody,
  route,
  type HandlerOptions,
} from '../lib/http';
import { getScenario } from '../scenarios';

/** `req.body.id == null` in the front-end: undefined or null. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * The front-end asks the catalogue for `/catalogue/<id>` before talking to carts. An unknown id
 * gives the catalogue's error JSON, whose `id`/`price` are undefined: carts then stores itemId ""
 * and price 0 (reference 13.6). An empty id or one with "/" crashes the front-end process.
 */
function catalogueLookup(id: unknown): { itemId: string; price: number } | 'crash' {
  const text = String(id);
  if (text === '' || text.includes('/')) return 'crash';
  const sock = findSock(text);
  return sock ? { itemId: sock.id, price: sock.price } : { itemId: '', price: 0 };
}

export function cartHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    route('get', '/cart', options, (ctx) => {
      const items = cartItems(cartOwner(ctx));
      if (getScenario() === 'malformed') {
        return rawJson(
          ctx,
          200,
          items.map((item) => ({
            id: item.id,
            itemId: item.itemId,
            quantity: String(item.quantity),
            unitPrice: null,
          })),
        );
      }
      return rawJson(ctx, 200, items);
    }),

    route('post', '/cart/update', options, async (ctx) => {
      const body = await readJsonBody(ctx.request);
      if (!body.ok) return malformedBody(ctx);
      const id = field(body.value, 'id');
      const quantity = field(body.value, 'quantity');
      if (isMissing(id)) return nodeError(ctx, 'Must pass id of item to update');
      if (isMissing(quantity)) return nodeError(ctx, 'Must pass quantity to update');
      const item = catalogueLookup(id);
      if (item === 'crash') return connectionReset();
      const parsed = Number.parseInt(String(quantity), 10);
      const ok =
        Number.isFinite(parsed) && updateCartItem(cartOwner(ctx), item.itemId, parsed, item.price);
      if (!ok) return nodeError(ctx, 'Unable to add to cart. Status code: 500');
      return emptyReply(ctx, 202);
    }),

    route('post', '/cart', options, async (ctx) => {
      const body = await readJsonBody(ctx.request);
      if (!body.ok) return malformedBody(ctx);
      const id = field(body.value, 'id');
      if (isMissing(id)) return nodeError(ctx, 'Must pass id of item to add');
      const item = catalogueLookup(id);
      if (item === 'crash') return connectionReset();
      if (getScenario() === 'malformed') {
        return rawJson(ctx, 200, {
          error: 'Internal Server Error',
          status_code: 500,
          status_text: 'Internal Server Error',
        });
      }
      addCartItem(cartOwner(ctx), item.itemId, item.price);
      return emptyReply(ctx, 201);
    }),

    route('delete', '/cart/:id', options, (ctx, params) => {
      // Carts answers 500 when the item is not in the cart; the front-end relays the status.
      const removed = removeCartItem(cartOwner(ctx), params.id ?? '');
      return emptyReply(ctx, removed ? 202 : 500);
    }),

    route('delete', '/cart', options, (ctx) => {
      clearCart(cartOwner(ctx));
      return emptyReply(ctx, 202);
    }),
  ];
}
