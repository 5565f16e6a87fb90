import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { configureMock, setMockClock } from '../mocks/config';
import { listOrders } from '../mocks/db';
import { server } from '../mocks/node';
import { setScenario } from '../mocks/scenarios';
import {
  checkoutAlertSaying,
  CROSSED,
  NERD_LEG,
  placeOrderButton,
  recordOrderPosts,
} from './utils/checkout';
import { halOrder } from './utils/fixtures';
import { act, headerReady, renderApp, screen, signInAs, waitFor, within } from './utils/render';
import { myOrders, placeFailedOrder, recordCartWrites, setOrderLines } from './utils/reorder';
import { addToCart } from './utils/checkout';
import { recordTelemetry } from './utils/telemetry';

/** Pages load lazily: on a busy machine the first visit can take a few seconds. */
const PAGE = { timeout: 5_000 };
const orderAgain = () => screen.findByRole('button', { name: /^Order these again/ }, PAGE);
const summary = () => screen.findByRole('region', { name: /order summary/i }, PAGE);
const paidMessage = () =>
  screen.findByText(/thank you! your order is confirmed and paid/i, {}, PAGE);

async function expectCheckoutWith(lines: RegExp[]) {
  const region = await summary();
  for (const line of lines) expect(await within(region).findByText(line)).toBeInTheDocument();
  return region;
}

async function cartOnServer(): Promise<Record<string, number>> {
  const items = (await (await fetch('/api/cart')).json()) as { itemId: string; quantity: number }[];
  return Object.fromEntries(items.map((item) => [item.itemId, item.quantity]));
}

