import { onlineManager } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { expect, onTestFinished, test } from 'vitest';
import { configureMock } from '../mocks/config';
import { listIdempotencyRecords, listOrders } from '../mocks/db';
import { server } from '../mocks/node';
import { setScenario } from '../mocks/scenarios';
import {
  addToCart,
  checkoutAlertSaying,
  CROSSED,
  NERD_LEG,
  openCheckout,
  placeOrderButton,
  recordOrderPosts,
  findPaidMessage,
} from './utils/checkout';
import { act, cleanup, renderApp, screen, waitFor, within } from './utils/render';

/**
 * The next POST /orders is held by the shop until the test ends (an answer that will not arrive
 * while this page is open). With `place`, the shop does place the order first (same key).
 */
function holdNextOrder({ place }: { place: boolean }) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  onTestFinished(() => release());
  server.use(
    http.post(
      '*/api/orders',
      async ({ request }) => {
        if (place) {
          const key = request.headers.get('Idempotency-Key') ?? '';
          const placed = await fetch('/api/orders', {
            method: 'POST',
            headers: { 'Idempotency-Key': key },
          });
          if (placed.status !== 201) throw new Error(`setup failed: ${placed.status}`);
        }
        await held;
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
}

/** Closes the page and opens checkout again in the same tab (sessionStorage survives). */
function reloadCheckout() {
  cleanup();
  return renderApp('/checkout');
}

test('a storm of clicks and Enter presses in the same tick reaches the single-flight guard: one POST /orders', async () => {
  const posts = recordOrderPosts();
  const { button } = await openCheckout();
  // Every call from here on: one click's worth is one cart read-back, then one POST.
  const calls: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
  };
  server.events.on('request:start', listener);
  onTestFinished(() => server.events.removeListener('request:start', listener));

  // One tick: React does not re-render in between, so the button is still enabled for every one
  // of these. Mouse clicks (detail 1) and Enter presses (a click with detail 0).
  act(() => {
    for (let i = 0; i < 10; i += 1) {
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
    }
  });

  expect(await findPaidMessage()).toBeInTheDocument();
  expect(posts).toHaveLength(1);
  expect(listOrders()).toHaveLength(1);
  const firstPost = calls.indexOf('POST /api/orders');
  expect(calls.slice(0, firstPost)).toEqual(['GET /api/cart']);
});

test('reload mid-payment: the same key is kept and the order that went through is found, not paid again', async () => {
  const posts = recordOrderPosts();
  holdNextOrder({ place: true });
  const { user, button } = await openCheckout();
  await user.click(button);
  // The order is placed on the shop (the app's POST and the shop's own, same key)...
  await waitFor(() => expect(listOrders()).toHaveLength(1));
  expect(new Set(posts).size).toBe(1);
  const sent = posts.length;

  // ...and the tab is reloaded before the answer arrives.
  const { history } = reloadCheckout();
  expect(await findPaidMessage()).toBeInTheDocument();
  expect(history.at(-1)).toMatch(/\?placed=1$/);
  expect(posts).toHaveLength(sent);
  expect(listOrders()).toHaveLength(1);
});

test('reload mid-payment when nothing arrived: the retry reuses the same key', async () => {
  const posts = recordOrderPosts();
  holdNextOrder({ place: false });
  const { user, button } = await openCheckout();
  await user.click(button);
  await waitFor(() => expect(posts).toHaveLength(1));

  const view = reloadCheckout();
  const alert = await checkoutAlertSaying('We are not sure your order went through.', 5_000);
  expect(alert).not.toHaveTextContent(/not been charged/);
  await waitFor(() => expect(alert).toHaveTextContent(/found no order from this attempt/));
  await waitFor(() => expect(placeOrderButton()).toBeEnabled());
  await view.user.click(placeOrderButton());
  expect(await findPaidMessage()).toBeInTheDocument();
  expect(posts).toHaveLength(2);
  expect(posts[1]).toBe(posts[0]);
  expect(listOrders()).toHaveLength(1);
});

test('a checkout timeout goes to the unknown path; asking again reuses the key and gets the original order', async () => {
  const posts = recordOrderPosts();
  setScenario('orders-slow');
  configureMock({ ordersSlowMs: 3_500 }); // longer than the storefront's 2.5 s checkout timeout in tests
  // The order lookup is down too, so the shopper has to ask again.
  server.use(
    http.get('*/api/orders', () =>
      HttpResponse.json({ message: 'down', error: {} }, { status: 500 }),
    ),
  );
  const { user, button } = await openCheckout();

  await user.click(button);
  const alert = await checkoutAlertSaying('We are not sure your order went through.', 5_000);
  await waitFor(() => expect(alert).toHaveTextContent(/could not check your orders/));

  // Still in flight on the backend: 409, still unknown.
  await user.click(placeOrderButton());
  await waitFor(() => expect(posts).toHaveLength(2));
  await waitFor(() => expect(placeOrderButton()).toBeEnabled());
  // Once the backend has finished the first request (the event, not a sleep), asking again
  // replays its answer.
  await waitFor(() => expect(listIdempotencyRecords()[0]?.state).toBe('completed'), {
    timeout: 5_000,
  });
  await user.click(placeOrderButton());
  expect(await findPaidMessage()).toBeInTheDocument();

  expect(new Set(posts).size).toBe(1);
  expect(posts).toHaveLength(3);
  expect(listOrders()).toHaveLength(1);
});

test('after "payment unavailable" the next try gets a new key and a new order', async () => {
  const posts = recordOrderPosts();
  setScenario('payment-down');
  const { user, button } = await openCheckout();
  await user.click(button);
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent(/could not process your payment/));
  await waitFor(() => expect(placeOrderButton()).toBeEnabled());

  setScenario('healthy');
  await user.click(placeOrderButton());
  expect(await findPaidMessage()).toBeInTheDocument();
  expect(posts).toHaveLength(2);
  expect(posts[0]).not.toBe(posts[1]);
  expect(
    listOrders()
      .map((order) => order.state)
      .sort(),
  ).toEqual(['PAID', 'PAYMENT_FAILED']);
});

