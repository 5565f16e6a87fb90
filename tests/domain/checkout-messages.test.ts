import { describe, expect, test } from 'vitest';
import {
  type CheckoutState,
  initialCheckoutState,
  type Outcome,
} from '@/features/checkout/model/checkout-machine';
import {
  blockedReasons,
  breakerMessage,
  checkoutMessage,
  type MessageId,
  messageText,
  offlineMessage,
  overLimitWarning,
  type PageFacts,
  paymentHealthMessage,
  pendingOrderNotice,
  placeOrderLabel,
  progressText,
  signedOutMessage,
} from '@/features/checkout/model/checkout-messages';

/** The message module for every outcome the machine can be in, and for the banners around it. */

const OPTIONS = { paymentLimit: 100 };
const idle = initialCheckoutState();
const withOutcome = (outcome: Outcome, patch: Partial<CheckoutState> = {}): CheckoutState => ({
  ...idle,
  outcome,
  ...patch,
});
const R = '0a1b2c3d-0000-4000-8000-000000000000';
const failedOrder = { id: 'o-9', date: new Date('2026-01-01T10:00:00Z'), total: 12.98 };

/** One state per message the checkout can show, with the message it must show. */
const cases: [MessageId, CheckoutState][] = [
  ['paid', withOutcome({ kind: 'paid', orderId: 'o-1', requestId: R })],
  ['awaiting', withOutcome({ kind: 'awaiting', orderId: 'o-1', requestId: R })],
  ['declined-over-limit', withOutcome({ kind: 'declined', total: 104.98, requestId: R })],
  ['declined', withOutcome({ kind: 'declined', total: 12.98, requestId: R })],
  ['declined', withOutcome({ kind: 'declined', total: 100, requestId: R })],
  ['invalid-order', withOutcome({ kind: 'invalid-order', requestId: R })],
  ['payment-failed', withOutcome({ kind: 'payment-failed', checking: true, requestId: R })],
  [
    'payment-failed',
    withOutcome({ kind: 'payment-failed', checking: false, order: { id: 'o-1' }, requestId: R }),
  ],
  ['not-placed', withOutcome({ kind: 'not-placed', requestId: R })],
  ['cart-emptied-elsewhere', withOutcome({ kind: 'cart-changed', nowEmpty: true, requestId: R })],
  ['cart-changed', withOutcome({ kind: 'cart-changed', nowEmpty: false, requestId: R })],
  ['key-conflict', withOutcome({ kind: 'key-conflict', requestId: R })],
  [
    'unknown',
    withOutcome({ kind: 'unknown', lookup: 'checking', requestId: R }, { uncertainKey: 'k' }),
  ],
  [
    'unknown',
    withOutcome({ kind: 'unknown', lookup: 'none', requestId: R }, { uncertainKey: 'k' }),
  ],
  [
    'unknown',
    withOutcome({ kind: 'unknown', lookup: 'failed', requestId: R }, { uncertainKey: 'k' }),
  ],
  [
    'unknown-failed',
    withOutcome(
      { kind: 'unknown-failed', order: failedOrder, requestId: R },
      { uncertainKey: 'k' },
    ),
  ],
  [
    'unknown-failed',
    withOutcome(
      { kind: 'unknown-failed', order: { id: 'o-9' }, requestId: R },
      { uncertainKey: 'k' },
    ),
  ],
  ['session-ended', withOutcome({ kind: 'session-ended', attemptOpen: false })],
  [
    'session-ended-unknown',
    withOutcome({ kind: 'session-ended', attemptOpen: true, requestId: R }),
  ],
  ['busy-elsewhere', withOutcome({ kind: 'busy-elsewhere', requestId: R })],
];

const text = (state: CheckoutState) => {
  const message = checkoutMessage(state, OPTIONS);
  if (!message) throw new Error('no message');
  return messageText(message);
};

describe('every outcome has its message', () => {
  test.each(cases)('%s', (id, state) => {
    const message = checkoutMessage(state, OPTIONS);
    expect(message?.id).toBe(id);
    expect(message?.title.length).toBeGreaterThan(10);
    // Ours, for shoppers: no backend words.
    expect(messageText(message!)).not.toMatch(
      /exception|ECONNREFUSED|IllegalState|status_code|null|undefined/i,
    );
    // Every failure carries the reference a shopper can quote.
    if (
      message?.tone === 'error' &&
      state.outcome &&
      'requestId' in state.outcome &&
      state.outcome.requestId
    ) {
      expect(message.reference).toBe('0A1B2C3D');
    }
  });

  test('no outcome, nothing awaiting: nothing to say', () => {
    expect(checkoutMessage(idle, OPTIONS)).toBeNull();
  });

  test('an order awaiting payment is said when no newer outcome is on screen (after a reload too)', () => {
    const state: CheckoutState = {
      ...idle,
      attempt: {
        key: 'k',
        fingerprint: 'f',
        total: 1,
        startedAt: 0,
        phase: 'awaiting',
        orderId: 'o-4',
      },
    };
    expect(checkoutMessage(state, OPTIONS)?.id).toBe('awaiting');
    expect(text(state)).toContain('order o-4');
  });
});

