import { describe, expect, test } from 'vitest';
import type { Attempt } from '@/features/checkout/model/attempt';
import {
  type CheckoutEffect,
  type CheckoutEvent,
  type CheckoutState,
  canSubmit,
  initialCheckoutState,
  type Outcome,
  transition,
} from '@/features/checkout/model/checkout-machine';
import type { ApiErrorKind } from '@/lib/api-error';

/**
 * Every transition of the checkout machine, as a table: from a named state, one event, and what
 * the machine must then be (step, outcome, attempt) and do (effects, in order).
 */

const CART = { fingerprint: 'sockx1@799', total: 12.98 };
const BIG_CART = { fingerprint: 'holyx1@9999', total: 104.98 };
const submit = (cart = CART, n = 1): CheckoutEvent => ({
  type: 'submit',
  via: 'click',
  cart,
  requestId: `req-${n}`,
  freshKey: `key-${n}`,
  now: 1_000 * n,
});
const order = (id: string, status: unknown) => ({
  id,
  date: new Date(5_000),
  total: 12.98,
  status,
});

function run(state: CheckoutState, ...events: CheckoutEvent[]): CheckoutState {
  return events.reduce((current, event) => transition(current, event).state, state);
}

const open = run(initialCheckoutState(), { type: 'checkout-opened' });
const checkingSession = run(open, submit());
const readingCart = run(checkingSession, { type: 'session-checked', active: true });
const locking = run(readingCart, { type: 'cart-read', cart: CART });
const sending = run(locking, { type: 'lock-acquired' });
const lost = (state: CheckoutState, kind: ApiErrorKind = 'network') =>
  run(state, { type: 'answer-failed', requestId: 'req-1', kind });
const unknownLooking = lost(sending);
const unknownNone = run(unknownLooking, { type: 'lookup-done', found: null });
const unavailableLooking = lost(sending, 'payment-unavailable');
const awaiting = run(sending, {
  type: 'answer',
  requestId: 'req-1',
  order: { id: 'o-1', status: 'PENDING' },
});
const awaitingAfterUnknown = run(unknownLooking, {
  type: 'lookup-done',
  found: order('o-1', 'PENDING'),
});
const paid = run(sending, {
  type: 'answer',
  requestId: 'req-1',
  order: { id: 'o-1', status: 'PAID' },
});
const breakerOpen = run(open, {
  type: 'breaker-changed',
  breaker: { status: 'open', openUntil: 60_000 },
});
const halfOpen = run(open, {
  type: 'breaker-changed',
  breaker: { status: 'half-open', openUntil: 60_000 },
});
const offline = run(open, { type: 'online-changed', online: false });
const leftSending: Attempt = {
  key: 'key-0',
  fingerprint: CART.fingerprint,
  total: 12.98,
  startedAt: 500,
  phase: 'sending',
};
const closedWithStoredAttempt = run(initialCheckoutState(), {
  type: 'restored',
  attempt: leftSending,
});

interface Expected {
  step?: CheckoutState['step'];
  outcome?: string | null;
  attempt?: Attempt['phase'] | null;
  effects: CheckoutEffect['type'][];
}

type Row = [name: string, from: CheckoutState, event: CheckoutEvent, expected: Expected];

const UNCHANGED: Expected = { effects: [] };