test('a changed cart gets a new key, even after an unknown outcome', async () => {
  const posts = recordOrderPosts();
  server.use(http.post('*/api/orders', () => HttpResponse.error(), { once: true }));
  const { user, button, queryClient } = await openCheckout();
  await user.click(button);
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent(/found no order from this attempt/));

  await addToCart(CROSSED);
  await act(() => queryClient.invalidateQueries());
  const summary = screen.getByRole('region', { name: /order summary/i });
  await within(summary).findByText(/Crossed/);
  await user.click(placeOrderButton());
  expect(await findPaidMessage()).toBeInTheDocument();
  expect(posts).toHaveLength(2);
  expect(posts[0]).not.toBe(posts[1]);
});

test('reads are retried on 503 and shown; a 404 is not retried', async () => {
  let catalogueCalls = 0;
  server.use(
    http.get('*/api/catalogue', () => {
      catalogueCalls += 1;
      return catalogueCalls <= 2 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json([]);
    }),
  );
  renderApp('/');
  expect(await screen.findByText(/no socks match/i)).toBeInTheDocument();
  expect(catalogueCalls).toBe(3);

  let sockCalls = 0;
  server.use(
    http.get('*/api/catalogue/:id', () => {
      sockCalls += 1;
      return new HttpResponse(null, { status: 404 });
    }),
  );
  renderApp('/socks/missing');
  expect(await screen.findByText("We couldn't find this sock.")).toBeInTheDocument();
  expect(sockCalls).toBe(1);
});

