import { expect, test } from 'vitest';
import {
  attemptFor,
  cartFingerprint,
  findAttemptOrder,
  parseAttempt,
} from '@/features/checkout/model/attempt';
import {
  type CheckoutEvent,
  type CheckoutState,
  initialCheckoutState,
  transition,
} from '@/features/checkout/model/checkout-machine';
import { checkoutMessage } from '@/features/checkout/model/checkout-messages';
import type { ApiErrorKind } from '@/lib/api-error';

/**
 * Each answer to POST /orders, through the machine and the message module: the outcome, whether
 * the attempt's key lives on, and the title the shopper reads. (The README's outcome table.)
 */

const CART = { fingerprint: 'ax1@799', total: 12.98 };

function sending(): CheckoutState {
  const events: CheckoutEvent[] = [
    { type: 'submit', via: 'click', cart: CART, requestId: 'req', freshKey: 'key', now: 1 },
    { type: 'session-checked', active: true },
    { type: 'cart-read', cart: CART },
    { type: 'lock-acquired' },
  ];
  return events.reduce((state, event) => transition(state, event).state, initialCheckoutState());
}

const KIND_OUTCOMES: [ApiErrorKind, string, 'kept' | 'ended', string][] = [
  [
    'payment-declined',
    'declined',
    'ended',
    'Your payment was declined. You have not been charged.',
  ],
  ['invalid-order', 'invalid-order', 'ended', 'We need a few more details before you can pay.'],
  [
    'payment-unavailable',
    'payment-failed',
    'ended',
    'We could not process your payment. You have not been charged.',
  ],
  ['upstream-timeout', 'unknown', 'kept', 'We are not sure your order went through.'],
  ['service-unavailable', 'not-placed', 'ended', 'Your order was not placed.'],
  ['not-signed-in', 'session-ended', 'ended', 'Your session has ended.'],
  ['unauthorized', 'session-ended', 'ended', 'Your session has ended.'],
  ['not-found', 'not-placed', 'ended', 'Your order was not placed.'],
  ['conflict', 'unknown', 'kept', 'We are not sure your order went through.'],
  ['unprocessable', 'key-conflict', 'ended', 'Your cart changed while you were paying.'],
  ['server', 'not-placed', 'ended', 'Your order was not placed.'],
  ['network', 'unknown', 'kept', 'We are not sure your order went through.'],
  ['timeout', 'unknown', 'kept', 'We are not sure your order went through.'],
  ['malformed', 'unknown', 'kept', 'We are not sure your order went through.'],
];

test.each(KIND_OUTCOMES)('%s → %s, key %s: "%s"', (kind, outcome, key, title) => {
  const { state } = transition(sending(), { type: 'answer-failed', requestId: 'req', kind });
  expect(state.outcome?.kind).toBe(outcome);
  expect(state.attempt === null ? 'ended' : 'kept').toBe(key);
  expect(checkoutMessage(state, { paymentLimit: 100 })?.title).toBe(title);
});

test.each([
  ['PAID', 'paid', 'Thank you! Your order is confirmed and paid.'],
  [undefined, 'paid', 'Thank you! Your order is confirmed and paid.'],
  ['CREATED', 'awaiting', 'Your order is waiting for payment confirmation.'],
  ['PENDING', 'awaiting', 'Your order is waiting for payment confirmation.'],
  [
    'PAYMENT_FAILED',
    'payment-failed',
    'We could not process your payment. You have not been charged.',
  ],
])('201 with status %s → %s', (status, outcome, title) => {
  const answered = transition(sending(), {
    type: 'answer',
    requestId: 'req',
    order: { id: 'o', status },
  }).state;
  // (Paid: the checkout says nothing until the cart is emptied and the order's page opens.)
  const { state } = transition(answered, { type: 'cart-emptied' });
  expect(state.outcome?.kind).toBe(outcome);
  expect(checkoutMessage(state, { paymentLimit: 100 })?.title).toBe(title);
});

test('a 201 PAYMENT_FAILED and a 500 "payment unavailable" read the same', () => {
  const by201 = transition(sending(), {
    type: 'answer',
    requestId: 'req',
    order: { id: 'o', status: 'PAYMENT_FAILED' },
  }).state;
  const by500 = transition(sending(), {
    type: 'answer-failed',
    requestId: 'req',
    kind: 'payment-unavailable',
  }).state;
  const found = transition(by500, {
    type: 'lookup-done',
    found: { id: 'o', date: undefined, total: 12.98, status: 'PAYMENT_FAILED' },
  }).state;
  expect(checkoutMessage(found, { paymentLimit: 100 })).toEqual(
    checkoutMessage(by201, { paymentLimit: 100 }),
  );
});

test('an open attempt keeps its key for the same cart and gets a new one for a changed cart', () => {
  const cart = {
    fingerprint: cartFingerprint([{ itemId: 'a', quantity: 1, unitPrice: 7.99 }]),
    total: 12.98,
  };
  const first = attemptFor(null, cart, 'key-1', 1000);
  expect(first).toMatchObject({ key: 'key-1', phase: 'sending', startedAt: 1000 });
  const again = attemptFor({ ...first, phase: 'unknown' }, cart, 'key-2', 2000);
  expect(again).toMatchObject({ key: 'key-1', startedAt: 1000, phase: 'sending' });
  const changed = attemptFor(
    first,
    { fingerprint: cartFingerprint([{ itemId: 'a', quantity: 2, unitPrice: 7.99 }]), total: 20.97 },
    'key-3',
    3000,
  );
  expect(changed.key).toBe('key-3');
  expect(attemptFor({ ...first, phase: 'awaiting' }, cart, 'key-4', 4000).key).toBe('key-4');
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
  expect(cartFingerprint([])).toBe('');
});

