import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { listOrders } from '../mocks/db';
import { server } from '../mocks/node';
import { checkoutAlertSaying, expectCartKept, openCheckout } from './utils/checkout';
import { fireEvent, screen, within } from './utils/render';

/**
 * Sessions that end, as the real Sock Shop behaves: its `logged_in` cookie lives one hour while
 * the server session lives on. Once the cookie is gone, cart calls land on an anonymous, empty
 * cart and GET/POST /orders answer "User not logged in.".
 */

/** What the browser does when `logged_in` reaches its Max-Age. */
function cookieExpires() {
  document.cookie = 'logged_in=; Max-Age=0; Path=/';
}

/** Records the method and path of every API call from now on. */
function recordCalls(): string[] {
  const calls: string[] = [];
  server.events.on('request:start', ({ request }) => {
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  return calls;
}

function header() {
  return screen.getByRole('navigation', { name: 'Main' });
}

test('the cookie expires while checkout is open, then Place order: no order sent, the session has ended, signed out at once, sign-in brings the cart back here', async () => {
  const { user, button, history } = await openCheckout();
  expect(await within(header()).findByText('Hi, User')).toBeInTheDocument();
  cookieExpires();
  const calls = recordCalls();

  await user.click(button);

  const alert = await checkoutAlertSaying('Your session has ended.');
  expect(alert).toHaveTextContent(
    'No order was placed and you have not been charged. Your cart is kept: sign in and you will find it here at checkout.',
  );
  // Never read the anonymous cart as the shopper's, never blame another tab.
  expect(alert).not.toHaveTextContent(/empty|another tab/i);
  expect(alert).toHaveFocus();
  // Checked before anything was sent: no POST /orders, no order lookup. (The header's cart badge
  // then shows the anonymous cart, as it should once signed out.)
  expect(calls.filter((call) => call.endsWith('/api/orders'))).toEqual([]);
  expect(listOrders()).toHaveLength(0);
  // The header switched at once.
  expect(within(header()).queryByText('Hi, User')).not.toBeInTheDocument();
  expect(within(header()).getByRole('link', { name: 'Sign in' })).toBeInTheDocument();

  // Sign in from the message: back to checkout, where the cart is (the server kept it).
  await user.click(within(alert).getByRole('link', { name: 'Sign in' }));
  expect(history.at(-1)).toBe('/sign-in?next=/checkout');
  await user.type(await screen.findByLabelText('Username'), 'user');
  await user.type(screen.getByLabelText('Password'), 'password');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByRole('button', { name: /place order · \$12\.98/i })).toBeEnabled();
  expect(history.at(-1)).toBe('/checkout');
  expectCartKept(/Nerd leg/);
  expect(screen.getByRole('alert')).toBeEmptyDOMElement();
});

test('the cookie expires while the tab is in the background: on focus the header and checkout switch to signed out', async () => {
  await openCheckout();
  expect(await within(header()).findByText('Hi, User')).toBeInTheDocument();
  cookieExpires();
  fireEvent.focus(window);
  expect(within(header()).getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  expect(within(header()).queryByText('Hi, User')).not.toBeInTheDocument();
  const alert = await checkoutAlertSaying('Your session has ended.');
  expect(within(alert).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
    'href',
    '/sign-in?next=/checkout',
  );
  expect(screen.queryByRole('button', { name: /place order/i })).not.toBeInTheDocument();
});

test('the cookie expires between the check and the cart read-back: the anonymous cart is not read as theirs', async () => {
  const { user, button } = await openCheckout();
  // The read-back is the moment the cookie goes: the shop answers for an anonymous, empty cart.
  server.use(
    http.get(
      '*/api/cart',
      () => {
        cookieExpires();
        return HttpResponse.json([]);
      },
      { once: true },
    ),
  );
  await user.click(button);
  const alert = await checkoutAlertSaying('Your session has ended.');
  expect(alert).not.toHaveTextContent(/empty|another tab/i);
  expect(listOrders()).toHaveLength(0);
});

test('the order lookup answers "User not logged in." after an unknown outcome: no promise about charges', async () => {
  const { user, button } = await openCheckout();
  server.use(
    http.post('*/api/orders', () => HttpResponse.error(), { once: true }),
    http.get('*/api/orders', () =>
      HttpResponse.json({ message: 'User not logged in.', error: {} }, { status: 500 }),
    ),
  );
  await user.click(button);
  const alert = await checkoutAlertSaying('Your session has ended.');
  expect(alert).toHaveTextContent(/Sign in to find out whether your earlier payment went through/);
  expect(alert).not.toHaveTextContent(/not been charged|No order was placed/);
});