const rows: Row[] = [
  // submit: one at a time, only when Place order may be pressed
  ['finishing (paid) + submit', paid, submit(CART, 2), { step: 'finishing', ...UNCHANGED }],
  [
    'idle + submit',
    open,
    submit(),
    { step: 'checking-session', outcome: null, effects: ['check-session'] },
  ],
  [
    'idle + submit of an empty cart',
    open,
    submit({ fingerprint: '', total: 4.99 }),
    { step: 'idle', ...UNCHANGED },
  ],
  [
    'checking session + submit',
    checkingSession,
    submit(CART, 2),
    { step: 'checking-session', ...UNCHANGED },
  ],
  ['reading cart + submit', readingCart, submit(CART, 2), { step: 'reading-cart', ...UNCHANGED }],
  ['locking + submit', locking, submit(CART, 2), { step: 'locking', ...UNCHANGED }],
  ['sending + submit', sending, submit(CART, 2), { step: 'sending', ...UNCHANGED }],
  ['looking up + submit', unknownLooking, submit(CART, 2), { step: 'looking-up', ...UNCHANGED }],
  [
    'awaiting payment + submit',
    awaiting,
    submit(CART, 2),
    { step: 'idle', attempt: 'awaiting', ...UNCHANGED },
  ],
  ['breaker open + submit', breakerOpen, submit(), { step: 'idle', ...UNCHANGED }],
  [
    'breaker half-open + submit (the probe)',
    halfOpen,
    submit(),
    { step: 'checking-session', effects: ['check-session'] },
  ],
  ['offline + submit', offline, submit(), { step: 'idle', ...UNCHANGED }],
  [
    'unknown outcome + submit',
    unknownNone,
    submit(CART, 2),
    { step: 'checking-session', attempt: 'unknown', effects: ['check-session'] },
  ],

  // the session, checked before any order is sent
  [
    'checking session + active',
    checkingSession,
    { type: 'session-checked', active: true },
    { step: 'reading-cart', effects: ['read-cart'] },
  ],
  [
    'checking session + gone',
    checkingSession,
    { type: 'session-checked', active: false },
    { step: 'idle', outcome: 'session-ended', effects: ['end-session'] },
  ],
  [
    'idle + session checked',
    open,
    { type: 'session-checked', active: true },
    { step: 'idle', ...UNCHANGED },
  ],
  [
    'idle + session ended',
    open,
    { type: 'session-ended' },
    { step: 'idle', outcome: 'session-ended', effects: ['end-session'] },
  ],
  [
    'reading cart + session ended',
    readingCart,
    { type: 'session-ended' },
    { step: 'idle', outcome: 'session-ended', effects: ['end-session'] },
  ],
  [
    'locking + session ended',
    locking,
    { type: 'session-ended' },
    { step: 'idle', outcome: 'session-ended', effects: ['release-lock', 'end-session'] },
  ],
  [
    'sending + session ended (the answer decides)',
    sending,
    { type: 'session-ended' },
    { step: 'sending', ...UNCHANGED },
  ],
  [
    'looking up + session ended',
    unknownLooking,
    { type: 'session-ended' },
    { step: 'idle', outcome: 'session-ended', attempt: 'unknown', effects: ['end-session'] },
  ],
  [
    'awaiting + session ended',
    awaiting,
    { type: 'session-ended' },
    { step: 'idle', outcome: 'session-ended', attempt: 'awaiting', effects: ['end-session'] },
  ],

  // the cart read back
  [
    'reading cart + same cart',
    readingCart,
    { type: 'cart-read', cart: CART },
    { step: 'locking', effects: ['acquire-lock'] },
  ],
  [
    'reading cart + changed cart',
    readingCart,
    { type: 'cart-read', cart: BIG_CART },
    { step: 'idle', outcome: 'cart-changed', attempt: null, effects: ['refresh-cart'] },
  ],
  [
    'reading cart + empty cart',
    readingCart,
    { type: 'cart-read', cart: { fingerprint: '', total: 0 } },
    { step: 'idle', outcome: 'cart-changed', effects: ['refresh-cart'] },
  ],
  ['idle + cart read', open, { type: 'cart-read', cart: CART }, { step: 'idle', ...UNCHANGED }],
  [
    'reading cart + read failed',
    readingCart,
    { type: 'cart-read-failed', kind: 'malformed', requestId: 'r' },
    { step: 'idle', outcome: 'not-placed', effects: [] },
  ],
  [
    'reading cart + "not logged in"',
    readingCart,
    { type: 'cart-read-failed', kind: 'not-signed-in', requestId: 'r' },
    { step: 'idle', outcome: 'session-ended', effects: ['end-session'] },
  ],
  [
    'idle + cart read failed',
    open,
    { type: 'cart-read-failed', kind: 'server', requestId: 'r' },
    { step: 'idle', ...UNCHANGED },
  ],

  // one tab at a time
  [
    'locking + lock acquired',
    locking,
    { type: 'lock-acquired' },
    {
      step: 'sending',
      attempt: 'sending',
      effects: ['tell-breaker', 'track', 'send-order', 'save-attempt'],
    },
  ],
  [
    'locking + another tab holds it',
    locking,
    { type: 'lock-busy' },
    { step: 'idle', outcome: 'busy-elsewhere', attempt: null, effects: [] },
  ],
  [
    'idle + lock acquired (too late)',
    open,
    { type: 'lock-acquired' },
    { step: 'idle', effects: ['release-lock'] },
  ],
  ['idle + lock busy', open, { type: 'lock-busy' }, { step: 'idle', ...UNCHANGED }],

  // answers: placed
  [
    'sending + 201 PAID',
    sending,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PAID' } },
    {
      step: 'finishing',
      outcome: 'paid',
      attempt: null,
      effects: ['release-lock', 'tell-breaker', 'track', 'empty-cart', 'save-attempt'],
    },
  ],
  [
    'sending + 201 without status (upstream)',
    sending,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1' } },
    {
      step: 'finishing',
      outcome: 'paid',
      attempt: null,
      effects: ['release-lock', 'tell-breaker', 'track', 'empty-cart', 'save-attempt'],
    },
  ],
  [
    'sending + 201 PAYMENT_FAILED',
    sending,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PAYMENT_FAILED' } },
    {
      step: 'idle',
      outcome: 'payment-failed',
      attempt: null,
      effects: ['release-lock', 'tell-breaker', 'track', 'refresh-cart', 'save-attempt'],
    },
  ],
  [
    'sending + 201 PENDING',
    sending,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PENDING' } },
    {
      step: 'idle',
      outcome: 'awaiting',
      attempt: 'awaiting',
      effects: ['release-lock', 'tell-breaker', 'refresh-cart', 'save-attempt'],
    },
  ],
  [
    'sending + 201 CREATED',
    sending,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'CREATED' } },
    {
      step: 'idle',
      outcome: 'awaiting',
      attempt: 'awaiting',
      effects: ['release-lock', 'tell-breaker', 'refresh-cart', 'save-attempt'],
    },
  ],
  [
    'sending + an answer to another request',
    sending,
    { type: 'answer', requestId: 'stray', order: { id: 'o-9', status: 'PAID' } },
    { step: 'sending', ...UNCHANGED },
  ],
  [
    'idle + answer',
    open,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PAID' } },
    { step: 'idle', ...UNCHANGED },
  ],

  // answers: failed
  ...(
    [
      ['payment-declined', 'declined'],
      ['invalid-order', 'invalid-order'],
      ['service-unavailable', 'not-placed'],
      ['server', 'not-placed'],
      ['not-found', 'not-placed'],
      ['unprocessable', 'key-conflict'],
    ] as const
  ).map(([kind, outcome]): Row => [
    `sending + ${kind}`,
    sending,
    { type: 'answer-failed', requestId: 'req-1', kind },
    {
      step: 'idle',
      outcome,
      attempt: null,
      effects: ['release-lock', 'tell-breaker', 'track', 'refresh-cart', 'save-attempt'],
    },
  ]),
  ...(['not-signed-in', 'unauthorized'] as const).map((kind): Row => [
    `sending + ${kind}`,
    sending,
    { type: 'answer-failed', requestId: 'req-1', kind },
    {
      step: 'idle',
      outcome: 'session-ended',
      attempt: null,
      effects: ['release-lock', 'end-session', 'tell-breaker', 'track', 'save-attempt'],
    },
  ]),
  [
    'sending + payment-unavailable',
    sending,
    { type: 'answer-failed', requestId: 'req-1', kind: 'payment-unavailable' },
    {
      step: 'looking-up',
      outcome: 'payment-failed',
      attempt: null,
      effects: [
        'release-lock',
        'tell-breaker',
        'track',
        'look-up-orders',
        'refresh-cart',
        'save-attempt',
      ],
    },
  ],
  ...(['upstream-timeout', 'network', 'timeout', 'conflict', 'malformed'] as const).map(
    (kind): Row => [
      `sending + ${kind} (unknown outcome)`,
      sending,
      { type: 'answer-failed', requestId: 'req-1', kind },
      {
        step: 'looking-up',
        outcome: 'unknown',
        attempt: 'unknown',
        effects: ['release-lock', 'tell-breaker', 'track', 'look-up-orders', 'save-attempt'],
      },
    ],
  ),
  [
    'sending + a failure of another request',
    sending,
    { type: 'answer-failed', requestId: 'stray', kind: 'server' },
    { step: 'sending', ...UNCHANGED },
  ],
  [
    'idle + answer failed',
    open,
    { type: 'answer-failed', requestId: 'req-1', kind: 'server' },
    { step: 'idle', ...UNCHANGED },
  ],

  // the order lookup after an unknown outcome
  [
    'unknown + nothing found',
    unknownLooking,
    { type: 'lookup-done', found: null },
    { step: 'idle', outcome: 'unknown', attempt: 'unknown', effects: [] },
  ],
  [
    'unknown + found paid',
    unknownLooking,
    { type: 'lookup-done', found: order('o-1', 'PAID') },
    {
      step: 'finishing',
      outcome: 'paid',
      attempt: null,
      effects: ['tell-breaker', 'track', 'empty-cart', 'save-attempt'],
    },
  ],
  [
    'unknown + found failed',
    unknownLooking,
    { type: 'lookup-done', found: order('o-1', 'PAYMENT_FAILED') },
    { step: 'idle', outcome: 'unknown-failed', attempt: null, effects: ['save-attempt'] },
  ],
  [
    'unknown + found pending',
    unknownLooking,
    { type: 'lookup-done', found: order('o-1', 'PENDING') },
    { step: 'idle', outcome: 'awaiting', attempt: 'awaiting', effects: ['save-attempt'] },
  ],
  [
    'unknown + lookup failed',
    unknownLooking,
    { type: 'lookup-failed', kind: 'server' },
    { step: 'idle', outcome: 'unknown', attempt: 'unknown', effects: [] },
  ],
  [
    'unknown + lookup "not logged in"',
    unknownLooking,
    { type: 'lookup-failed', kind: 'not-signed-in' },
    { step: 'idle', outcome: 'session-ended', attempt: 'unknown', effects: ['end-session'] },
  ],
  // ... after "payment unavailable" (looking for the failed order)
  [
    'unavailable + found failed',
    unavailableLooking,
    { type: 'lookup-done', found: order('o-1', 'PAYMENT_FAILED') },
    { step: 'idle', outcome: 'payment-failed', attempt: null, effects: [] },
  ],
  [
    'unavailable + nothing found',
    unavailableLooking,
    { type: 'lookup-done', found: null },
    { step: 'idle', outcome: 'payment-failed', attempt: null, effects: [] },
  ],
  [
    'unavailable + found paid',
    unavailableLooking,
    { type: 'lookup-done', found: order('o-1', 'PAID') },
    {
      step: 'finishing',
      outcome: 'paid',
      attempt: null,
      effects: ['tell-breaker', 'track', 'empty-cart'],
    },
  ],
  [
    'unavailable + lookup failed',
    unavailableLooking,
    { type: 'lookup-failed', kind: 'network' },
    { step: 'idle', outcome: 'payment-failed', effects: [] },
  ],
  [
    'idle + lookup done',
    open,
    { type: 'lookup-done', found: order('o-1', 'PAID') },
    { step: 'idle', ...UNCHANGED },
  ],
  [
    'idle + lookup failed',
    open,
    { type: 'lookup-failed', kind: 'server' },
    { step: 'idle', ...UNCHANGED },
  ],

  // the pending-order watcher
  [
    'awaiting + seen paid',
    awaiting,
    { type: 'order-seen', orderId: 'o-1', status: 'PAID' },
    {
      step: 'finishing',
      outcome: 'paid',
      attempt: null,
      effects: ['tell-breaker', 'track', 'empty-cart', 'save-attempt'],
    },
  ],
  [
    'awaiting + seen failed',
    awaiting,
    { type: 'order-seen', orderId: 'o-1', status: 'PAYMENT_FAILED' },
    {
      step: 'idle',
      outcome: 'payment-failed',
      attempt: null,
      effects: ['tell-breaker', 'track', 'refresh-cart', 'save-attempt'],
    },
  ],
  [
    'awaiting after an unknown outcome + seen failed',
    awaitingAfterUnknown,
    { type: 'order-seen', orderId: 'o-1', status: 'PAYMENT_FAILED' },
    {
      step: 'idle',
      outcome: 'unknown-failed',
      attempt: null,
      effects: ['tell-breaker', 'track', 'refresh-cart', 'save-attempt'],
    },
  ],
  [
    'awaiting + still pending',
    awaiting,
    { type: 'order-seen', orderId: 'o-1', status: 'PENDING' },
    { step: 'idle', attempt: 'awaiting', ...UNCHANGED },
  ],
  [
    'awaiting + another order',
    awaiting,
    { type: 'order-seen', orderId: 'o-2', status: 'PAID' },
    { step: 'idle', attempt: 'awaiting', ...UNCHANGED },
  ],
  [
    'idle + seen',
    open,
    { type: 'order-seen', orderId: 'o-1', status: 'PAID' },
    { step: 'idle', ...UNCHANGED },
  ],

  // after a paid order
  [
    'paid, page open + cart emptied',
    paid,
    { type: 'cart-emptied' },
    { step: 'idle', outcome: 'paid', effects: ['open-order'] },
  ],
  [
    'paid, page closed + cart emptied',
    run(paid, { type: 'checkout-closed' }),
    { type: 'cart-emptied' },
    { step: 'idle', outcome: 'paid', effects: [] },
  ],
  [
    'idle after a paid order + cart emptied again',
    run(paid, { type: 'cart-emptied' }),
    { type: 'cart-emptied' },
    { step: 'idle', effects: [] },
  ],
  [
    'declined + cart emptied',
    lost(sending, 'payment-declined'),
    { type: 'cart-emptied' },
    { outcome: 'declined', effects: [] },
  ],

  // reloads, the page opening and closing
  [
    'page closed + restored mid-attempt',
    initialCheckoutState(),
    { type: 'restored', attempt: leftSending },
    { step: 'idle', attempt: 'sending', outcome: null, effects: ['save-attempt'] },
  ],
  [
    'page open + restored mid-attempt',
    open,
    { type: 'restored', attempt: leftSending },
    {
      step: 'looking-up',
      attempt: 'unknown',
      outcome: 'unknown',
      effects: ['look-up-orders', 'save-attempt'],
    },
  ],
  [
    'restored mid-attempt + page opened',
    closedWithStoredAttempt,
    { type: 'checkout-opened' },
    {
      step: 'looking-up',
      attempt: 'unknown',
      outcome: 'unknown',
      effects: ['look-up-orders', 'save-attempt'],
    },
  ],
  [
    'restored with nothing',
    sending,
    { type: 'restored', attempt: null },
    { step: 'idle', attempt: null, outcome: null, effects: ['save-attempt'] },
  ],
  [
    'an old message + page opened',
    lost(sending, 'payment-declined'),
    { type: 'checkout-opened' },
    { step: 'idle', outcome: null, effects: [] },
  ],
  [
    'sending + page opened again',
    sending,
    { type: 'checkout-opened' },
    { step: 'sending', attempt: 'sending', ...UNCHANGED },
  ],
  ['page closed', open, { type: 'checkout-closed' }, { step: 'idle', ...UNCHANGED }],

  // the payment breaker and its health probe
  [
    'breaker opened',
    open,
    { type: 'breaker-changed', breaker: { status: 'open', openUntil: 9 } },
    UNCHANGED,
  ],
  [
    'half-open + health up',
    halfOpen,
    { type: 'health-reported', health: 'up', at: 60_000 },
    { effects: ['tell-breaker'] },
  ],
  [
    'half-open + health down',
    halfOpen,
    { type: 'health-reported', health: 'down', at: 70_000 },
    { effects: ['tell-breaker'] },
  ],
  [
    'half-open + health from before the cool-down ended',
    halfOpen,
    { type: 'health-reported', health: 'up', at: 59_999 },
    UNCHANGED,
  ],
  [
    'half-open + health unknown',
    halfOpen,
    { type: 'health-reported', health: 'unknown', at: 60_000 },
    UNCHANGED,
  ],
  [
    'half-open, an order probing + health',
    run(
      halfOpen,
      submit(),
      { type: 'session-checked', active: true },
      { type: 'cart-read', cart: CART },
      { type: 'lock-acquired' },
    ),
    { type: 'health-reported', health: 'up', at: 60_000 },
    { step: 'sending', ...UNCHANGED },
  ],
  [
    'closed + health down',
    open,
    { type: 'health-reported', health: 'down', at: 60_000 },
    UNCHANGED,
  ],
  [
    'open + health up',
    breakerOpen,
    { type: 'health-reported', health: 'up', at: 60_000 },
    UNCHANGED,
  ],

  // the connection
  ['online + offline', open, { type: 'online-changed', online: false }, UNCHANGED],
  ['offline + back online', offline, { type: 'online-changed', online: true }, UNCHANGED],
];

