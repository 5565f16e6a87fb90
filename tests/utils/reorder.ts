import { onTestFinished } from 'vitest';
import { updateOrder } from '../../mocks/db';
import { setScenario } from '../../mocks/scenarios';
import { server } from '../../mocks/node';
import { addToCart } from './checkout';

/** The signed-in shopper's orders, as the backend lists them, with their ids. */
export async function myOrders(): Promise<{ id: string; status?: string; total: number }[]> {
  const response = await fetch('/api/orders');
  const body = (await response.json()) as {
    status?: string;
    total: number;
    _links: { self: { href: string } };
  }[];
  return body.map((order) => ({
    id: order._links.self.href.split('/').pop() ?? '',
    status: order.status,
    total: order.total,
  }));
}

/**
 * Places an order for the signed-in shopper while payment is down, the way the incident did: it is
 * saved PAYMENT_FAILED. The cart is emptied afterwards and payment is healthy again. Returns its id.
 */
export async function placeFailedOrder(items: readonly string[]): Promise<string> {
  setScenario('payment-down');
  for (const id of items) await addToCart(id);
  const placed = await fetch('/api/orders', { method: 'POST' });
  if (placed.status !== 500)
    throw new Error(`setup: expected a payment failure, got ${placed.status}`);
  await fetch('/api/cart', { method: 'DELETE' });
  setScenario('healthy');
  const failed = (await myOrders()).find((order) => order.status === 'PAYMENT_FAILED');
  if (!failed) throw new Error('setup: no failed order');
  return failed.id;
}

/** Rewrites a stored order's lines (e.g. the price it was placed at, a sock since withdrawn). */
export function setOrderLines(
  id: string,
  lines: readonly { itemId: string; quantity: number; unitPrice: number }[],
): void {
  updateOrder(id, {
    items: lines.map((line, index) => ({ id: `line${index}`.padEnd(24, '0'), ...line })),
  });
}

/** Every cart write that reaches the mock backend: method, path and JSON body. */
export function recordCartWrites(): { method: string; path: string; body: unknown }[] {
  const writes: { method: string; path: string; body: unknown }[] = [];
  const listener = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' || !path.startsWith('/api/cart')) return;
    const entry = { method: request.method, path, body: undefined as unknown };
    writes.push(entry);
    void request
      .clone()
      .text()
      .then((text) => {
        entry.body = text ? (JSON.parse(text) as unknown) : undefined;
      });
  };
  server.events.on('request:start', listener);
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return writes;
}
