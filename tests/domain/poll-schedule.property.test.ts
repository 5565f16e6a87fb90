import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  FULFILMENT_POLL_MS,
  LATE_PAYMENT_MAX_MS,
  MAX_REQUESTS_PER_MINUTE,
  nextPollDelay,
  PAYMENT_POLL_MS,
  PAYMENT_WINDOW_MS,
  POLL_FLOOR_MS,
  pollPhase,
  waitForRateLimit,
} from '@/domain/poll-schedule';

const status = fc.oneof(
  fc.constantFrom(
    'CREATED',
    'PENDING',
    'PAID',
    'PAYMENT_FAILED',
    'SHIPPED',
    'DELIVERED',
    'CANCELLED',
    undefined,
  ),
  fc.string(),
  fc.integer(),
  fc.constant(null),
);
const time = fc.integer({ min: 0, max: 4_000_000_000_000 });
const order = fc.record({
  status,
  placedAt: fc.option(time, { nil: undefined }),
});

test('property: every delay lies between the 2 s floor and 20 s, or polling stops', () => {
  fc.assert(
    fc.property(
      fc.array(order, { maxLength: 8 }),
      time,
      fc.oneof(fc.nat(), fc.double()),
      (orders, now, unchanged) => {
        const delay = nextPollDelay(orders, now, unchanged);
        const active = orders.filter((o) => pollPhase(o, now) !== 'settled');
        if (active.length === 0) return delay === false;
        return (
          typeof delay === 'number' &&
          delay >= POLL_FLOOR_MS &&
          delay <= Math.max(LATE_PAYMENT_MAX_MS, FULFILMENT_POLL_MS)
        );
      },
    ),
  );
});

test('property: a payment awaited within two minutes of placing is asked for at least every 2.01 s', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('PENDING', 'CREATED'),
      time,
      fc.integer({ min: 0, max: PAYMENT_WINDOW_MS - 1 }),
      fc.array(order, { maxLength: 5 }),
      fc.nat(1_000),
      (s, placedAt, age, others, unchanged) => {
        const delay = nextPollDelay(
          [...others, { status: s, placedAt }],
          placedAt + age,
          unchanged,
        );
        expect(delay).toBeGreaterThanOrEqual(POLL_FLOOR_MS);
        expect(delay).toBeLessThanOrEqual(PAYMENT_POLL_MS);
      },
    ),
  );
});

test('property: a shipping or delivery change is asked for at least every 20 s', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('PAID', 'SHIPPED'),
      fc.option(time, { nil: undefined }),
      time,
      fc.nat(1_000),
      (s, placedAt, now, unchanged) => {
        const delay = nextPollDelay([{ status: s, placedAt }], now, unchanged);
        return typeof delay === 'number' && delay <= FULFILMENT_POLL_MS;
      },
    ),
  );
});

test('property: requests that wait for the rate limit never exceed 30 in any minute', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 1, maxLength: 200 }),
      (wishes) => {
        // Each wish is a request someone wants at that time; it goes when the budget allows.
        const sent: number[] = [];
        for (const wish of [...wishes].sort((a, b) => a - b)) {
          const last = sent.at(-1) ?? -Infinity;
          const t = Math.max(wish, last);
          sent.push(t + waitForRateLimit(sent, t));
        }
        for (const start of sent) {
          const inMinute = sent.filter((t) => t >= start && t < start + 60_000).length;
          expect(inMinute).toBeLessThanOrEqual(MAX_REQUESTS_PER_MINUTE);
        }
      },
    ),
  );
});
