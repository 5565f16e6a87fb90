import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { setScenario } from '../mocks/scenarios';
import { listOrders } from '../mocks/db';
import { server } from '../mocks/node';
import {
  addToCart,
  checkoutAlertSaying,
  expectCartKept,
  HOLY,
  openCheckout,
  ordersOnServer,
  findPaidMessage,
  NERD_LEG,
} from './utils/checkout';
import { fireEvent, renderApp, screen, signInAs, waitFor, within } from './utils/render';

/** Pages load lazily: on a busy machine the first visit can take a few seconds. */
const PAGE = { timeout: 5_000 };

/** POST /orders answers a Spring error body, as the orders service does. */
function answerOrdersWith(status: number, exception: string, message: string) {
  server.use(
    http.post('*/api/orders', () =>
      HttpResponse.json({ status, exception, message, path: '/orders' }, { status }),
    ),
  );
}

/** The next POST /orders really places the order, but the shopper's answer is `answer()`. */
function placeThenAnswer(answer: () => Response) {
  server.use(
    http.post(
      '*/api/orders',
      async () => {
        const placed = await fetch('/api/orders', { method: 'POST' });
        if (placed.status !== 201) throw new Error(`setup failed: ${placed.status}`);
        return answer();
      },
      { once: true },
    ),
  );
}

test('while the cart loads, checkout already shows its sections: the address, the card and the card rule', async () => {
  await signInAs();
  await addToCart(NERD_LEG);
  let releaseCart = () => {};
  const cartHeld = new Promise<void>((resolve) => {
    releaseCart = resolve;
  });
  // Holds the cart's answer, then lets the mock backend answer it (a handler that returns nothing
  // passes the request on).
  server.use(
    http.get('*/api/cart', async () => {
      await cartHeld;
    }),
  );
  renderApp('/checkout');

  const address = await screen.findByRole('region', { name: 'Shipping address' }, PAGE);
  const card = screen.getByRole('region', { name: 'Payment card' });
  const summary = screen.getByRole('region', { name: 'Order summary' });
  expect(await within(card).findByText(/Card ending/)).toHaveTextContent('Card ending •••• 5918');
  expect(
    within(card).getByText('Sock Shop always charges the first card on your account.'),
  ).toBeVisible();
  expect(within(address).getByText(/246 Whitelees Road/)).toBeVisible();
  expect(within(summary).getByRole('status')).toHaveTextContent('Loading your cart…');
  // Nothing to place until the cart is known.
  expect(screen.queryByRole('button', { name: /place order/i })).not.toBeInTheDocument();

  releaseCart();
  expect(await within(summary).findByText(/1 × Nerd leg/)).toBeVisible();
  await waitFor(() => expect(screen.getByRole('button', { name: /place order/i })).toBeEnabled());
  // The same sections, not a new page: the card region is the one shown while loading.
  expect(screen.getByRole('region', { name: 'Payment card' })).toBe(card);
});

test('healthy payment: the order is confirmed paid, then the cart is emptied', async () => {
  const { user, button, history } = await openCheckout();
  await user.click(button);

  expect(await findPaidMessage()).toBeInTheDocument();
  expect(history.at(-1)).toMatch(/^\/orders\/[0-9a-f]{24}\?placed=1$/);
  expect(
    await screen.findByRole('link', { name: 'Cart, 0 items' }, { timeout: 3_000 }),
  ).toBeInTheDocument();
  expect(screen.getAllByText('Paid').length).toBeGreaterThan(0);
});

test('declined: says so, nothing charged, names the limit, keeps the cart and the button', async () => {
  const { user, button } = await openCheckout([HOLY]);
  expect(screen.getByText(/declines orders over \$100\.00/i)).toBeInTheDocument();
  await user.click(button);

  const alert = await screen.findByRole('alert');
  await waitFor(() =>
    expect(alert).toHaveTextContent('Your payment was declined. You have not been charged.'),
  );
  expect(alert).toHaveTextContent(/over \$100\.00 in total/);
  expect(alert).toHaveTextContent(/Reference: [0-9A-F]{8}/);
  expect(alert).toHaveFocus();
  expectCartKept(/Holy/);
  expect(screen.getByRole('button', { name: /place order/i })).toBeEnabled();
});

test('payment service down: not charged, the failed order is named, cart kept, button back', async () => {
  setScenario('payment-down');
  const { user, button } = await openCheckout();
  await user.click(button);

  const alert = await screen.findByRole('alert');
  await waitFor(() =>
    expect(alert).toHaveTextContent(
      'We could not process your payment. You have not been charged.',
    ),
  );
  await waitFor(() => expect(alert).toHaveTextContent(/recorded as\s*✕?\s*Payment failed/));
  const [stored] = await ordersOnServer();
  expect(stored?.status).toBe('PAYMENT_FAILED');
  expectCartKept(/Nerd leg/);
  expect(screen.getByRole('button', { name: /place order/i })).toBeEnabled();
});

test('orders service unreachable: the order was not placed, cart kept', async () => {
  const { user, button } = await openCheckout();
  setScenario('orders-down');
  await user.click(button);

  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent('Your order was not placed.'));
  expect(alert).toHaveTextContent(/not been charged and your cart is saved/);
  expectCartKept(/Nerd leg/);
  expect(screen.getByRole('button', { name: /place order/i })).toBeEnabled();
});