describe('every transition', () => {
  test.each(rows)('%s', (_name, from, event, expected) => {
    const { state, effects } = transition(from, event);
    expect(effects.map((effect) => effect.type)).toEqual(expected.effects);
    if (expected.step !== undefined) expect(state.step).toBe(expected.step);
    if (expected.outcome !== undefined) expect(state.outcome?.kind ?? null).toBe(expected.outcome);
    if (expected.attempt !== undefined) expect(state.attempt?.phase ?? null).toBe(expected.attempt);
    if (expected.effects.length === 0 && expected.step === from.step && event.type !== 'restored') {
      // Events that change nothing the shopper sees leave the attempt alone.
      expect(state.attempt).toBe(from.attempt);
    }
  });
});

describe('details the table does not show', () => {
  test('the first send uses the fresh key; after an unknown outcome the same cart reuses it', () => {
    const first = transition(locking, { type: 'lock-acquired' });
    expect(first.effects).toContainEqual({
      type: 'send-order',
      key: 'key-1',
      requestId: 'req-1',
      delayMs: 0,
    });
    const again = transition(
      run(
        unknownNone,
        submit(CART, 2),
        { type: 'session-checked', active: true },
        { type: 'cart-read', cart: CART },
      ),
      { type: 'lock-acquired' },
    );
    expect(again.effects).toContainEqual({
      type: 'send-order',
      key: 'key-1',
      requestId: 'req-2',
      delayMs: 0,
    });
  });

  test('a changed cart gets a new key, even after an unknown outcome', () => {
    const next = transition(
      run(
        unknownNone,
        submit(BIG_CART, 2),
        { type: 'session-checked', active: true },
        { type: 'cart-read', cart: BIG_CART },
      ),
      { type: 'lock-acquired' },
    );
    expect(next.effects).toContainEqual({
      type: 'send-order',
      key: 'key-2',
      requestId: 'req-2',
      delayMs: 0,
    });
    expect(next.state.uncertainKey).toBeNull();
  });

  test('after a definite answer the next order gets a new key', () => {
    const declined = lost(sending, 'payment-declined');
    const next = transition(
      run(
        declined,
        submit(CART, 2),
        { type: 'session-checked', active: true },
        { type: 'cart-read', cart: CART },
      ),
      { type: 'lock-acquired' },
    );
    expect(next.effects).toContainEqual({
      type: 'send-order',
      key: 'key-2',
      requestId: 'req-2',
      delayMs: 0,
    });
  });

  test('the breaker is told what the outcome says about the payment service', () => {
    const signal = (state: CheckoutState, event: CheckoutEvent) =>
      transition(state, event).effects.flatMap((effect) =>
        effect.type === 'tell-breaker' ? [effect.signal] : [],
      );
    expect(signal(locking, { type: 'lock-acquired' })).toEqual(['attempt-started']);
    expect(
      signal(sending, { type: 'answer', requestId: 'req-1', order: { id: 'o', status: 'PAID' } }),
    ).toEqual(['payment-worked']);
    expect(
      signal(sending, { type: 'answer-failed', requestId: 'req-1', kind: 'payment-unavailable' }),
    ).toEqual(['payment-unavailable']);
    expect(
      signal(sending, {
        type: 'answer',
        requestId: 'req-1',
        order: { id: 'o', status: 'PAYMENT_FAILED' },
      }),
    ).toEqual(['payment-unavailable']);
    expect(
      signal(sending, { type: 'answer-failed', requestId: 'req-1', kind: 'payment-declined' }),
    ).toEqual(['attempt-ended']);
    expect(signal(halfOpen, { type: 'health-reported', health: 'up', at: 60_000 })).toEqual([
      'payment-worked',
    ]);
    expect(signal(halfOpen, { type: 'health-reported', health: 'down', at: 60_000 })).toEqual([
      'payment-unavailable',
    ]);
  });

  test('telemetry: started with the key, failed with the kind and HTTP status, succeeded with the order', () => {
    const tracked = (state: CheckoutState, event: CheckoutEvent) =>
      transition(state, event).effects.flatMap((effect) =>
        effect.type === 'track' ? [effect.event] : [],
      );
    expect(tracked(locking, { type: 'lock-acquired' })).toEqual([
      { type: 'checkout_started', idempotencyKey: 'key-1', requestId: 'req-1' },
    ]);
    expect(
      tracked(sending, {
        type: 'answer-failed',
        requestId: 'req-1',
        kind: 'server',
        httpStatus: 500,
      }),
    ).toEqual([
      {
        type: 'checkout_failed',
        kind: 'server',
        requestId: 'req-1',
        idempotencyKey: 'key-1',
        httpStatus: 500,
      },
    ]);
    expect(
      tracked(sending, {
        type: 'answer',
        requestId: 'req-1',
        order: { id: 'o-1', status: 'PAID' },
      }),
    ).toEqual([{ type: 'checkout_succeeded', requestId: 'req-1', orderId: 'o-1' }]);
  });

  test('the lookup is for the attempt: from when it started, for its total', () => {
    expect(
      transition(sending, { type: 'answer-failed', requestId: 'req-1', kind: 'timeout' }).effects,
    ).toContainEqual({
      type: 'look-up-orders',
      startedAt: 1_000,
      total: 12.98,
    });
  });

  test('a decline keeps the total it was for (the message explains the limit with it)', () => {
    expect(lost(sending, 'payment-declined').outcome).toMatchObject({
      kind: 'declined',
      total: 12.98,
    });
  });

  test('a failed order is named the same whichever path found it', () => {
    const byAnswer = run(sending, {
      type: 'answer',
      requestId: 'req-1',
      order: { id: 'o-1', status: 'PAYMENT_FAILED' },
    });
    const byLookup = run(unavailableLooking, {
      type: 'lookup-done',
      found: order('o-1', 'PAYMENT_FAILED'),
    });
    const byWatcher = run(awaiting, {
      type: 'order-seen',
      orderId: 'o-1',
      status: 'PAYMENT_FAILED',
    });
    for (const state of [byAnswer, byLookup, byWatcher]) {
      expect(state.outcome).toMatchObject({
        kind: 'payment-failed',
        order: { id: 'o-1' },
        checking: false,
      });
    }
  });

  test('an ended session after a paid order keeps the paid outcome (never "no order was placed")', () => {
    const paidByLookup = run(unknownLooking, { type: 'lookup-done', found: order('o-1', 'PAID') });
    const next = transition(paidByLookup, { type: 'session-ended' });
    expect(next.state.outcome).toMatchObject({ kind: 'paid', orderId: 'o-1' });
    expect(next.effects).toEqual([{ type: 'end-session' }]);
  });

  test('an ended session with an earlier order still open says so (no "nothing ordered")', () => {
    expect(run(unknownNone, { type: 'session-ended' }).outcome).toMatchObject({
      kind: 'session-ended',
      attemptOpen: true,
    });
    expect(run(open, { type: 'session-ended' }).outcome).toMatchObject({
      kind: 'session-ended',
      attemptOpen: false,
    });
    const foundFailed = run(unknownLooking, {
      type: 'lookup-done',
      found: order('o-1', 'PAYMENT_FAILED'),
    });
    expect(run(foundFailed, { type: 'session-ended' }).outcome).toMatchObject({
      attemptOpen: true,
    });
  });

  test('Place order: enabled only when idle, online, nothing awaiting and the breaker not open', () => {
    expect(canSubmit(open)).toBe(true);
    for (const state of [
      paid,
      checkingSession,
      readingCart,
      locking,
      sending,
      unknownLooking,
      awaiting,
      breakerOpen,
      offline,
    ]) {
      expect(canSubmit(state)).toBe(false);
    }
    expect(canSubmit(halfOpen)).toBe(true);
  });

  test('with a backend that honours keys, a lost answer is asked again, twice at most, then unknown', () => {
    const retrying = run(
      initialCheckoutState({ resendRetries: 2 }),
      submit(),
      { type: 'session-checked', active: true },
      { type: 'cart-read', cart: CART },
      { type: 'lock-acquired' },
    );
    const first = transition(retrying, {
      type: 'answer-failed',
      requestId: 'req-1',
      kind: 'timeout',
    });
    expect(first.effects).toEqual([
      { type: 'send-order', key: 'key-1', requestId: 'req-1', delayMs: 500 },
    ]);
    const second = transition(first.state, {
      type: 'answer-failed',
      requestId: 'req-1',
      kind: 'conflict',
    });
    expect(second.effects).toEqual([
      { type: 'send-order', key: 'key-1', requestId: 'req-1', delayMs: 1_000 },
    ]);
    const third = transition(second.state, {
      type: 'answer-failed',
      requestId: 'req-1',
      kind: 'network',
    });
    expect(third.state.outcome?.kind).toBe('unknown');
    expect(third.effects.some((effect) => effect.type === 'send-order')).toBe(false);
  });

  test('a definite failure or an upstream timeout is never asked again, whatever the settings', () => {
    const retrying = run(
      initialCheckoutState({ resendRetries: 2 }),
      submit(),
      { type: 'session-checked', active: true },
      { type: 'cart-read', cart: CART },
      { type: 'lock-acquired' },
    );
    for (const kind of [
      'payment-declined',
      'payment-unavailable',
      'upstream-timeout',
      'server',
      'malformed',
    ] as const) {
      const next = transition(retrying, { type: 'answer-failed', requestId: 'req-1', kind });
      expect(next.effects.some((effect) => effect.type === 'send-order')).toBe(false);
    }
  });
});

