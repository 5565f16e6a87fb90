import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import {
  type CheckoutState,
  initialCheckoutState,
  type Outcome,
} from '@/features/checkout/model/checkout-machine';
import {
  checkoutMessage,
  type MessageId,
  type ShopperMessage,
} from '@/features/checkout/model/checkout-messages';

/** The README's "Checkout outcomes" table says what the message module says, row by row. */

const R = '0a1b2c3d-0000-4000-8000-000000000000';
const at = (outcome: Outcome): CheckoutState => ({ ...initialCheckoutState(), outcome });
/** An outcome while the tab still holds an attempt whose answer was lost. */
const afterUnknown = (outcome: Outcome): CheckoutState => ({
  ...at(outcome),
  attempt: { key: 'k', fingerprint: 'f', total: 12.98, startedAt: 0, phase: 'unknown' },
});

/** One state per checkout message. */
const STATES: Partial<Record<MessageId, CheckoutState>> = {
  paid: at({ kind: 'paid', orderId: 'o', requestId: R }),
  awaiting: at({ kind: 'awaiting', orderId: 'o', requestId: R }),
  'declined-over-limit': at({ kind: 'declined', total: 104.98, requestId: R }),
  declined: at({ kind: 'declined', total: 12.98, requestId: R }),
  'invalid-order': at({ kind: 'invalid-order', requestId: R }),
  'payment-failed': at({
    kind: 'payment-failed',
    checking: false,
    order: { id: 'o' },
    requestId: R,
  }),
  unknown: at({ kind: 'unknown', lookup: 'none', requestId: R }),
  'unknown-failed': at({ kind: 'unknown-failed', order: { id: 'o' }, requestId: R }),
  'not-placed': at({ kind: 'not-placed', requestId: R }),
  'key-conflict': at({ kind: 'key-conflict', requestId: R }),
  'cart-changed': at({ kind: 'cart-changed', nowEmpty: false, requestId: R }),
  'cart-emptied-elsewhere': at({ kind: 'cart-changed', nowEmpty: true, requestId: R }),
  'cart-changed-unknown': afterUnknown({ kind: 'cart-changed', nowEmpty: false, requestId: R }),
  'cart-emptied-elsewhere-unknown': afterUnknown({
    kind: 'cart-changed',
    nowEmpty: true,
    requestId: R,
  }),
  'busy-elsewhere': at({ kind: 'busy-elsewhere', requestId: R }),
  'session-ended': at({ kind: 'session-ended', attemptOpen: false }),
  'session-ended-unknown': at({ kind: 'session-ended', attemptOpen: true }),
};

const CHARGED: Record<NonNullable<ShopperMessage['charged']> | 'none', string> = {
  yes: 'yes',
  no: 'no',
  'not-yet': 'not yet',
  unknown: 'unknown',
  none: '—',
};

function tableRows(): string[][] {
  const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
  const start = readme.indexOf('### Checkout outcomes');
  const end = readme.indexOf('\n### ', start + 1);
  return readme
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const rows = tableRows();

test('the README has the outcome table', () => {
  expect(rows.length).toBeGreaterThanOrEqual(10);
});

test.each(rows)('README row "%s"', (_what, reads, charged, id) => {
  const messageId = /^`([a-z-]+)`$/.exec(id ?? '')?.[1] as MessageId | undefined;
  const state = messageId ? STATES[messageId] : undefined;
  expect(state, `a state for message ${id}`).toBeDefined();
  const message = checkoutMessage(state!, { paymentLimit: 100 });
  expect(message?.id).toBe(messageId);
  // The first quoted sentence is the message's title, word for word.
  expect(/^"([^"]+)"/.exec(reads ?? '')?.[1]).toBe(message?.title);
  expect(charged).toBe(CHARGED[message?.charged ?? 'none']);
});

test('every checkout message has its row', () => {
  const listed = rows.map((row) => row[3]?.replace(/`/g, ''));
  expect(listed.sort()).toEqual(Object.keys(STATES).sort());
});