describe('Order these again', () => {
  test('from the order page: the cart is filled, checkout opens, the new order is paid with a new key, and telemetry joins start and paid', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG, NERD_LEG]);
    const failedKeys = recordOrderPosts();
    const events = recordTelemetry();
    const { user, history } = renderApp(`/orders/${failedId}`);

    await user.click(await orderAgain());

    await waitFor(() => expect(history.at(-1)).toBe('/checkout'));
    await expectCheckoutWith([/2 × Nerd leg/]);
    expect(await screen.findByText(/You are ordering again the socks from order/)).toBeVisible();
    expect(await cartOnServer()).toEqual({ [NERD_LEG]: 2 });

    // Second click: the shopper pays.
    await waitFor(() => expect(placeOrderButton()).toBeEnabled());
    await user.click(placeOrderButton());
    expect(await paidMessage()).toBeVisible();

    const paid = (await myOrders()).find((order) => order.status === 'PAID');
    expect(paid).toBeDefined();
    expect(failedKeys).toHaveLength(1);
    const started = events.find((event) => event.type === 'recovery_started');
    const done = events.find((event) => event.type === 'recovery_paid');
    expect(started).toMatchObject({ failedOrderId: failedId, mode: 'fill', items: 2 });
    expect(done).toMatchObject({ failedOrderId: failedId, orderId: paid?.id });
  });

  test('from a row of the orders list', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([CROSSED]);
    const { user, history } = renderApp('/orders');
    const row = (await screen.findByRole('link', { name: `Order ${failedId}` }, PAGE)).closest(
      'tr',
    );
    if (!row) throw new Error('no row');
    await user.click(within(row).getByRole('button', { name: /^Order these again/ }));
    await waitFor(() => expect(history.at(-1)).toBe('/checkout'));
    await expectCheckoutWith([/1 × Crossed/]);
  });

  test('from the header notification of a failure', async () => {
    const id = '6900000000000000000000f1';
    let status = 'PENDING';
    server.use(
      http.get('*/api/orders', () =>
        HttpResponse.json([halOrder(id, { status })], { status: 201 }),
      ),
    );
    await signInAs();
    const { user, history, queryClient } = renderApp('/');
    await screen.findByRole('list', { name: 'Socks' });
    // The header has read the order while it was pending: the change is news.
    await headerReady(queryClient);
    status = 'PAYMENT_FAILED';
    await screen.findByText(`Order ${id} is now Payment failed.`, {}, { timeout: 5_000 });

    await user.click(await orderAgain());
    await waitFor(() => expect(history.at(-1)).toBe('/checkout'));
    // The fixture order holds 2 × Nerd leg.
    await expectCheckoutWith([/2 × Nerd leg/]);
  });

  test("from the checkout's failure message: the failed order is named, the cart refreshed, and the retry pays with a new key", async () => {
    setScenario('payment-down');
    await signInAs();
    await addToCart(NERD_LEG);
    const keys = recordOrderPosts();
    const events = recordTelemetry();
    const { user } = renderApp('/checkout');
    await summary();
    await waitFor(() => expect(placeOrderButton()).toBeEnabled());
    await user.click(placeOrderButton());
    const again = await screen.findByRole('button', { name: 'Order these again' }, PAGE);
    const failedId = (await myOrders()).find((order) => order.status === 'PAYMENT_FAILED')?.id;
    expect(failedId).toBeDefined();

    setScenario('healthy');
    await user.click(again);
    expect(
      await screen.findByText(/You are ordering again the socks from order/, {}, PAGE),
    ).toHaveTextContent(failedId ?? '?');
    await expectCheckoutWith([/1 × Nerd leg/]);
    expect(await cartOnServer()).toEqual({ [NERD_LEG]: 1 });

    await waitFor(() => expect(placeOrderButton()).toBeEnabled());
    await user.click(placeOrderButton());
    expect(await paidMessage()).toBeVisible();
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
    const paid = (await myOrders()).find((order) => order.status === 'PAID');
    expect(events.find((e) => e.type === 'recovery_started')).toMatchObject({
      failedOrderId: failedId,
    });
    expect(events.find((e) => e.type === 'recovery_paid')).toMatchObject({
      failedOrderId: failedId,
      orderId: paid?.id,
    });
  });

  test('a recovery whose new order waits for payment: paid later, seen by the watcher, ends the recovery once', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG]);
    const events = recordTelemetry();
    const { user } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());
    await expectCheckoutWith([/1 × Nerd leg/]);

    // The new order is saved with its payment undecided; the backend decides one step later.
    const step = 600;
    configureMock({ progressionStepMs: step });
    setScenario('status-progression');
    let now = Date.now();
    setMockClock(() => now);
    await waitFor(() => expect(placeOrderButton()).toBeEnabled());
    await user.click(placeOrderButton());
    await checkoutAlertSaying('Your order is waiting for payment confirmation.', 5_000);
    const placed = listOrders().find((order) => order.id !== failedId);
    if (!placed) throw new Error('the new order was not saved');
    expect(events.filter((e) => e.type === 'recovery_paid')).toEqual([]);
    expect(screen.getByText(/You are ordering again the socks from order/)).toBeVisible();

    now += step;
    await waitFor(
      () =>
        expect(events.filter((e) => e.type === 'recovery_paid')).toEqual([
          expect.objectContaining({ failedOrderId: failedId, orderId: placed.id }),
        ]),
      { timeout: 5_000 },
    );
    await waitFor(() =>
      expect(
        screen.queryByText(/You are ordering again the socks from order/),
      ).not.toBeInTheDocument(),
    );
  });

  test('signing out drops the recovery: the next shopper in the tab is not told about that order', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG]);
    const { user, navigate } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());
    expect(
      await screen.findByText(/You are ordering again the socks from order/, {}, PAGE),
    ).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    act(() => navigate('/sign-in?next=/checkout'));
    await user.type(await screen.findByLabelText('Username', {}, PAGE), 'user1');
    await user.type(screen.getByLabelText('Password'), 'password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout' }, PAGE)).toBeVisible();
    await summary();
    expect(screen.queryByText(/You are ordering again the socks/)).not.toBeInTheDocument();
  });

  test("price changed: today's price goes in the cart, and the checkout says so before paying", async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG]);
    setOrderLines(failedId, [{ itemId: NERD_LEG, quantity: 1, unitPrice: 6.5 }]);
    const { user } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());

    await expectCheckoutWith([/1 × Nerd leg/, /\$7\.99 each/]);
    const changes = await screen.findByRole('list', { name: 'Price changes' });
    expect(changes).toHaveTextContent('Nerd leg: was $6.50, now $7.99 each (up)');
    expect(placeOrderButton()).toHaveTextContent('$12.98');
  });

  test('item withdrawn: it is named by what the order says, left out, and never written to the cart', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG]);
    setOrderLines(failedId, [
      { itemId: NERD_LEG, quantity: 1, unitPrice: 7.99 },
      { itemId: 'retired-sock-0001', quantity: 2, unitPrice: 12 },
    ]);
    const writes = recordCartWrites();
    const { user } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());

    await expectCheckoutWith([/1 × Nerd leg/]);
    const leftOut = await screen.findByRole('list', { name: 'Left out' });
    expect(leftOut).toHaveTextContent('A sock we no longer sell (2 × $12.00): no longer sold');
    expect(await cartOnServer()).toEqual({ [NERD_LEG]: 1 });
    expect(writes.map((w) => w.path)).not.toContain('/api/cart/retired-sock-0001');
    await waitFor(() => expect(writes.map((w) => w.body)).toEqual([{ id: NERD_LEG }]));
  });

  test('nothing on sale any more: the shopper is told, the cart is not touched, checkout does not open', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG]);
    setOrderLines(failedId, [{ itemId: 'retired-sock-0002', quantity: 1, unitPrice: 9 }]);
    const writes = recordCartWrites();
    const { user, history } = renderApp(`/orders/${failedId}`);
    const button = await orderAgain();
    await user.click(button);
    const dialog = await screen.findByRole('dialog', {
      name: "These socks can't be ordered any more",
    });
    await user.keyboard('{Escape}');
    expect(dialog).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(writes).toEqual([]);
    expect(history.at(-1)).toBe(`/orders/${failedId}`);
  });

  test('cart not empty, add: the dialog asks first (keyboard ready), then both are in the cart', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG, NERD_LEG]);
    await addToCart(CROSSED);
    await addToCart(NERD_LEG);
    const { user, history } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());

    const dialog = await screen.findByRole('dialog', { name: 'Your cart already has socks in it' });
    const add = within(dialog).getByRole('button', { name: 'Add to my cart' });
    expect(add).toHaveFocus();
    expect(history.at(-1)).toBe(`/orders/${failedId}`);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(history.at(-1)).toBe('/checkout'));
    await expectCheckoutWith([/3 × Nerd leg/, /1 × Crossed/]);
    expect(await cartOnServer()).toEqual({ [NERD_LEG]: 3, [CROSSED]: 1 });
  });

  test('cart not empty, replace: only the failed order’s socks are left', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG]);
    await addToCart(CROSSED);
    const { user, history } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());
    const dialog = await screen.findByRole('dialog', { name: 'Your cart already has socks in it' });
    await user.click(within(dialog).getByRole('button', { name: 'Replace my cart' }));

    await waitFor(() => expect(history.at(-1)).toBe('/checkout'));
    await expectCheckoutWith([/1 × Nerd leg/]);
    expect(await cartOnServer()).toEqual({ [NERD_LEG]: 1 });
  });

  test('cart not empty, cancel: nothing changes', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG]);
    await addToCart(CROSSED);
    const writes = recordCartWrites();
    const { user } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());
    const dialog = await screen.findByRole('dialog', { name: 'Your cart already has socks in it' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(dialog).not.toBeInTheDocument();
    expect(writes).toEqual([]);
    expect(await cartOnServer()).toEqual({ [CROSSED]: 1 });
  });

  test('a cart write that fails: the shopper is told, with a reference, and stays on the order', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([NERD_LEG]);
    server.use(
      http.post('*/api/cart', () =>
        HttpResponse.json({ message: 'boom', error: {} }, { status: 500 }),
      ),
    );
    const { user, history } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't put these socks in your cart.");
    expect(alert).toHaveTextContent(/Reference: /);
    expect(history.at(-1)).toBe(`/orders/${failedId}`);
  });

  test('breaker open: the cart is still filled, checkout explains the wait, and nothing pays on its own', async () => {
    setScenario('payment-down');
    await signInAs();
    await addToCart(NERD_LEG);
    const posts = recordOrderPosts();
    const { user, navigate } = renderApp('/checkout');
    await summary();
    for (let i = 0; i < 3; i += 1) {
      await waitFor(() => expect(placeOrderButton()).toBeEnabled());
      await user.click(placeOrderButton());
      await waitFor(() =>
        expect(screen.getByRole('alert')).toHaveTextContent(/could not process your payment/),
      );
    }
    expect(await screen.findByText('Payments are temporarily unavailable.')).toBeInTheDocument();
    await fetch('/api/cart', { method: 'DELETE' });
    setScenario('healthy');
    const failedId = (await myOrders())[0]?.id ?? '';

    act(() => navigate(`/orders/${failedId}`));
    await user.click(await orderAgain());
    await screen.findByText(/You are ordering again the socks from order/);
    await expectCheckoutWith([/1 × Nerd leg/]);
    expect(await cartOnServer()).toEqual({ [NERD_LEG]: 1 });
    expect(screen.getByText('Payments are temporarily unavailable.')).toBeInTheDocument();
    expect(placeOrderButton()).toBeDisabled();
    // After the cool-down the shopper may pay again, but nothing has paid by itself.
    await waitFor(() => expect(placeOrderButton()).toBeEnabled(), { timeout: 4_000 });
    expect(posts).toHaveLength(3);
  });

  test('a recovery whose payment fails again: the first order stays at risk, the new one is failed too, nothing counted twice', async () => {
    await signInAs();
    const failedId = await placeFailedOrder([CROSSED]);
    const events = recordTelemetry();
    const { user, navigate } = renderApp(`/orders/${failedId}`);
    await user.click(await orderAgain());
    await expectCheckoutWith([/1 × Crossed/]);

    setScenario('payment-down');
    await waitFor(() => expect(placeOrderButton()).toBeEnabled());
    await user.click(placeOrderButton());
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(/could not process your payment/),
    );
    const failed = (await myOrders()).filter((order) => order.status === 'PAYMENT_FAILED');
    expect(failed).toHaveLength(2);
    expect(events.filter((e) => e.type === 'recovery_paid')).toEqual([]);

    act(() => navigate('/ops/payment-issues'));
    const table = await screen.findByRole('table', { name: /orders whose payment failed/i }, PAGE);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveTextContent('Not recovered');
    expect(fact('Recovered')).toHaveTextContent('$0.00 · 0 orders won back');
    expect(fact('Revenue at risk')).toHaveTextContent('$44.62');
  });
});

