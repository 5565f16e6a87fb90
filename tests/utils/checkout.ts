import { expect, onTestFinished } from 'vitest';
import { server } from '../../mocks/node';
import { headerReady, renderApp, screen, signInAs, waitFor, within } from './render';

/** Catalogue ids (mocks/data/seed.ts). */
export const NERD_LEG = 'a0a4f044-b040-410d-8ead-4de0446aec7e'; // 7.99: 12.98 with shipping
export const HOLY = '03fef6ac-1896-4ce8-bd69-b798f85c6e0b'; // 99.99: 104.98, over the 100.00 limit
export const CROSSED = '808a2de1-1aaa-4c25-a9b9-6612e8f29a38'; // 17.32

/**
 * Adds a sock to the signed-in shopper's cart through the API. (A guest needs the session cookie
 * the storefront sets up first; use the product page's button for guests.)
 */
export async function addToCart(id: string): Promise<void> {
  const response = await fetch('/api/cart', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id }),
  });
  if (!response.ok) throw new Error(`could not add ${id}: ${response.status}`);
}

/** Records the Idempotency-Key of every POST /orders that reaches the mock backend. */
export function recordOrderPosts(): string[] {
  const keys: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === '/api/orders') {
      keys.push(request.headers.get('Idempotency-Key') ?? '(none)');
    }
  };
  server.events.on('request:start', listener);
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return keys;
}

export const placeOrderButton = () => screen.getByRole('button', { name: /place order/i });

/** Signs in (the demo shopper has an address and a card), fills the cart, opens checkout. */
export async function openCheckout(items: string[] = [NERD_LEG], username = 'user') {
  await signInAs(username, 'password');
  for (const id of items) await addToCart(id);
  const view = renderApp('/checkout');
  // The first page of a test file loads its lazy chunks (route, checkout runtime) cold.
  const button = await screen.findByRole('button', { name: /place order/i }, { timeout: 5_000 });
  await waitFor(() => expect(button).toBeEnabled(), { timeout: 2_000 });
  await headerReady(view.queryClient);
  return { ...view, button };
}

/** The checkout's message region, once it carries `title`. */
export async function checkoutAlertSaying(title: string, timeout = 1_000) {
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent(title), { timeout });
  return alert;
}

export function expectCartKept(name: RegExp): void {
  const summary = screen.getByRole('region', { name: /order summary/i });
  expect(within(summary).getByText(name)).toBeInTheDocument();
}

/** The signed-in shopper's orders as the backend lists them. */
export async function ordersOnServer(): Promise<{ status?: string; total: number }[]> {
  const response = await fetch('/api/orders');
  return (await response.json()) as { status?: string; total: number }[];
}

/**
 * The order page's "paid" message, once the checkout has opened it. (The order page is loaded
 * after the cart is emptied; a cold first test of a file can take a few seconds to get there.)
 */
export function findPaidMessage(timeout = 5_000) {
  return screen.findByText(/thank you! your order is confirmed and paid/i, {}, { timeout });
}
