import fc from 'fast-check';
import { expect, test } from 'vitest';
import { BACKEND_STATUSES, describeOrderStatus, statusKeyOf } from '@/domain/order-status';
import { pollDelay, POLL_MAX_MS } from '@/domain/poll-schedule';

test.each([
  ['CREATED', 'Order received', false],
  ['PENDING', 'Payment pending', false],
  ['PAID', 'Paid', false],
  ['PAYMENT_FAILED', 'Payment failed', true],
  ['SHIPPED', 'Shipped', false],
  ['DELIVERED', 'Delivered', true],
  ['CANCELLED', 'Cancelled', true],
] as const)('%s reads as "%s" (terminal: %s)', (raw, label, terminal) => {
  const view = describeOrderStatus(raw);
  expect(view.label).toBe(label);
  expect(view.terminal).toBe(terminal);
  expect(view.unrecognised).toBe(false);
  expect(view.symbol).not.toBe('');
});

test('every backend status has its own key', () => {
  const keys = new Set(BACKEND_STATUSES.map((status) => statusKeyOf(status)));
  expect(keys.size).toBe(BACKEND_STATUSES.length);
  expect(keys.has('unknown')).toBe(false);
});

test('an order with no status (upstream Sock Shop) is paid, not shipped, and not watched', () => {
  for (const raw of [undefined, null]) {
    const view = describeOrderStatus(raw);
    expect(view.label).toBe('Paid');
    expect(view.description).toMatch(/does not report shipping/i);
    expect(view.terminal).toBe(true);
    expect(view.timeline.map((step) => step.state)).toEqual(['done', 'done', 'unknown', 'unknown']);
  }
});

test('PAYMENT_FAILED shows a failed payment step and no shipping progress', () => {
  const view = describeOrderStatus('PAYMENT_FAILED');
  expect(view.tone).toBe('danger');
  expect(view.timeline.map((step) => [step.id, step.state])).toEqual([
    ['placed', 'done'],
    ['payment', 'failed'],
    ['shipped', 'skipped'],
    ['delivered', 'skipped'],
  ]);
});

test('neutral and negative values are read leniently', () => {
  expect(statusKeyOf(' payment_failed ')).toBe('payment-failed');
  expect(statusKeyOf('Payment Failed')).toBe('payment-failed');
  expect(statusKeyOf('payment-failed')).toBe('payment-failed');
  expect(statusKeyOf('pending')).toBe('pending');
  expect(statusKeyOf('Canceled')).toBe('cancelled');
});

test('near misses of positive values are not trusted', () => {
  for (const raw of ['shipped', 'Shipped', ' SHIPPED', 'SHIPPED ', 'delivered', 'paid', 'Paid ']) {
    const view = describeOrderStatus(raw);
    expect(view.key).toBe('unknown');
    expect(view.label).toBe('Status unavailable');
    expect(view.unrecognised).toBe(true);
  }
});

test('unknown values and prototype keys are "Status unavailable" and flagged', () => {
  for (const raw of ['REFUNDED', '', 'toString', '__proto__', 'constructor', 42, {}, [], true]) {
    const view = describeOrderStatus(raw);
    expect(view.label).toBe('Status unavailable');
    expect(view.unrecognised).toBe(true);
    expect(view.terminal).toBe(false);
  }
});

const nearMisses = fc.constantFrom(
  'SHIPPED',
  'DELIVERED',
  'shipped',
  'Shipped',
  'SHIPPED ',
  ' DELIVERED',
  'delivered',
  'SHIPPED\n',
  'SHIPPED\u200b',
  'PAYMENT_FAILED',
  '__proto__',
  'toString',
  'hasOwnProperty',
);

test('property: only exactly SHIPPED reads "Shipped", only exactly DELIVERED reads "Delivered"', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), nearMisses), (raw) => {
      const view = describeOrderStatus(raw);
      const texts = [view.label, view.description];
      const saysShipped = texts.some((text) => /shipped|on its way/i.test(text));
      const saysDelivered = texts.some((text) => /delivered/i.test(text) && !/not/i.test(text));
      if (raw !== 'SHIPPED' && raw !== 'DELIVERED') expect(saysShipped).toBe(false);
      if (raw !== 'DELIVERED') expect(saysDelivered).toBe(false);
    }),
    { numRuns: 3000 },
  );
});

test('property: any value at all gives a non-empty label and a full timeline', () => {
  fc.assert(
    fc.property(fc.anything(), (raw) => {
      const view = describeOrderStatus(raw);
      expect(view.label.length).toBeGreaterThan(0);
      expect(view.timeline).toHaveLength(4);
    }),
    { numRuns: 1000 },
  );
});

test('polling starts near 1 s, grows, and stays at about 15 s', () => {
  expect(pollDelay(0)).toBe(1_000);
  expect(pollDelay(1)).toBeGreaterThan(pollDelay(0));
  expect(pollDelay(3)).toBeGreaterThan(pollDelay(2));
  expect(pollDelay(50)).toBe(POLL_MAX_MS);
  expect(pollDelay(-3)).toBe(1_000);
});