function fact(term: string): HTMLElement {
  const dd = screen.getByText(term, { selector: 'dt' }).nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no value for ${term}`);
  return dd;
}

describe('incident replay (incident-3)', () => {
  test('Rayaan recovers order ceb4b with payment healthy; the ops view moves $19.99 from at risk to recovered', async () => {
    setScenario('incident-3');
    await signInAs('Rayaan', 'password');
    const { user, navigate } = renderApp('/ops/payment-issues');
    expect(
      await screen.findByRole('table', { name: /orders whose payment failed/i }),
    ).toBeVisible();
    expect(fact('Revenue at risk')).toHaveTextContent('$479.20');
    expect(fact('Recovered')).toHaveTextContent('$0.00 · 0 orders won back');

    act(() => navigate('/orders'));
    const failedId = '690320eae2c84800016ceb4b';
    const row = (await screen.findByRole('link', { name: `Order ${failedId}` }, PAGE)).closest(
      'tr',
    );
    if (!row) throw new Error('no row');
    await user.click(within(row).getByRole('button', { name: /^Order these again/ }));
    await expectCheckoutWith([/1 × SuperSport XL/]);
    await waitFor(() => expect(placeOrderButton()).toBeEnabled());
    await user.click(placeOrderButton());
    expect(await paidMessage()).toBeVisible();
    const paid = (await myOrders()).find(
      (order) => order.status === 'PAID' && order.id !== '69031695e2c84800016ceb48',
    );

    act(() => navigate('/ops/payment-issues'));
    await waitFor(
      () => expect(fact('Recovered')).toHaveTextContent('$19.99 · 1 order won back'),
      PAGE,
    );
    expect(fact('Revenue at risk')).toHaveTextContent('$459.21');
    expect(fact('Failed orders')).toHaveTextContent('6 of 9 orders');
    const table = screen.getByRole('table', { name: /orders whose payment failed/i });
    const recovered = within(table).getByRole('rowheader', { name: failedId }).closest('tr');
    expect(recovered).toHaveTextContent(`✓ ${paid?.id ?? '?'}, paid $19.99`);
  });
});
