import { focusManager } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, expect, onTestFinished, test, vi } from 'vitest';
import { server } from '../mocks/node';
import { halOrder } from './utils/fixtures';
import { act, renderApp, screen, signInAs } from './utils/render';

/**
 * The order watch in the running page, on an injected clock (fake timers move Date.now and every
 * timer): how often the page asks, by status, and when it stops.
 */
const ID = '6900000000000000000000f1';

function sockShopDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function serveOrder(state: { status: string; placedAt: number }) {
  const calls: number[] = [];
  server.use(
    http.get('*/api/orders/:id', () => {
      calls.push(Date.now());
      return HttpResponse.json(
        halOrder(ID, { status: state.status, date: sockShopDate(state.placedAt) }),
      );
    }),
  );
  return calls;
}

/** GET /orders answers one delivered order (nothing left to watch); returns when it was asked. */
function serveDeliveredOrders() {
  const calls: number[] = [];
  server.use(
    http.get('*/api/orders', () => {
      calls.push(Date.now());
      return HttpResponse.json(
        [halOrder(ID, { status: 'DELIVERED', date: sockShopDate(Date.now() - 86_400_000) })],
        { status: 201 },
      );
    }),
  );
  return calls;
}

const inLast = (calls: number[], ms: number) => calls.filter((t) => t > Date.now() - ms).length;
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const statusText = (label: string) => screen.queryByText(label, { selector: '.status *, .status' });

beforeEach(() => {
  vi.useFakeTimers({
    shouldAdvanceTime: true,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

test('a fresh order awaiting payment is asked about every 2 s (30 a minute), and the outcome shows within 2 s', async () => {
  const state = { status: 'PENDING', placedAt: Date.now() };
  const calls = serveOrder(state);
  await signInAs();
  renderApp(`/orders/${ID}`);
  expect(
    await screen.findByText('Payment pending', { selector: '.status *, .status' }),
  ).toBeInTheDocument();

  await advance(60_000);
  expect(inLast(calls, 60_000)).toBeLessThanOrEqual(30);
  expect(inLast(calls, 60_000)).toBeGreaterThanOrEqual(28);

  state.status = 'PAID';
  await advance(2_000);
  expect(statusText('Paid')).toBeInTheDocument();

  // Paid, waiting for shipping: from 2 s after the change, backing off to every 20 s.
  await advance(60_000);
  expect(inLast(calls, 60_000)).toBeLessThanOrEqual(7);
  await advance(60_000);
  expect(inLast(calls, 60_000)).toBe(3);
  state.status = 'SHIPPED';
  await advance(20_000);
  expect(statusText('Shipped')).toBeInTheDocument();
});

test('a settled order is never asked about again', async () => {
  const state = { status: 'SHIPPED', placedAt: Date.now() - 86_400_000 };
  const calls = serveOrder(state);
  await signInAs();
  renderApp(`/orders/${ID}`);
  expect(
    await screen.findByText('Shipped', { selector: '.status *, .status' }),
  ).toBeInTheDocument();
  state.status = 'DELIVERED';
  await advance(20_000);
  expect(statusText('Delivered')).toBeInTheDocument();
  const settledAt = calls.length;
  await advance(10 * 60_000);
  expect(calls.length).toBe(settledAt);
});

test('no requests while the tab is hidden; one on return, then the schedule again', async () => {
  const state = { status: 'PENDING', placedAt: Date.now() };
  const calls = serveOrder(state);
  await signInAs();
  renderApp(`/orders/${ID}`);
  expect(
    await screen.findByText('Payment pending', { selector: '.status *, .status' }),
  ).toBeInTheDocument();
  await advance(5_000);

  onTestFinished(() => focusManager.setFocused(undefined));
  act(() => focusManager.setFocused(false));
  const beforeHiding = calls.length;
  state.status = 'PAYMENT_FAILED';
  await advance(60_000);
  expect(calls.length).toBe(beforeHiding);
  expect(statusText('Payment failed')).not.toBeInTheDocument();

  act(() => focusManager.setFocused(true));
  await advance(100);
  expect(calls.length).toBe(beforeHiding + 1);
  expect(statusText('Payment failed')).toBeInTheDocument();
});

test('switching tabs back and forth never makes the page ask more than 30 times a minute', async () => {
  const state = { status: 'PENDING', placedAt: Date.now() };
  const calls = serveOrder(state);
  await signInAs();
  renderApp(`/orders/${ID}`);
  expect(
    await screen.findByText('Payment pending', { selector: '.status *, .status' }),
  ).toBeInTheDocument();
  onTestFinished(() => focusManager.setFocused(undefined));
  for (let i = 0; i < 120; i += 1) {
    act(() => focusManager.setFocused(false));
    act(() => focusManager.setFocused(true));
    await advance(500);
  }
  expect(inLast(calls, 60_000)).toBeLessThanOrEqual(30);
});

test('a fresh orders page asks for GET /orders once, even if the tab gains focus while it loads', async () => {
  const calls = serveDeliveredOrders();
  await signInAs();
  renderApp('/orders');
  act(() => {
    window.dispatchEvent(new Event('visibilitychange'));
  });
  expect(await screen.findByRole('link', { name: `Order ${ID}` })).toBeInTheDocument();
  act(() => {
    window.dispatchEvent(new Event('visibilitychange'));
  });
  await advance(1_000);
  expect(calls).toHaveLength(1);
});

test('back on the tab after the session cookie expired, the orders are not asked for (they would answer "User not logged in.")', async () => {
  const calls = serveDeliveredOrders();
  await signInAs();
  renderApp('/orders');
  expect(await screen.findByRole('link', { name: `Order ${ID}` })).toBeInTheDocument();
  await advance(5_000);
  expect(calls).toHaveLength(1);

  onTestFinished(() => focusManager.setFocused(undefined));
  act(() => focusManager.setFocused(false));
  document.cookie = 'logged_in=; Max-Age=0; Path=/';
  act(() => focusManager.setFocused(true));
  await advance(5_000);
  expect(calls).toHaveLength(1);
});

test('back on the tab with the session still there, the orders are asked for at once', async () => {
  const calls = serveDeliveredOrders();
  await signInAs();
  renderApp('/orders');
  expect(await screen.findByRole('link', { name: `Order ${ID}` })).toBeInTheDocument();
  await advance(5_000);
  onTestFinished(() => focusManager.setFocused(undefined));
  act(() => focusManager.setFocused(false));
  act(() => focusManager.setFocused(true));
  await advance(100);
  expect(calls).toHaveLength(2);
});
