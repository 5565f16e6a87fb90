import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { MAX_REQUESTS_PER_MINUTE, PAYMENT_POLL_MS } from '@/domain/poll-schedule';
import { watchOrder } from '@/features/checkout/components/order-watch';
import { useCheckoutInterpreter } from '@/features/checkout/components/use-checkout-interpreter';
import type { LookedUpOrder } from '@/features/checkout/model/checkout-machine';
import {
  restoreCheckout,
  saveAttempt,
  useCheckoutState,
} from '@/features/checkout/stores/checkout-store';
import { createQueryClient } from '@/lib/query-client';
import { act, renderHook } from './utils/render';

/**
 * The pending-order watcher: it follows an order saved with its payment undecided, reports what
 * it sees to the checkout machine, and stops asking once the machine has settled the order.
 * Fake timers: no real time passes.
 */

afterEach(() => {
  vi.useRealTimers();
});

function order(status: string): LookedUpOrder {
  return { id: 'o-1', date: new Date(0), total: 12.98, status };
}

function interpreterAwaiting(statuses: string[]) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  saveAttempt({
    key: 'key-1',
    fingerprint: 'ax1@799',
    total: 12.98,
    startedAt: 0,
    phase: 'awaiting',
    orderId: 'o-1',
  });
  let looks = 0;
  const lookupOrders = vi.fn(async () => {
    const status = statuses[Math.min(looks, statuses.length - 1)] ?? 'PENDING';
    looks += 1;
    return [order(status)];
  });
  const queryClient = createQueryClient({ retryDelay: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const view = renderHook(
    () => {
      useCheckoutInterpreter({
        lookupOrders,
        sessionActive: () => true,
        endSession: () => undefined,
        openOrder: () => undefined,
      });
      return useCheckoutState();
    },
    { wrapper },
  );
  act(() => restoreCheckout());
  return { view, lookupOrders };
}

test('the watcher stops polling once the awaited order is paid', async () => {
  const { view, lookupOrders } = interpreterAwaiting(['PENDING', 'PENDING', 'PAID']);
  expect(view.result.current.attempt?.phase).toBe('awaiting');

  await act(() => vi.advanceTimersByTimeAsync(PAYMENT_POLL_MS)); // first look: pending
  await act(() => vi.advanceTimersByTimeAsync(PAYMENT_POLL_MS)); // second: pending
  await act(() => vi.advanceTimersByTimeAsync(PAYMENT_POLL_MS)); // third: paid
  expect(lookupOrders).toHaveBeenCalledTimes(3);
  expect(view.result.current.attempt).toBeNull();
  expect(view.result.current.outcome).toMatchObject({
    kind: 'paid',
    orderId: 'o-1',
    watched: true,
  });

  await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
  expect(lookupOrders).toHaveBeenCalledTimes(3);
});

test('the watcher stops polling once the awaited order has failed, and keeps going while pending', async () => {
  const { view, lookupOrders } = interpreterAwaiting(['PENDING', 'PAYMENT_FAILED']);
  await act(() => vi.advanceTimersByTimeAsync(PAYMENT_POLL_MS));
  expect(view.result.current.attempt?.phase).toBe('awaiting');
  await act(() => vi.advanceTimersByTimeAsync(PAYMENT_POLL_MS));
  expect(view.result.current.outcome).toMatchObject({ kind: 'payment-failed', watched: true });
  const looks = lookupOrders.mock.calls.length;
  await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
  expect(lookupOrders).toHaveBeenCalledTimes(looks);
});

test('watchOrder: looks again on failure, every 2 s at first, reports only its order, and stops when told', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const seen: string[] = [];
  let calls = 0;
  const stop = watchOrder({
    orderId: 'o-1',
    lookup: async () => {
      calls += 1;
      if (calls === 1) throw new Error('network');
      return [{ id: 'o-2' }, { id: 'o-1' }];
    },
    idOf: (found) => found.id,
    onSeen: (found) => seen.push(found.id),
  });
  await vi.advanceTimersByTimeAsync(PAYMENT_POLL_MS - 1);
  expect(calls).toBe(0);
  await vi.advanceTimersByTimeAsync(1); // fails, keeps watching
  await vi.advanceTimersByTimeAsync(PAYMENT_POLL_MS); // sees it
  expect(seen).toEqual(['o-1']);
  stop();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(calls).toBe(2);
});

test('watchOrder: never more than 30 looks a minute, slower after the payment window, none while the tab is hidden', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  let calls = 0;
  const stop = watchOrder({
    orderId: 'o-1',
    lookup: async () => {
      calls += 1;
      return [];
    },
    idOf: (found: { id: string }) => found.id,
    onSeen: () => undefined,
  });
  await vi.advanceTimersByTimeAsync(60_000);
  expect(calls).toBeGreaterThanOrEqual(29);
  expect(calls).toBeLessThanOrEqual(MAX_REQUESTS_PER_MINUTE);

  // Past the first two minutes: backing off towards 20 s.
  await vi.advanceTimersByTimeAsync(120_000);
  const late = calls;
  await vi.advanceTimersByTimeAsync(60_000);
  expect(calls - late).toBeLessThanOrEqual(5);

  // Hidden: no look at all, however long; shown again: one look at once.
  const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
  await vi.advanceTimersByTimeAsync(20_000); // the look already due finds the tab hidden
  const hidden = calls;
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  expect(calls).toBe(hidden);
  visibility.mockReturnValue('visible');
  document.dispatchEvent(new Event('visibilitychange'));
  await vi.advanceTimersByTimeAsync(0);
  expect(calls).toBe(hidden + 1);
  stop();
});