describe('what each message promises', () => {
  test('a decline is a definite answer: never "try again later", "temporarily" or "unavailable"', () => {
    for (const total of [4.99, 12.98, 99.99, 100, 100.01, 104.98, 500]) {
      const copy = text(withOutcome({ kind: 'declined', total, requestId: R }));
      expect(copy).toMatch(/declined/i);
      expect(copy).toMatch(/not been charged/i);
      expect(copy).not.toMatch(/try again later|temporarily|unavailable/i);
      expect(copy).not.toMatch(/try another card/i);
    }
  });

  test('over the limit: names the limit and what to do; under it: not blamed on the limit', () => {
    const over = checkoutMessage(
      withOutcome({ kind: 'declined', total: 104.98, requestId: R }),
      OPTIONS,
    );
    expect(messageText(over!)).toMatch(/over \$100\.00 in total/);
    expect(messageText(over!)).toMatch(/remove some items so the total is \$100\.00 or less/);
    expect(over?.actions).toContainEqual({
      kind: 'link',
      label: 'Change your cart',
      href: '/cart',
    });
    const under = text(withOutcome({ kind: 'declined', total: 12.98, requestId: R }));
    expect(under).not.toContain('$100.00');
    expect(under).toMatch(
      /always charges the first card on your account, so there is no other card to try/,
    );
  });

  test('unknown outcomes never say "not charged" and ask not to pay again yet', () => {
    for (const [, state] of cases.filter(
      ([id]) => id === 'unknown' || id === 'unknown-failed' || id === 'session-ended-unknown',
    )) {
      expect(text(state)).not.toMatch(/not (been )?charged|nothing was charged/i);
      expect(checkoutMessage(state, OPTIONS)?.charged).toBe('unknown');
    }
    expect(text(withOutcome({ kind: 'unknown', lookup: 'checking', requestId: R }))).toMatch(
      /do not pay again yet/,
    );
    expect(text(withOutcome({ kind: 'unknown', lookup: 'none', requestId: R }))).toMatch(
      /found no order from this attempt/,
    );
    expect(text(withOutcome({ kind: 'unknown', lookup: 'failed', requestId: R }))).toMatch(
      /could not check your orders/,
    );
  });

  test('a failed order reads the same whichever path found it', () => {
    const named = text(
      withOutcome({ kind: 'payment-failed', checking: false, order: { id: 'o-1' }, requestId: R }),
    );
    expect(named).toContain('Order o-1 is recorded as ✕ Payment failed. It will not ship.');
    const found = text(withOutcome({ kind: 'unknown-failed', order: failedOrder, requestId: R }));
    expect(found).toMatch(
      /We found order o-9 from .+ for \$12\.98, recorded as ✕ Payment failed\. It will not ship\./,
    );
  });

  test('an ended session: nothing ordered or charged, cart kept, sign-in returns to checkout, no other tab blamed', () => {
    const message = checkoutMessage(
      withOutcome({ kind: 'session-ended', attemptOpen: false }),
      OPTIONS,
    );
    expect(message?.title).toBe('Your session has ended.');
    expect(messageText(message!)).toMatch(/No order was placed and you have not been charged/);
    expect(messageText(message!)).toMatch(/cart is kept/);
    expect(messageText(message!)).not.toMatch(/another tab|empty/i);
    expect(message?.actions).toEqual([
      { kind: 'link', label: 'Sign in', href: '/sign-in?next=/checkout' },
    ]);
    // With an earlier order still open, it makes no promise about charges.
    const open = checkoutMessage(
      withOutcome({ kind: 'session-ended', attemptOpen: true }),
      OPTIONS,
    );
    expect(messageText(open!)).not.toMatch(/not (been )?charged|No order was placed/);
    expect(open?.actions).toEqual(message?.actions);
  });

  test('only paid reads as success; what was charged is said per outcome', () => {
    for (const [id, state] of cases) {
      const message = checkoutMessage(state, OPTIONS);
      expect(message?.tone === 'success').toBe(id === 'paid');
      if (/not been charged/.test(messageText(message!))) expect(message?.charged).toBe('no');
    }
  });

  test('failed outcomes can carry an extra action (e.g. "order these again"); others cannot', () => {
    const extra = { kind: 'command' as const, id: 'order-again', label: 'Order these again' };
    const options = { ...OPTIONS, extraActions: () => [extra] };
    for (const [id, state] of cases) {
      const message = checkoutMessage(state, options);
      expect(message?.actions.includes(extra)).toBe(message?.tone === 'error');
      if (id === 'declined-over-limit') expect(message?.actions.at(-1)).toBe(extra);
    }
    const seen: string[] = [];
    checkoutMessage(cases[2]![1], {
      ...OPTIONS,
      extraActions: (message, outcome) => (seen.push(`${message.id}/${outcome.kind}`), []),
    });
    expect(seen).toEqual(['declined-over-limit/declined']);
  });
});

