import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { loadingHeading } from '@/app/loading-heading';
import { server } from '../mocks/node';
import { halOrder } from './utils/fixtures';
import { renderApp, screen, signInAs, waitFor } from './utils/render';

/**
 * While a page's code loads, the app shows the heading the page will open with
 * (src/app/loading-heading.ts). Each one is held to the heading the page itself shows first, so
 * the words never change under the shopper when the page arrives.
 */

const ORDER_ID = '6900000000000000000000c1';

const routes: [path: string, signedIn: boolean][] = [
  ['/', false],
  ['/cart', false],
  ['/checkout', false],
  ['/checkout', true],
  ['/sign-in', false],
  ['/register', false],
  ['/orders', false],
  ['/orders', true],
  [`/orders/${ORDER_ID}`, false],
  [`/orders/${ORDER_ID}`, true],
];

test.each(routes)(
  '%s (signed in: %s) opens with the heading shown while its code loads',
  async (path, signedIn) => {
    server.use(
      http.get('*/api/orders/:id', ({ params }) => HttpResponse.json(halOrder(String(params.id)))),
    );
    if (signedIn) await signInAs();
    renderApp(path);
    // The page's own heading: the one that takes focus when the page opens (the stand-in does not).
    // However long the page's code takes to arrive on a loaded machine.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus(), {
      timeout: 5_000,
    });
    const expected = loadingHeading(path, signedIn);
    expect(expected).toBeDefined();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      new RegExp(`^${expected}$`),
    );
  },
);

test('a product page and an unknown page wait for their own heading', () => {
  expect(loadingHeading('/socks/03fef6ac-1896-4ce8-bd69-b798f85c6e0b', true)).toBeUndefined();
  expect(loadingHeading('/nowhere', false)).toBeUndefined();
  expect(loadingHeading('/orders/%E0%A4%A', true)).toBeUndefined();
});
