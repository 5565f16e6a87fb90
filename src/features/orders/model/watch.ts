import {
  nextPollDelay,
  PAYMENT_WINDOW_MS,
  waitForRateLimit,
  type WatchedOrder,
} from '@/domain/poll-schedule';

/**
 * Decides, after each answer, whether to ask again and when, following the schedule by status in
 * `@/domain/poll-schedule`: the soonest any order in view needs, never sooner than the page's
 * request budget allows (30 a minute), and not at all once every order is settled. A change of
 * status starts the backoff over. The clock is passed in (`now`), so it can be tested.
 */
export interface WatchState {
  signature: string;
  dataUpdatedAt: number;
  unchanged: number;
  /** A status changed while this page watched (the first answer is not a change). */
  changed: boolean;
}

export interface WatchInput {
  id: string;
  status: unknown;
  date?: Date | undefined;
}

export function statusSignature(orders: readonly { id: string; status: unknown }[]): string {
  return orders.map((order) => `${order.id}:${String(order.status)}`).join('|');
}

function watched(orders: readonly WatchInput[]): WatchedOrder[] {
  return orders.map((order) => ({ status: order.status, placedAt: order.date?.getTime() }));
}

/**
 * Returns the next state and the delay before the next poll (false: stop polling).
 * `recentRequests` are the start times of this page's latest requests (for the rate limit).
 */
export function nextPoll(
  previous: WatchState | undefined,
  orders: readonly WatchInput[] | undefined,
  dataUpdatedAt: number,
  now: number,
  recentRequests: readonly number[] = [],
  failures = 0,
): { state: WatchState | undefined; delay: number | false } {
  // The schedule's delays run from the start of the latest request (not from its answer), so a
  // 2 s schedule asks every 2 s exactly; never sooner than the page's budget allows, and never 0
  // (which would stop TanStack Query's interval).
  const lastStart = recentRequests.length > 0 ? Math.max(...recentRequests) : now;
  const limit = (delay: number) =>
    Math.max(1, delay - Math.max(0, now - lastStart), waitForRateLimit(recentRequests, now));
  if (!orders) {
    // No answer yet (the first load failed): ask again from 2 s, backing off to 20 s.
    const delay = nextPollDelay([{ status: 'PENDING', placedAt: 0 }], PAYMENT_WINDOW_MS, failures);
    return { state: previous, delay: delay === false ? false : limit(delay) };
  }
  const signature = statusSignature(orders);
  let state: WatchState;
  if (!previous) state = { signature, dataUpdatedAt, unchanged: 0, changed: false };
  else if (previous.signature !== signature)
    state = { signature, dataUpdatedAt, unchanged: 0, changed: true };
  else if (previous.dataUpdatedAt !== dataUpdatedAt)
    state = { ...previous, dataUpdatedAt, unchanged: previous.unchanged + 1 };
  else state = previous;
  const delay = nextPollDelay(watched(orders), now, state.unchanged, state.changed);
  if (delay === false) return { state: undefined, delay: false };
  return { state, delay: limit(delay) };
}
