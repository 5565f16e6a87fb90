import { expect, test } from 'vitest';
import {
  FULFILMENT_POLL_MS,
  LATE_PAYMENT_MAX_MS,
  MAX_REQUESTS_PER_MINUTE,
  nextPollDelay,
  PAYMENT_POLL_MS,
  PAYMENT_WINDOW_MS,
  pollDelay,
  pollPhase,
  waitForRateLimit,
} from '@/domain/poll-schedule';
import { nextPoll, type WatchInput, type WatchState } from '@/features/orders/model/watch';

const PLACED = Date.UTC(2026, 10, 30, 9, 0, 0);
const order = (status: unknown, placedAt: number | undefined = PLACED) => ({ status, placedAt });

test('a payment outcome is asked for every 2.01 s during the first two minutes after placing', () => {
  for (const status of ['PENDING', 'CREATED']) {
    expect(pollPhase(order(status), PLACED)).toBe('payment');
    expect(nextPollDelay([order(status)], PLACED + 1_000, 0)).toBe(PAYMENT_POLL_MS);
    expect(nextPollDelay([order(status)], PLACED + PAYMENT_WINDOW_MS - 1, 40)).toBe(
      PAYMENT_POLL_MS,
    );
  }
});

test('after two minutes an undecided payment backs off from 2 s to 20 s', () => {
  const later = PLACED + PAYMENT_WINDOW_MS;
  expect(pollPhase(order('PENDING'), later)).toBe('late-payment');
  expect(nextPollDelay([order('PENDING')], later, 0)).toBe(2_000);
  expect(nextPollDelay([order('PENDING')], later, 1)).toBe(3_000);
  expect(nextPollDelay([order('PENDING')], later, 2)).toBe(4_500);
  expect(nextPollDelay([order('PENDING')], later, 60)).toBe(LATE_PAYMENT_MAX_MS);
});

test('paid and shipped orders are asked about every 20 s once settled in, sooner right after a change', () => {
  for (const status of ['PAID', 'SHIPPED', 'REFUNDED']) {
    expect(pollPhase(order(status), PLACED + 10 * 86_400_000)).toBe('fulfilment');
    expect(nextPollDelay([order(status)], PLACED + 10 * 86_400_000, 500)).toBe(FULFILMENT_POLL_MS);
    expect(nextPollDelay([order(status)], PLACED + 10 * 86_400_000, 0)).toBe(2_000);
    expect(nextPollDelay([order(status)], PLACED + 10 * 86_400_000, 1)).toBe(3_000);
    // The first answer on a page is not a change: straight to every 20 s.
    expect(nextPollDelay([order(status)], PLACED + 10 * 86_400_000, 0, false)).toBe(
      FULFILMENT_POLL_MS,
    );
  }
});

test('settled orders are never asked about again', () => {
  for (const status of ['PAYMENT_FAILED', 'DELIVERED', 'CANCELLED', undefined]) {
    expect(pollPhase(order(status), PLACED)).toBe('settled');
  }
  expect(nextPollDelay([order('DELIVERED'), order('PAYMENT_FAILED')], PLACED, 0)).toBe(false);
  expect(nextPollDelay([], PLACED, 0)).toBe(false);
});

test('a list is polled as often as its most urgent order needs', () => {
  const list = [order('DELIVERED'), order('SHIPPED'), order('PENDING', PLACED - 5_000)];
  expect(nextPollDelay(list, PLACED, 0, false)).toBe(PAYMENT_POLL_MS);
  expect(nextPollDelay(list.slice(0, 2), PLACED, 50)).toBe(FULFILMENT_POLL_MS);
  // Whatever the order of the list: the most urgent first, or in the middle.
  expect(nextPollDelay([...list].reverse(), PLACED, 0, false)).toBe(PAYMENT_POLL_MS);
  expect(nextPollDelay([list[2]!, list[0]!, list[1]!], PLACED, 0, false)).toBe(PAYMENT_POLL_MS);
});

