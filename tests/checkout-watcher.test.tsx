import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
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

  await act(() => vi.advanceTimersByTimeAsync(1_000)); // first look: pending
  await act(() => vi.advanceTimersByTimeAsync(1_500)); // second: pending
  await act(() => vi.advanceTimersByTimeAsync(2_250)); // third: paid
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
  await act(() => vi.advanceTimersByTimeAsync(1_000));
  expect(view.result.current.attempt?.phase).toBe('awaiting');
  await act(() => vi.advanceTimersByTimeAsync(1_500));
  expect(view.result.current.outcome).toMatchObject({ kind: 'payment-failed', watched: true });
  const looks = lookupOrders.mock.calls.length;
  await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
  expect(lookupOrders).toHaveBeenCalledTimes(looks);
});

test('watchOrder: looks again on failure, slows down, reports only its order, and stops when told', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
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
  await vi.advanceTimersByTimeAsync(999);
  expect(calls).toBe(0);
  await vi.advanceTimersByTimeAsync(1); // 1 s: fails, keeps watching
  await vi.advanceTimersByTimeAsync(1_500); // 1.5 s later: sees it
  expect(seen).toEqual(['o-1']);
  stop();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(calls).toBe(2);
});
