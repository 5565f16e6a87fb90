import { afterEach, expect, test, vi } from 'vitest';
import { renderApp, screen, waitFor, within } from './utils/render';
import { recordConsoleErrors, recordTelemetry } from './utils/telemetry';

/**
 * A part of the shell that fails (here the header's cart link) takes only itself down: the page
 * below is drawn, the header keeps its words in place, and the failure is reported with the part's
 * name.
 */

vi.mock('@/features/checkout/components/cart-badge', () => ({
  CartBadge: () => {
    throw new Error('cart badge broke');
  },
}));

afterEach(() => vi.restoreAllMocks());

test('a failing header link leaves the page working and is reported as that part', async () => {
  // React reports the caught error on the console; that one is expected here, nothing else is.
  const logged = recordConsoleErrors();
  const events = recordTelemetry();

  renderApp('/');
  // The first render of a test file imports the whole storefront: slow on a loaded machine.
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Socks' }, { timeout: 5_000 }),
  ).toBeInTheDocument();
  expect(await screen.findByRole('link', { name: /Holy/ }, { timeout: 5_000 })).toBeVisible();
  expect(screen.queryByText('This page could not be shown')).not.toBeInTheDocument();

  // The header's links come after the page: the broken one is reported as its part...
  await waitFor(() =>
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'page_error',
        path: '/',
        error: 'Error',
        part: 'header links',
      }),
    ),
  );
  // ...and the header keeps the words it showed while loading, in the same place, but no link.
  const header = within(screen.getByRole('navigation', { name: 'Main' }));
  expect(header.getByRole('link', { name: 'Socks' })).toHaveAttribute('href', '/');
  expect(header.getByText('Cart')).toHaveAttribute('aria-hidden', 'true');
  expect(header.queryByRole('link', { name: /cart/i })).not.toBeInTheDocument();
  expect(logged.length).toBeGreaterThan(0);
  expect(logged.every((line) => line.includes('cart badge broke'))).toBe(true);
});