test('an order dated in the future (clock skew) or undated counts as just placed', () => {
  expect(pollPhase(order('PENDING', PLACED + 60_000), PLACED)).toBe('payment');
  // (Built by hand: the helper's default date would stand in for an explicit undefined.)
  const undated = { status: 'PENDING', placedAt: undefined };
  expect(pollPhase(undated, PLACED + 10 * PAYMENT_WINDOW_MS)).toBe('payment');
});

test('the rate limit keeps 2 s between requests and at most 30 in any minute', () => {
  expect(waitForRateLimit([], PLACED)).toBe(0);
  expect(waitForRateLimit([PLACED - 500], PLACED)).toBe(1_500);
  expect(waitForRateLimit([PLACED - 2_000], PLACED)).toBe(0);
  const burst = Array.from({ length: 30 }, (_, i) => PLACED - 40_000 + i * 100);
  expect(waitForRateLimit(burst, PLACED)).toBe(20_000);
});

/** Runs one page against a backend whose status follows `statusAt`, with an injected clock. */
function simulate(options: {
  statusAt: (t: number) => string;
  start: number;
  end: number;
  hidden?: (t: number) => boolean;
  extraRequests?: number[];
}) {
  const requests: number[] = [];
  const seen: { at: number; status: string }[] = [];
  let state: WatchState | undefined;
  let t = options.start;
  const extras = [...(options.extraRequests ?? [])];
  while (t < options.end) {
    if (!options.hidden?.(t)) {
      requests.push(t);
      const status = options.statusAt(t);
      if (seen.at(-1)?.status !== status) seen.push({ at: t, status });
      const orders: WatchInput[] = [{ id: 'o1', status, date: new Date(PLACED) }];
      const next = nextPoll(state, orders, t, t, requests.slice(-40));
      state = next.state;
      if (next.delay === false) break;
      let at = t + next.delay;
      // A focus refetch in between: allowed only when the budget says so.
      const extra = extras.find((e) => e > t && e < at);
      if (extra !== undefined) {
        extras.splice(extras.indexOf(extra), 1);
        const wait = waitForRateLimit(requests.slice(-40), extra);
        if (wait === 0) at = extra;
      }
      t = at;
    } else {
      t += 1_000; // the interval fires but does not fetch while hidden
    }
  }
  return { requests, seen };
}

function maxPerMinute(requests: number[]): number {
  let max = 0;
  for (const start of requests) {
    max = Math.max(max, requests.filter((t) => t >= start && t < start + 60_000).length);
  }
  return max;
}

test('watch: stops asking once the order is settled', () => {
  const { requests, seen } = simulate({
    statusAt: (t) => (t < PLACED + 30_500 ? 'PENDING' : 'PAYMENT_FAILED'),
    start: PLACED,
    end: PLACED + 3_600_000,
  });
  expect(seen.map((s) => s.status)).toEqual(['PENDING', 'PAYMENT_FAILED']);
  expect(seen[1]!.at - (PLACED + 30_500)).toBeLessThanOrEqual(PAYMENT_POLL_MS);
  expect(requests.at(-1)).toBe(seen[1]!.at);
});

test('watch: a change of status starts the backoff over', () => {
  const late = PLACED + 10 * 60_000;
  const statusAt = (t: number) => (t < late + 100_000 ? 'PENDING' : 'CREATED');
  const { requests } = simulate({ statusAt, start: late, end: late + 130_000 });
  const gaps = requests.slice(1).map((t, i) => t - requests[i]!);
  expect(gaps.slice(0, 3)).toEqual([2_000, 3_000, 4_500]);
  const changedAt = requests.findIndex((t) => t >= late + 100_000);
  expect(gaps[changedAt]).toBe(2_000);
  expect(gaps[changedAt + 1]).toBe(3_000);
});