test('invalid order (406 InvalidOrderException): asks for the missing details', async () => {
  answerOrdersWith(
    406,
    'works.weave.socks.orders.controllers.OrdersController$InvalidOrderException',
    'Invalid order request. Order requires customer, address, card and items.',
  );
  const { user, button } = await openCheckout();
  await user.click(button);
  const alert = await checkoutAlertSaying('We need a few more details before you can pay.');
  expect(alert).toHaveTextContent(/shipping address and a payment card/);
  expect(screen.getByRole('button', { name: /place order/i })).toBeEnabled();
});

test('payment timed out inside the backend: outcome unknown, no "not charged", orders checked', async () => {
  answerOrdersWith(
    500,
    'java.lang.IllegalStateException',
    'Unable to create order due to timeout from one of the services.',
  );
  const { user, button } = await openCheckout();
  await user.click(button);
  const alert = await checkoutAlertSaying('We are not sure your order went through.');
  expect(alert).not.toHaveTextContent(/not been charged/);
  await waitFor(() => expect(alert).toHaveTextContent(/found no order from this attempt/));
  expectCartKept(/Nerd leg/);
});

test('"User not logged in." from the shop: the session has ended, signed out at once, nothing placed, sign-in returns here', async () => {
  server.use(
    http.post('*/api/orders', () =>
      HttpResponse.json({ message: 'User not logged in.', error: {} }, { status: 500 }),
    ),
  );
  const { user, button } = await openCheckout();
  await user.click(button);
  const alert = await checkoutAlertSaying('Your session has ended.');
  expect(alert).toHaveTextContent(/No order was placed and you have not been charged/);
  expect(alert).toHaveTextContent(/Your cart is kept/);
  expect(alert).not.toHaveTextContent(/another tab/);
  expect(within(alert).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
    'href',
    '/sign-in?next=/checkout',
  );
  expect(alert).toHaveFocus();
  // The header switched to signed out, and the stale cookie is gone.
  const nav = screen.getByRole('navigation', { name: 'Main' });
  expect(within(nav).getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  expect(within(nav).queryByText(/^Hi,/)).not.toBeInTheDocument();
  expect(document.cookie).not.toMatch(/logged_in=\w/);
  expect(listOrders()).toHaveLength(0);
});

test('network failure after the order was placed: the order is found, no second payment', async () => {
  const { user, button, history } = await openCheckout();
  // The request reaches the shop and the order is placed, but the answer never arrives.
  placeThenAnswer(() => HttpResponse.error());
  await user.click(button);
  expect(await findPaidMessage()).toBeInTheDocument();
  expect(history.at(-1)).toMatch(/\?placed=1$/);
  expect(await ordersOnServer()).toHaveLength(1);
});

test('network failure before the shop saw it: unknown outcome, nothing found, safe retry offered', async () => {
  server.use(http.post('*/api/orders', () => HttpResponse.error()));
  const { user, button } = await openCheckout();
  await user.click(button);
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent('We are not sure your order went through.'));
  await waitFor(() => expect(alert).toHaveTextContent(/found no order from this attempt/));
  expect(await ordersOnServer()).toHaveLength(0);
  expect(screen.getByRole('button', { name: /place order/i })).toBeEnabled();
});

test('a garbled 201 is an unknown outcome: no "not charged", and the lookup finds the paid order', async () => {
  const { user, button, history } = await openCheckout();
  placeThenAnswer(() => new HttpResponse('{"id":"6b0c', { status: 201 }));
  await user.click(button);
  expect(await findPaidMessage()).toBeInTheDocument();
  expect(history.at(-1)).toMatch(/\?placed=1$/);
  expect(await ordersOnServer()).toHaveLength(1);
});

test('another tab already paid for this cart: no order is sent from this page', async () => {
  const { user, button } = await openCheckout();
  await fetch('/api/cart', { method: 'DELETE' }); // what the other tab did after its payment
  await user.click(button);
  const alert = await screen.findByRole('alert');
  await waitFor(() =>
    expect(alert).toHaveTextContent('Your cart is empty now, so no order was sent.'),
  );
  expect(await ordersOnServer()).toHaveLength(0);
});

test('an empty cart cannot be submitted', async () => {
  await signInAs('user', 'password');
  renderApp('/checkout');
  const button = await screen.findByRole('button', { name: /place order/i });
  expect(button).toBeDisabled();
  expect(screen.getAllByText('Your cart is empty.').length).toBeGreaterThan(0);
});

test('signed out: checkout asks to sign in first', async () => {
  renderApp('/checkout');
  expect(await screen.findByRole('link', { name: /sign in to check out/i })).toHaveAttribute(
    'href',
    '/sign-in?next=/checkout',
  );
});

test('a double click after a fast decline is one attempt: the second click of the pair sends nothing', async () => {
  setScenario('payment-down');
  const { user, button } = await openCheckout();
  await user.click(button);
  await screen.findByRole('alert');
  await waitFor(() => expect(button).toBeEnabled());
  expect(await ordersOnServer()).toHaveLength(1);

  // The pair's second click lands after the first attempt has settled (detail 2: same gesture).
  fireEvent.click(button, { detail: 2 });
  expect(button).toBeEnabled();
  expect(await ordersOnServer()).toHaveLength(1);

  // A new click (a new gesture) is a retry, as it should be.
  await user.click(button);
  await waitFor(async () => expect(await ordersOnServer()).toHaveLength(2));
});
