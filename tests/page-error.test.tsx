import { afterEach, expect, test, vi } from 'vitest';
import { act, renderApp, screen } from './utils/render';
import { recordConsoleErrors, recordTelemetry } from './utils/telemetry';

/**
 * A page that cannot be drawn (its code failed to load, or it threw) is never a blank screen: the
 * header stays, the page says what happened and offers a reload and a way on, and the next page
 * works again.
 */

vi.mock('@/features/catalogue/components/catalogue-page', () => ({
  CataloguePage: () => {
    throw new Error('catalogue page broke');
  },
}));

afterEach(() => vi.restoreAllMocks());

test('a page that throws shows what to do under the same header, and another page still works', async () => {
  // React reports the caught error on the console; that one is expected here, nothing else is.
  const logged = recordConsoleErrors();
  const events = recordTelemetry();

  const { navigate } = renderApp('/');
  // The first render of a test file imports the whole storefront: slow on a loaded machine.
  expect(
    await screen.findByRole(
      'heading',
      { level: 1, name: 'This page could not be shown' },
      { timeout: 5_000 },
    ),
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeEnabled();
  expect(screen.getByRole('link', { name: 'Browse socks' })).toHaveAttribute('href', '/');
  expect(screen.getByRole('link', { name: 'Sock Shop' })).toBeInTheDocument();
  expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  expect(events).toContainEqual(
    expect.objectContaining({ type: 'page_error', path: '/', error: 'Error' }),
  );
  expect(logged.length).toBeGreaterThan(0);
  expect(logged.every((line) => line.includes('catalogue page broke'))).toBe(true);

  act(() => navigate('/cart'));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Your cart' }, { timeout: 5_000 }),
  ).toBeInTheDocument();
  expect(screen.queryByText('This page could not be shown')).not.toBeInTheDocument();
});