test('watch: never more than 30 requests in a minute, even with focus refetches in between', () => {
  const focusEvery300ms = Array.from({ length: 2_000 }, (_, i) => PLACED + i * 300);
  const { requests } = simulate({
    statusAt: () => 'PENDING',
    start: PLACED,
    end: PLACED + 600_000,
    extraRequests: focusEvery300ms,
  });
  expect(maxPerMinute(requests)).toBeLessThanOrEqual(MAX_REQUESTS_PER_MINUTE);
  expect(maxPerMinute(requests)).toBeGreaterThanOrEqual(29);
});

test('watch: no requests while the tab is hidden, and it resumes when shown', () => {
  const hiddenFrom = PLACED + 20_000;
  const hiddenTo = PLACED + 80_000;
  const { requests } = simulate({
    statusAt: () => 'SHIPPED',
    start: PLACED,
    end: PLACED + 200_000,
    hidden: (t) => t >= hiddenFrom && t < hiddenTo,
  });
  expect(requests.filter((t) => t >= hiddenFrom && t < hiddenTo)).toEqual([]);
  expect(requests.some((t) => t >= hiddenTo)).toBe(true);
});

test('watch: with no answer yet (failed first load) it asks again, backing off', () => {
  expect(nextPoll(undefined, undefined, 0, PLACED, [], 0).delay).toBe(2_000);
  expect(nextPoll(undefined, undefined, 0, PLACED, [], 3).delay).toBe(6_750);
  expect(nextPoll(undefined, undefined, 0, PLACED, [], 30).delay).toBe(LATE_PAYMENT_MAX_MS);
});

test('watch: delays run from the start of the latest request, so a slow answer does not stretch them', () => {
  const orders: WatchInput[] = [{ id: 'o1', status: 'PENDING', date: new Date(PLACED) }];
  const started = PLACED + 10_000;
  // The answer came 300 ms after the request started: the next one goes 300 ms sooner.
  expect(nextPoll(undefined, orders, started + 300, started + 300, [started]).delay).toBe(
    PAYMENT_POLL_MS - 300,
  );
  // An answer slower than the schedule: ask again at once (1 ms), within the budget.
  expect(nextPoll(undefined, orders, started + 2_500, started + 2_500, [started]).delay).toBe(1);
});

test('the rate limit counts only requests already made in the last minute, in any order', () => {
  // A request that went at this very moment: the next waits the full 2 s.
  expect(waitForRateLimit([PLACED], PLACED)).toBe(2_000);
  // A time in the future (another clock) is not a request made: it holds nothing up.
  expect(waitForRateLimit([PLACED + 500], PLACED)).toBe(0);
  // The list need not be sorted: the latest request sets the 2 s gap.
  expect(waitForRateLimit([PLACED - 1_500, PLACED - 30_000, PLACED - 10_000], PLACED)).toBe(500);
  // 30 in the minute, given out of order: the next waits until the oldest is a minute old.
  const burst = Array.from({ length: 30 }, (_, i) => PLACED - 40_000 + i * 100).reverse();
  expect(waitForRateLimit(burst, PLACED)).toBe(20_000);
  // 29 in the minute: only the 2 s gap.
  expect(waitForRateLimit(burst.slice(1), PLACED)).toBe(0);
});

test('a count of unchanged answers that is not a whole number is read safely', () => {
  const later = PLACED + PAYMENT_WINDOW_MS;
  const pending = [order('PENDING')];
  expect(nextPollDelay(pending, later, Number.NaN)).toBe(2_000);
  expect(nextPollDelay(pending, later, Number.POSITIVE_INFINITY)).toBe(2_000);
  expect(nextPollDelay(pending, later, -5)).toBe(2_000);
  expect(nextPollDelay(pending, later, 2.7)).toBe(4_500);
});

test('the pending-order watcher: from 1 s, half as long again each unchanged answer, up to 15 s', () => {
  expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => pollDelay(n))).toEqual([
    1_000, 1_500, 2_250, 3_375, 5_063, 7_594, 11_391, 15_000, 15_000,
  ]);
  expect(pollDelay(1.9)).toBe(1_500);
});
