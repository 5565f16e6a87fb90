import { expect, test } from 'vitest';
import { attemptFor, cartFingerprint, findAttemptOrder } from '@/features/checkout/model/attempt';
import { failureOutcome } from '@/features/checkout/model/checkout-outcome';
import type { ApiErrorKind } from '@/lib/api-error';

const ALL_KINDS: ApiErrorKind[] = [
  'payment-declined',
  'invalid-order',
  'payment-unavailable',
  'upstream-timeout',
  'service-unavailable',
  'not-signed-in',
  'unauthorized',
  'not-found',
  'conflict',
  'unprocessable',
  'server',
  'network',
  'timeout',
  'malformed',
];

test('every error kind has shopper copy that keeps the cart and hides backend text', () => {
  for (const kind of ALL_KINDS) {
    const copy = failureOutcome(kind, 100);
    expect(copy.title.length).toBeGreaterThan(10);
    expect(`${copy.title} ${copy.body}`).not.toMatch(
      /exception|ECONNREFUSED|IllegalState|status_code/i,
    );
  }
});

test('a decline says nothing was charged and offers what works: the limit, not another card', () => {
  const copy = failureOutcome('payment-declined', 100);
  expect(copy.title).toMatch(/declined/i);
  expect(copy.title).toMatch(/not been charged/i);
  expect(copy.body).toContain('$100.00');
  expect(copy.body).not.toMatch(/try another card/i);
  expect(copy.settled).toBe(true);
});

test('a decline under the limit is not blamed on the limit', () => {
  const copy = failureOutcome('payment-declined', 100, 12.98);
  expect(copy.title).toMatch(/declined.*not been charged/i);
  expect(copy.body).not.toContain('$100.00');
  expect(copy.body).toMatch(/no other card to try/i);
  expect(failureOutcome('payment-declined', 100, 104.98).body).toContain('$100.00');
});

test('outcomes that may have charged are unsettled and never say "not charged"', () => {
  for (const kind of ['upstream-timeout', 'network', 'timeout', 'conflict', 'malformed'] as const) {
    const copy = failureOutcome(kind, 100);
    expect(copy.outcome).toBe('unknown');
    expect(copy.settled).toBe(false);
    expect(copy.checkOrders).toBe(true);
    expect(`${copy.title} ${copy.body}`).not.toMatch(/not been charged|not charged/i);
    expect(copy.body).toMatch(/do not pay again/i);
  }
});

test('payment unavailable is settled, not charged, and looks up the failed order', () => {
  const copy = failureOutcome('payment-unavailable', 100);
  expect(copy.title).toMatch(/could not process your payment/i);
  expect(copy.title).toMatch(/not been charged/i);
  expect(copy.settled).toBe(true);
  expect(copy.checkOrders).toBe(true);
});

test('an open attempt keeps its key for the same cart and gets a new one for a changed cart', () => {
  let n = 0;
  const newKey = () => `key-${++n}`;
  const cart = {
    fingerprint: cartFingerprint([{ itemId: 'a', quantity: 1, unitPrice: 7.99 }]),
    total: 12.98,
  };
  const first = attemptFor(null, cart, newKey, 1000);
  expect(first.key).toBe('key-1');
  const again = attemptFor({ ...first, phase: 'unknown' }, cart, newKey, 2000);
  expect(again.key).toBe('key-1');
  expect(again.startedAt).toBe(1000);
  const changed = attemptFor(
    first,
    { fingerprint: cartFingerprint([{ itemId: 'a', quantity: 2, unitPrice: 7.99 }]), total: 20.97 },
    newKey,
    3000,
  );
  expect(changed.key).toBe('key-2');
});

test('cart fingerprints ignore line order and empty lines', () => {
  expect(
    cartFingerprint([
      { itemId: 'b', quantity: 1, unitPrice: 1 },
      { itemId: 'a', quantity: 2, unitPrice: 2 },
      { itemId: 'c', quantity: 0, unitPrice: 3 },
    ]),
  ).toBe(
    cartFingerprint([
      { itemId: 'a', quantity: 2, unitPrice: 2 },
      { itemId: 'b', quantity: 1, unitPrice: 1 },
    ]),
  );
});

test('the attempt lookup finds the newest order since the attempt with the same total, to the cent', () => {
  const at = (iso: string) => new Date(iso);
  const orders = [
    { id: 'old', date: at('2026-01-01T09:00:00Z'), total: 104.979996 },
    { id: 'other-total', date: at('2026-01-01T10:00:30Z'), total: 20 },
    { id: 'match', date: at('2026-01-01T10:00:10Z'), total: 104.979996 },
  ];
  const startedAt = at('2026-01-01T10:00:00Z').getTime();
  expect(findAttemptOrder(orders, { startedAt, total: 104.98 })?.id).toBe('match');
  expect(findAttemptOrder(orders, { startedAt, total: 50 })).toBeUndefined();
});