test('the attempt lookup finds the newest order since the attempt with the same total, to the cent', () => {
  const at = (iso: string) => new Date(iso);
  const orders = [
    { id: 'old', date: at('2026-01-01T09:00:00Z'), total: 104.979996 },
    { id: 'other-total', date: at('2026-01-01T10:00:30Z'), total: 20 },
    { id: 'match', date: at('2026-01-01T10:00:10Z'), total: 104.979996 },
    { id: 'older-match', date: at('2026-01-01T09:59:00Z'), total: 104.98 },
  ];
  const startedAt = at('2026-01-01T10:00:00Z').getTime();
  expect(findAttemptOrder(orders, { startedAt, total: 104.98 })?.id).toBe('match');
  expect(findAttemptOrder(orders, { startedAt, total: 50 })).toBeUndefined();
  expect(
    findAttemptOrder(orders, { startedAt: startedAt + 10 * 60_000, total: 104.98 }),
  ).toBeUndefined();
});

test('a stored attempt is read back only if it is one', () => {
  const attempt = {
    key: 'k',
    fingerprint: 'f',
    total: 1,
    startedAt: 2,
    phase: 'unknown',
    uncertain: true,
  };
  expect(parseAttempt(attempt)).toEqual(attempt);
  expect(parseAttempt({ ...attempt, phase: 'in-flight' })).toBeNull();
  expect(parseAttempt({ ...attempt, key: 3 })).toBeNull();
  expect(parseAttempt({ ...attempt, total: '1' })).toBeNull();
  expect(parseAttempt(null)).toBeNull();
  expect(parseAttempt('x')).toBeNull();
  expect(parseAttempt({ ...attempt, phase: 'awaiting', orderId: 'o' })).toMatchObject({
    orderId: 'o',
  });
});

test('a cart fingerprint names each line: item, quantity and unit price in cents', () => {
  expect(
    cartFingerprint([
      { itemId: 'sock', quantity: 2, unitPrice: 7.99 },
      { itemId: 'holy', quantity: 1, unitPrice: 0.1 + 0.2 },
    ]),
  ).toBe('holyx1@30,sockx2@799');
  // A price change is a changed cart, and so is a quantity change.
  expect(cartFingerprint([{ itemId: 'sock', quantity: 2, unitPrice: 8.99 }])).not.toBe(
    cartFingerprint([{ itemId: 'sock', quantity: 2, unitPrice: 7.99 }]),
  );
});

test('a fresh attempt is for the cart on screen, from now, with the fresh key', () => {
  const cart = { fingerprint: 'sockx1@799', total: 12.98 };
  expect(attemptFor(null, cart, 'key-1', 1_000)).toEqual({
    key: 'key-1',
    fingerprint: 'sockx1@799',
    total: 12.98,
    startedAt: 1_000,
    phase: 'sending',
  });
  // An open attempt for the same cart is sent again as it was (its key, its start, its flags).
  const open = {
    key: 'key-0',
    fingerprint: 'sockx1@799',
    total: 12.98,
    startedAt: 500,
    phase: 'unknown' as const,
    uncertain: true,
  };
  expect(attemptFor(open, cart, 'key-1', 1_000)).toEqual({ ...open, phase: 'sending' });
});

test('a stored attempt needs every field with its type; optional fields are kept only when valid', () => {
  const stored = { key: 'k', fingerprint: 'f', total: 1, startedAt: 2, phase: 'sending' };
  expect(parseAttempt(stored)).toEqual(stored);
  for (const broken of [
    { ...stored, key: undefined },
    { ...stored, fingerprint: 7 },
    { ...stored, total: undefined },
    { ...stored, startedAt: '2' },
    { ...stored, phase: undefined },
  ]) {
    expect(parseAttempt(broken)).toBeNull();
  }
  expect(parseAttempt({ ...stored, orderId: 5, uncertain: 'yes' })).toEqual(stored);
  expect(parseAttempt({ ...stored, orderId: 'o', uncertain: true, extra: 'x' })).toEqual({
    ...stored,
    orderId: 'o',
    uncertain: true,
  });
});

test('the attempt lookup: the clock-skew margin is inclusive, undated orders are never it', () => {
  const startedAt = Date.UTC(2026, 0, 1, 10, 0, 0);
  const order = (id: string, at: number | undefined, total = 12.98) => ({
    id,
    date: at === undefined ? undefined : new Date(at),
    total,
  });
  expect(
    findAttemptOrder([order('edge', startedAt - 120_000)], { startedAt, total: 12.98 })?.id,
  ).toBe('edge');
  expect(
    findAttemptOrder([order('early', startedAt - 120_001)], { startedAt, total: 12.98 }),
  ).toBeUndefined();
  expect(
    findAttemptOrder([order('undated', undefined)], { startedAt, total: 12.98 }),
  ).toBeUndefined();
  expect(
    findAttemptOrder([order('skew', startedAt - 30_000)], { startedAt, total: 12.98 }, 10_000),
  ).toBeUndefined();
  // With no total to match (an attempt stored before totals were kept), the newest order since.
  expect(
    findAttemptOrder([order('a', startedAt + 1_000, 5), order('b', startedAt + 2_000, 7)], {
      startedAt,
    })?.id,
  ).toBe('b');
});
