import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  BACKEND_STATUSES,
  describeOrderStatus,
  isPaymentConfirmed,
  statusKeyOf,
} from '@/domain/order-status';
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

/**
 * How every status reads, in full: the words and symbol a shopper sees, the tone, whether it is
 * watched further, whether the payment counts as confirmed, and the four timeline steps (placed,
 * payment, shipped, delivered).
 */
const READS: [
  raw: unknown,
  key: string,
  label: string,
  symbol: string,
  tone: string,
  description: string,
  terminal: boolean,
  paymentConfirmed: boolean,
  steps: string,
][] = [
  [
    'CREATED',
    'created',
    'Order received',
    '…',
    'progress',
    'We have your order and are about to take payment.',
    false,
    false,
    'done current upcoming upcoming',
  ],
  [
    'PENDING',
    'pending',
    'Payment pending',
    '…',
    'progress',
    'We are waiting for the payment to be confirmed.',
    false,
    false,
    'done current upcoming upcoming',
  ],
  [
    'PAID',
    'paid',
    'Paid',
    '✓',
    'success',
    'Payment taken. Your socks are being prepared for shipping.',
    false,
    true,
    'done done current upcoming',
  ],
  [
    'PAYMENT_FAILED',
    'payment-failed',
    'Payment failed',
    '✕',
    'danger',
    'Payment could not be taken, so this order will not ship. You were not charged.',
    true,
    false,
    'done failed skipped skipped',
  ],
  [
    'SHIPPED',
    'shipped',
    'Shipped',
    '✓',
    'success',
    'Your order is on its way.',
    false,
    true,
    'done done done current',
  ],
  [
    'DELIVERED',
    'delivered',
    'Delivered',
    '✓',
    'success',
    'Your order has been delivered.',
    true,
    true,
    'done done done done',
  ],
  [
    'CANCELLED',
    'cancelled',
    'Cancelled',
    '–',
    'neutral',
    'This order was cancelled and will not ship.',
    true,
    false,
    'done skipped skipped skipped',
  ],
  [
    undefined,
    'paid-untracked',
    'Paid',
    '✓',
    'success',
    'Payment was authorised. This shop does not report shipping updates.',
    true,
    true,
    'done done unknown unknown',
  ],
  [
    'REFUNDED',
    'unknown',
    'Status unavailable',
    '?',
    'neutral',
    'We cannot confirm the status of this order right now.',
    false,
    false,
    'done unknown unknown unknown',
  ],
];

test.each(READS)(
  '%s reads in full as key %s, "%s" %s',
  (raw, key, label, symbol, tone, description, terminal, paymentConfirmed, steps) => {
    const view = describeOrderStatus(raw);
    expect(view).toEqual({
      key,
      label,
      description,
      tone,
      symbol,
      terminal,
      raw,
      unrecognised: key === 'unknown',
      timeline: [
        { id: 'placed', label: 'Order placed', state: steps.split(' ')[0] },
        { id: 'payment', label: 'Payment', state: steps.split(' ')[1] },
        { id: 'shipped', label: 'Shipped', state: steps.split(' ')[2] },
        { id: 'delivered', label: 'Delivered', state: steps.split(' ')[3] },
      ],
    });
    expect(isPaymentConfirmed(raw)).toBe(paymentConfirmed);
  },
);

test('lenient reading folds runs of spaces and hyphens into one, on both sides too', () => {
  expect(statusKeyOf('Payment - Failed')).toBe('payment-failed');
  expect(statusKeyOf('\tcancelled\n')).toBe('cancelled');
  expect(statusKeyOf('created')).toBe('created');
  // Folding never invents a separator: a value run together is not one of ours.
  expect(statusKeyOf('PAYMENTFAILED')).toBe('unknown');
});