test('a 406 on a read is not retried', async () => {
  let calls = 0;
  server.use(
    http.get('*/api/catalogue/:id', () => {
      calls += 1;
      return HttpResponse.json({ status: 406, message: 'no' }, { status: 406 });
    }),
  );
  renderApp(`/socks/${NERD_LEG}`);
  expect(await screen.findByText("We couldn't load this sock.")).toBeInTheDocument();
  expect(calls).toBe(1);
});

test('the payment breaker opens after 3 failures, blocks ordering, half-opens after the cool-down, closes on success', async () => {
  setScenario('payment-down');
  const { user, button } = await openCheckout();
  for (let i = 0; i < 3; i += 1) {
    await waitFor(() => expect(placeOrderButton()).toBeEnabled());
    await user.click(i === 0 ? button : placeOrderButton());
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(/could not process your payment/),
    );
  }
  expect(await screen.findByText('Payments are temporarily unavailable.')).toBeInTheDocument();
  expect(placeOrderButton()).toBeDisabled();
  expect(
    screen.getByText(/Payments are temporarily unavailable\. You can try again in \d+ s\./),
  ).toBeInTheDocument();

  // After the cool-down (1.5 s in tests) one probe is allowed; payment is back, so it closes.
  setScenario('healthy');
  await waitFor(() => expect(placeOrderButton()).toBeEnabled(), { timeout: 4_000 });
  await user.click(placeOrderButton());
  expect(await findPaidMessage()).toBeInTheDocument();
  expect(screen.queryByText('Payments are temporarily unavailable.')).not.toBeInTheDocument();
});

test('offline: a banner says so, Place order explains why it is disabled, and all resumes online', async () => {
  const { button } = await openCheckout();
  onTestFinished(() => onlineManager.setOnline(true));
  act(() => onlineManager.setOnline(false));
  expect(
    await screen.findByText(/you are offline\. what you see may be out of date/i),
  ).toBeInTheDocument();
  expect(button).toBeDisabled();
  expect(screen.getByText('You are offline. Reconnect to place your order.')).toBeInTheDocument();

  act(() => onlineManager.setOnline(true));
  await waitFor(() => expect(placeOrderButton()).toBeEnabled());
  expect(
    screen.queryByText(/you are offline\. what you see may be out of date/i),
  ).not.toBeInTheDocument();
});

test('the payment health check warns before the shopper even tries, and says nothing when payment is up', async () => {
  const { queryClient } = await openCheckout();
  // Only once the health answer is in is its silence meaningful.
  await waitFor(() => expect(queryClient.getQueryState(['health', 'payment'])?.data).toBe('up'));
  expect(screen.queryByText('Payments may not work right now.')).not.toBeInTheDocument();
  cleanup();

  setScenario('payment-down');
  renderApp('/checkout');
  expect(await screen.findByText('Payments may not work right now.')).toBeInTheDocument();
  // A warning, not a block: the shopper may still try (and the outcome will be explained).
  await waitFor(() => expect(placeOrderButton()).toBeEnabled());
});

test('after the cool-down the health check is the probe: payment still down keeps ordering paused', async () => {
  setScenario('payment-down');
  const posts = recordOrderPosts();
  const { user, button, queryClient } = await openCheckout();
  for (let i = 0; i < 3; i += 1) {
    await waitFor(() => expect(placeOrderButton()).toBeEnabled());
    await user.click(i === 0 ? button : placeOrderButton());
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(/could not process your payment/),
    );
  }
  expect(await screen.findByText('Payments are temporarily unavailable.')).toBeInTheDocument();

  // The cool-down (1.5 s in tests) ends: one probe may go.
  await waitFor(() => expect(placeOrderButton()).toBeEnabled(), { timeout: 4_000 });
  // The next health check answers first (it polls every 10 s; ask now): payment is still down.
  await act(() => queryClient.invalidateQueries({ queryKey: ['health'] }));
  expect(await screen.findByText('Payments are temporarily unavailable.')).toBeInTheDocument();
  expect(placeOrderButton()).toBeDisabled();
  expect(posts).toHaveLength(3); // the probe cost no order
});