/**
 * What each path tells the shopper, in full: the outcome the message is worded from (with the
 * request id the shopper can quote, what is still being looked up, the order found) and what the
 * tab keeps of the attempt (its key and whether its answer was ever lost).
 */
const KEY_1: Attempt = {
  key: 'key-1',
  fingerprint: CART.fingerprint,
  total: 12.98,
  startedAt: 1_000,
  phase: 'sending',
};
type Full = [
  name: string,
  from: CheckoutState,
  event: CheckoutEvent,
  outcome: Outcome | null,
  attempt: Attempt | null,
  uncertainKey: string | null,
];
const failed = (kind: ApiErrorKind): CheckoutEvent => ({
  type: 'answer-failed',
  requestId: 'req-1',
  kind,
});
const found = order('o-1', 'PAYMENT_FAILED');
const FULL: Full[] = [
  [
    'the cart read back differs',
    readingCart,
    { type: 'cart-read', cart: BIG_CART },
    { kind: 'cart-changed', nowEmpty: false, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'the cart read back is empty',
    readingCart,
    { type: 'cart-read', cart: { fingerprint: '', total: 0 } },
    { kind: 'cart-changed', nowEmpty: true, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'the cart cannot be read back',
    readingCart,
    { type: 'cart-read-failed', kind: 'server', requestId: 'req-cart' },
    { kind: 'not-placed', requestId: 'req-cart' },
    null,
    null,
  ],
  [
    'the cart read finds the session gone',
    readingCart,
    { type: 'cart-read-failed', kind: 'not-signed-in', requestId: 'req-cart' },
    { kind: 'session-ended', attemptOpen: false, requestId: 'req-cart' },
    null,
    null,
  ],
  [
    'the cart read is refused',
    readingCart,
    { type: 'cart-read-failed', kind: 'unauthorized', requestId: 'req-cart' },
    { kind: 'session-ended', attemptOpen: false, requestId: 'req-cart' },
    null,
    null,
  ],
  [
    'another tab holds the lock',
    locking,
    { type: 'lock-busy' },
    { kind: 'busy-elsewhere', requestId: 'req-1' },
    null,
    null,
  ],
  [
    'declined',
    sending,
    failed('payment-declined'),
    { kind: 'declined', total: 12.98, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'invalid order',
    sending,
    failed('invalid-order'),
    { kind: 'invalid-order', requestId: 'req-1' },
    null,
    null,
  ],
  [
    'key used for another cart',
    sending,
    failed('unprocessable'),
    { kind: 'key-conflict', requestId: 'req-1' },
    null,
    null,
  ],
  [
    'a server error',
    sending,
    failed('server'),
    { kind: 'not-placed', requestId: 'req-1' },
    null,
    null,
  ],
  [
    'payment unavailable',
    sending,
    failed('payment-unavailable'),
    { kind: 'payment-failed', checking: true, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'no answer',
    sending,
    failed('network'),
    { kind: 'unknown', lookup: 'checking', requestId: 'req-1' },
    { ...KEY_1, phase: 'unknown', uncertain: true },
    'key-1',
  ],
  [
    'an unreadable answer',
    sending,
    failed('malformed'),
    { kind: 'unknown', lookup: 'checking', requestId: 'req-1' },
    { ...KEY_1, phase: 'unknown', uncertain: true },
    'key-1',
  ],
  [
    'an upstream timeout',
    sending,
    failed('upstream-timeout'),
    { kind: 'unknown', lookup: 'checking', requestId: 'req-1' },
    { ...KEY_1, phase: 'unknown', uncertain: true },
    'key-1',
  ],
  [
    'the answer: not logged in',
    sending,
    failed('not-signed-in'),
    { kind: 'session-ended', attemptOpen: false, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'the answer: unauthorized',
    sending,
    failed('unauthorized'),
    { kind: 'session-ended', attemptOpen: false, requestId: 'req-1' },
    null,
    null,
  ],
  [
    '201 PAYMENT_FAILED',
    sending,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PAYMENT_FAILED' } },
    { kind: 'payment-failed', order: { id: 'o-1' }, checking: false, requestId: 'req-1' },
    null,
    null,
  ],
  [
    '201 PENDING',
    sending,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PENDING' } },
    { kind: 'awaiting', orderId: 'o-1', requestId: 'req-1' },
    { ...KEY_1, phase: 'awaiting', orderId: 'o-1' },
    null,
  ],
  [
    '201 PAID',
    sending,
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PAID' } },
    { kind: 'paid', orderId: 'o-1', requestId: 'req-1' },
    null,
    null,
  ],
  [
    'a resent request answered PENDING after a lost answer (known now)',
    run(
      initialCheckoutState({ resendRetries: 1 }),
      { type: 'checkout-opened' },
      submit(),
      { type: 'session-checked', active: true },
      { type: 'cart-read', cart: CART },
      { type: 'lock-acquired' },
      failed('network'),
    ),
    { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PENDING' } },
    { kind: 'awaiting', orderId: 'o-1', requestId: 'req-1' },
    { ...KEY_1, phase: 'awaiting', orderId: 'o-1' },
    null,
  ],
  [
    'unknown: the lookup finds nothing',
    unknownLooking,
    { type: 'lookup-done', found: null },
    { kind: 'unknown', lookup: 'none', requestId: 'req-1' },
    { ...KEY_1, phase: 'unknown', uncertain: true },
    'key-1',
  ],
  [
    'unknown: the lookup fails',
    unknownLooking,
    { type: 'lookup-failed', kind: 'network' },
    { kind: 'unknown', lookup: 'failed', requestId: 'req-1' },
    { ...KEY_1, phase: 'unknown', uncertain: true },
    'key-1',
  ],
  [
    'unknown: the lookup finds it failed',
    unknownLooking,
    { type: 'lookup-done', found },
    { kind: 'unknown-failed', order: found, requestId: 'req-1' },
    null,
    'key-1',
  ],
  [
    'unknown: the lookup finds it pending',
    unknownLooking,
    { type: 'lookup-done', found: order('o-1', 'PENDING') },
    { kind: 'awaiting', orderId: 'o-1', requestId: 'req-1' },
    { ...KEY_1, phase: 'awaiting', orderId: 'o-1', uncertain: true },
    'key-1',
  ],
  [
    'unknown: the lookup finds it paid',
    unknownLooking,
    { type: 'lookup-done', found: order('o-1', 'PAID') },
    { kind: 'paid', orderId: 'o-1', requestId: 'req-1' },
    null,
    null,
  ],
  [
    'unknown: the lookup finds the session gone',
    unknownLooking,
    { type: 'lookup-failed', kind: 'not-signed-in' },
    { kind: 'session-ended', attemptOpen: true },
    { ...KEY_1, phase: 'unknown', uncertain: true },
    'key-1',
  ],
  [
    'payment unavailable: the lookup finds nothing',
    unavailableLooking,
    { type: 'lookup-done', found: null },
    { kind: 'payment-failed', checking: false, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'payment unavailable: the lookup finds it failed',
    unavailableLooking,
    { type: 'lookup-done', found },
    { kind: 'payment-failed', order: { id: 'o-1' }, checking: false, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'payment unavailable: the lookup finds an order still pending (not this failure)',
    unavailableLooking,
    { type: 'lookup-done', found: order('o-1', 'PENDING') },
    { kind: 'payment-failed', checking: false, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'payment unavailable: the lookup fails',
    unavailableLooking,
    { type: 'lookup-failed', kind: 'network' },
    { kind: 'payment-failed', checking: false, requestId: 'req-1' },
    null,
    null,
  ],
  [
    'awaiting: the watcher sees it paid',
    awaiting,
    { type: 'order-seen', orderId: 'o-1', status: 'PAID' },
    { kind: 'paid', orderId: 'o-1', requestId: 'key-1', watched: true },
    null,
    null,
  ],
  [
    'awaiting: the watcher sees it failed',
    awaiting,
    { type: 'order-seen', orderId: 'o-1', status: 'PAYMENT_FAILED' },
    {
      kind: 'payment-failed',
      order: { id: 'o-1' },
      checking: false,
      requestId: 'key-1',
      watched: true,
    },
    null,
    null,
  ],
  [
    'awaiting after an unknown outcome: the watcher sees it failed',
    awaitingAfterUnknown,
    { type: 'order-seen', orderId: 'o-1', status: 'PAYMENT_FAILED' },
    { kind: 'unknown-failed', order: { id: 'o-1' }, requestId: 'key-1', watched: true },
    null,
    'key-1',
  ],
  [
    'awaiting: the watcher sees another order',
    awaiting,
    { type: 'order-seen', orderId: 'o-2', status: 'PAID' },
    { kind: 'awaiting', orderId: 'o-1', requestId: 'req-1' },
    { ...KEY_1, phase: 'awaiting', orderId: 'o-1' },
    null,
  ],
  [
    'awaiting: the watcher sees it still pending',
    awaiting,
    { type: 'order-seen', orderId: 'o-1', status: 'PENDING' },
    { kind: 'awaiting', orderId: 'o-1', requestId: 'req-1' },
    { ...KEY_1, phase: 'awaiting', orderId: 'o-1' },
    null,
  ],
  [
    'unknown: the session ends',
    unknownNone,
    { type: 'session-ended' },
    { kind: 'session-ended', attemptOpen: true },
    { ...KEY_1, phase: 'unknown', uncertain: true },
    'key-1',
  ],
  [
    'awaiting: the session ends (an order is open, so not "nothing ordered")',
    awaiting,
    { type: 'session-ended' },
    { kind: 'session-ended', attemptOpen: true },
    { ...KEY_1, phase: 'awaiting', orderId: 'o-1' },
    null,
  ],
  [
    'unknown: the lookup is refused',
    unknownLooking,
    { type: 'lookup-failed', kind: 'unauthorized' },
    { kind: 'session-ended', attemptOpen: true },
    { ...KEY_1, phase: 'unknown', uncertain: true },
    'key-1',
  ],
  [
    'the session check finds it ended',
    checkingSession,
    { type: 'session-checked', active: false },
    { kind: 'session-ended', attemptOpen: false },
    null,
    null,
  ],
  [
    'page open, restored mid-POST',
    open,
    { type: 'restored', attempt: leftSending },
    { kind: 'unknown', lookup: 'checking', requestId: 'key-0' },
    { ...leftSending, phase: 'unknown', uncertain: true },
    'key-0',
  ],
  [
    'page closed, restored awaiting',
    initialCheckoutState(),
    { type: 'restored', attempt: { ...leftSending, phase: 'awaiting', orderId: 'o-0' } },
    null,
    { ...leftSending, phase: 'awaiting', orderId: 'o-0' },
    null,
  ],
  [
    'page closed, restored awaiting after a lost answer',
    initialCheckoutState(),
    {
      type: 'restored',
      attempt: { ...leftSending, phase: 'awaiting', orderId: 'o-0', uncertain: true },
    },
    null,
    { ...leftSending, phase: 'awaiting', orderId: 'o-0', uncertain: true },
    'key-0',
  ],
  [
    'page closed, restored unknown',
    initialCheckoutState(),
    { type: 'restored', attempt: { ...leftSending, phase: 'unknown' } },
    null,
    { ...leftSending, phase: 'unknown' },
    'key-0',
  ],
];

describe('what each path tells the shopper, in full', () => {
  test.each(FULL)('%s', (_name, from, event, outcome, attempt, uncertainKey) => {
    const { state, effects } = transition(from, event);
    expect(state.outcome).toEqual(outcome);
    expect(state.attempt).toEqual(attempt);
    expect(state.uncertainKey).toBe(uncertainKey);
    // The tab's stored attempt is always the machine's.
    const saved = effects.filter((effect) => effect.type === 'save-attempt');
    if (state.attempt === from.attempt) expect(saved).toEqual([]);
    else expect(saved).toEqual([{ type: 'save-attempt', attempt: state.attempt }]);
  });
});

describe('events out of turn change nothing', () => {
  const paidAndShown = run(paid, { type: 'cart-emptied' });
  // The same cart placed again after an unknown outcome: the earlier attempt is kept while locking.
  const lockingAgain = run(
    unknownNone,
    submit(CART, 2),
    { type: 'session-checked', active: true },
    { type: 'cart-read', cart: CART },
  );
  test.each<[string, CheckoutState, CheckoutEvent]>([
    [
      'an answer while still locking',
      locking,
      { type: 'answer', requestId: 'req-1', order: { id: 'o-1', status: 'PAID' } },
    ],
    ['a failed answer while still locking', locking, failed('network')],
    [
      'an answer while still locking, an earlier attempt kept',
      lockingAgain,
      { type: 'answer', requestId: 'req-2', order: { id: 'o-1', status: 'PAID' } },
    ],
    [
      'a failed answer while still locking, an earlier attempt kept',
      lockingAgain,
      { type: 'answer-failed', requestId: 'req-2', kind: 'payment-declined' },
    ],
    ['a lookup result after it was settled', unknownNone, { type: 'lookup-done', found: null }],
    [
      'a lookup result naming a paid order after it was settled',
      unknownNone,
      { type: 'lookup-done', found: order('o-1', 'PAID') },
    ],
    [
      'a failed lookup after it was settled',
      unknownNone,
      { type: 'lookup-failed', kind: 'network' },
    ],
    ['the cart emptied a second time', paidAndShown, { type: 'cart-emptied' }],
    [
      'a health answer while this tab takes the lock for its probe',
      run(
        halfOpen,
        submit(),
        { type: 'session-checked', active: true },
        { type: 'cart-read', cart: CART },
      ),
      { type: 'health-reported', health: 'up', at: 60_000 },
    ],
  ])('%s', (_name, from, event) => {
    const next = transition(from, event);
    expect(next.effects).toEqual([]);
    expect(next.state).toEqual(from);
  });
});

describe('more details the table does not show', () => {
  test('opening the page while an order is being looked up keeps what the shopper was told', () => {
    const reopened = run(unknownLooking, { type: 'checkout-closed' }, { type: 'checkout-opened' });
    expect(reopened.outcome).toEqual(unknownLooking.outcome);
    // Idle, a new visit starts clean.
    expect(run(unknownNone, { type: 'checkout-opened' }).outcome).toBeNull();
  });

  test('the same cart sent again after an unknown outcome stays uncertain: "not charged" is never said', () => {
    const again = run(
      unknownNone,
      submit(CART, 2),
      { type: 'session-checked', active: true },
      { type: 'cart-read', cart: CART },
      { type: 'lock-acquired' },
    );
    expect(again.attempt?.key).toBe('key-1');
    expect(again.uncertainKey).toBe('key-1');
  });

  test('a failed order is reported once, with the order, and tells the breaker payments failed', () => {
    expect(
      transition(sending, {
        type: 'answer',
        requestId: 'req-1',
        order: { id: 'o-1', status: 'PAYMENT_FAILED' },
      }).effects,
    ).toEqual([
      { type: 'release-lock' },
      { type: 'tell-breaker', signal: 'payment-unavailable' },
      {
        type: 'track',
        event: {
          type: 'checkout_failed',
          kind: 'payment-unavailable',
          requestId: 'req-1',
          idempotencyKey: 'key-1',
          orderId: 'o-1',
        },
      },
      { type: 'refresh-cart' },
      { type: 'save-attempt', attempt: null },
    ]);
    expect(
      transition(awaiting, { type: 'order-seen', orderId: 'o-1', status: 'PAYMENT_FAILED' })
        .effects,
    ).toEqual([
      { type: 'tell-breaker', signal: 'payment-unavailable' },
      {
        type: 'track',
        event: {
          type: 'checkout_failed',
          kind: 'payment-unavailable',
          requestId: 'key-1',
          idempotencyKey: 'key-1',
          orderId: 'o-1',
        },
      },
      { type: 'refresh-cart' },
      { type: 'save-attempt', attempt: null },
    ]);
  });

  test('an order saved with its payment pending ends the attempt for the breaker and refreshes the cart', () => {
    expect(
      transition(sending, {
        type: 'answer',
        requestId: 'req-1',
        order: { id: 'o-1', status: 'PENDING' },
      }).effects,
    ).toEqual([
      { type: 'release-lock' },
      { type: 'tell-breaker', signal: 'attempt-ended' },
      { type: 'refresh-cart' },
      { type: 'save-attempt', attempt: { ...KEY_1, phase: 'awaiting', orderId: 'o-1' } },
    ]);
  });
});