describe('around the message', () => {
  const page: PageFacts = {
    cartEmpty: false,
    addressMissing: false,
    cardMissing: false,
    detailsLoading: false,
    detailsFailed: false,
  };
  const closed = { status: 'closed' as const, openUntil: 0 };

  test('why Place order is disabled, one sentence per reason', () => {
    expect(blockedReasons(idle, page, closed, 0)).toEqual([]);
    expect(
      blockedReasons(
        {
          ...idle,
          online: false,
          attempt: {
            key: 'k',
            fingerprint: 'f',
            total: 1,
            startedAt: 0,
            phase: 'awaiting',
            orderId: 'o',
          },
        },
        {
          cartEmpty: true,
          addressMissing: true,
          cardMissing: true,
          detailsLoading: true,
          detailsFailed: true,
        },
        { status: 'open', openUntil: 30_500 },
        1_000,
      ),
    ).toEqual([
      'Your cart is empty.',
      'Add a shipping address.',
      'Add a payment card.',
      'Loading your details…',
      'We could not load your saved details. Reload the page to try again.',
      'You are offline. Reconnect to place your order.',
      'Payments are temporarily unavailable. You can try again in 30 s.',
      'Your order is waiting for payment confirmation.',
    ]);
    expect(
      blockedReasons(idle, page, { status: 'half-open', openUntil: 0, probing: true }, 0),
    ).toEqual(['Checking whether payments work again…']);
  });

  test('the button and the progress region follow the machine', () => {
    expect(placeOrderLabel(idle, 12.98)).toBe('Place order · $12.98');
    expect(progressText(idle)).toBe('');
    const busy = { ...idle, step: 'sending' as const };
    expect(placeOrderLabel(busy, 12.98)).toBe('Placing order…');
    expect(progressText(busy)).toBe('Placing your order. Please wait.');
  });

  test('the breaker banner: open with a countdown, nothing while payments are allowed', () => {
    expect(breakerMessage(closed, 0)).toBeNull();
    expect(breakerMessage({ status: 'half-open', openUntil: 0 }, 0)).toBeNull();
    const open = breakerMessage({ status: 'open', openUntil: 10_000 }, 1_200);
    expect(open?.title).toBe('Payments are temporarily unavailable.');
    expect(messageText(open!)).toMatch(/Try again in 9 s\./);
    // It says nothing about charges (an unknown outcome may be on screen next to it).
    expect(messageText(open!)).not.toMatch(/charged/);
    expect(breakerMessage({ status: 'half-open', openUntil: 0, probing: true }, 0)?.id).toBe(
      'breaker-probing',
    );
  });

  test('the warning before paying over the limit', () => {
    expect(overLimitWarning(100, 100)).toBeNull();
    expect(overLimitWarning(104.98, 100)).toBe(
      "This shop's payment service declines orders over $100.00. Your total is $104.98: remove some items to pay.",
    );
  });

  test('health warning, offline, signed out', () => {
    expect(paymentHealthMessage().title).toBe('Payments may not work right now.');
    expect(offlineMessage().title).toBe('You are offline.');
    expect(signedOutMessage().actions).toEqual([
      { kind: 'link', label: 'Sign in to check out', href: '/sign-in?next=/checkout' },
    ]);
  });

  test('the pending-order notice speaks only of what the watcher settled', () => {
    expect(
      pendingOrderNotice(
        withOutcome({ kind: 'paid', orderId: 'o-1', requestId: R, watched: true }),
      ),
    ).toBe('Order o-1 is paid. Your cart has been emptied.');
    expect(pendingOrderNotice(withOutcome({ kind: 'paid', orderId: 'o-1', requestId: R }))).toBe(
      '',
    );
    expect(
      pendingOrderNotice(
        withOutcome({
          kind: 'payment-failed',
          order: { id: 'o-1' },
          checking: false,
          requestId: R,
          watched: true,
        }),
      ),
    ).toBe('Payment failed for order o-1. You have not been charged; your cart is saved.');
    expect(
      pendingOrderNotice(
        withOutcome({ kind: 'unknown-failed', order: { id: 'o-1' }, requestId: R, watched: true }),
      ),
    ).not.toMatch(/charged/);
    expect(pendingOrderNotice(idle)).toBe('');
  });
});

test('after an answer was lost, a changed or emptied cart never says "not charged" (property test, seed -1324492997)', () => {
  const lostAttempt = { key: 'k', fingerprint: 'f', total: 12.98, startedAt: 0 };
  const held = [
    { ...lostAttempt, phase: 'unknown' as const, uncertain: true },
    // Its key already being sent again: the answer once lost still decides what may be said.
    { ...lostAttempt, phase: 'sending' as const, uncertain: true },
  ];
  for (const attempt of held) {
    for (const nowEmpty of [true, false]) {
      const message = checkoutMessage(
        withOutcome({ kind: 'cart-changed', nowEmpty, requestId: R }, { attempt }),
        OPTIONS,
      );
      expect(message?.charged).toBe('unknown');
      expect(messageText(message!)).not.toMatch(/not (been )?charged|nothing was charged/i);
      expect(messageText(message!)).toMatch(/earlier payment may have gone through/);
    }
  }
});
