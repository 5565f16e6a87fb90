import { http } from 'msw';
import { expect, onTestFinished, test } from 'vitest';
import { server } from '../mocks/node';
import { addToCart, NERD_LEG } from './utils/checkout';
import { act, headerReady, renderApp, screen, signInAs, waitFor, within } from './utils/render';

/**
 * On a page load, the page comes first: the header's extras (its cart and account links, the order
 * notifications) draw, and read, only once the page's own first reads have answered, or after
 * 1.5 s at most. Until then the header shows the same words in the same places, not yet links.
 */

/** Every API call from now on, as "METHOD /path". */
function recordCalls(): string[] {
  const calls: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
  };
  server.events.on('request:start', listener);
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return calls;
}

/** Holds every GET /cart until `release` (then the mock backend answers it). */
function holdCart() {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get('*/api/cart', async () => {
      await held;
    }),
  );
  onTestFinished(release);
  return release;
}

const header = () => within(screen.getByRole('navigation', { name: 'Main' }));

test("the header reads nothing until the page's own read has answered, then fills in", async () => {
  await signInAs();
  await addToCart(NERD_LEG);
  const release = holdCart();
  const calls = recordCalls();
  const { queryClient } = renderApp('/cart');

  expect(await screen.findByRole('heading', { level: 1, name: 'Your cart' })).toBeInTheDocument();
  await waitFor(() => expect(calls).toContain('GET /api/cart'));
  // A few turns of the event loop: time enough for anything drawn with the page to start its reads.
  for (let turn = 0; turn < 5; turn += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }
  // The page's own reads only (its cart, the socks' names, the payment service's health).
  expect(calls).not.toContain('GET /api/customers/me');
  expect(calls).not.toContain('GET /api/orders');
  // The header keeps its words, not yet links.
  expect(header().getByText('Cart')).toHaveAttribute('aria-hidden', 'true');
  expect(header().queryByRole('link', { name: /^Cart/ })).not.toBeInTheDocument();

  release();
  expect(await screen.findByRole('button', { name: 'Remove Nerd leg' })).toBeVisible();
  await headerReady(queryClient);
  expect(header().getByRole('link', { name: 'Cart, 1 item' })).toHaveAttribute('href', '/cart');
  expect(header().getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  // The cart is read once: the header shows the page's answer instead of asking again.
  expect(calls.filter((call) => call === 'GET /api/cart')).toHaveLength(1);
  expect(calls).toContain('GET /api/customers/me');
  expect(calls).toContain('GET /api/orders');
});

test("when the page's read hangs, the header's links still come", async () => {
  await signInAs();
  holdCart();
  renderApp('/cart');

  expect(await screen.findByRole('heading', { level: 1, name: 'Your cart' })).toBeInTheDocument();
  // The cart never answers in this test; the header stops waiting for it after 1.5 s.
  expect(await header().findByRole('link', { name: /^Cart/ }, { timeout: 4_000 })).toHaveAttribute(
    'href',
    '/cart',
  );
  expect(header().getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Your cart' })).toBeInTheDocument();
});
