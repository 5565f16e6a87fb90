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
  type Inline,
  messageText,
  offlineMessage,
  type PageFacts,
  paymentHealthMessage,
  pendingOrderNotice,
  progressText,
  type ShopperMessage,
  signedOutMessage,
} from '@/features/checkout/model/checkout-messages';

/**
 * The copy deck: every message the checkout can show, word for word, with its links, actions,
 * tone, what it says about charges and the reference a shopper can quote. One row per state. A
 * changed sentence is a change of what shoppers (and support, and QA) rely on: it must show here.
 */

const R = '0a1b2c3d-0000-4000-8000-000000000000';
const REF = '0A1B2C3D';
const OPTIONS = { paymentLimit: 100 };
const at = (outcome: Outcome): CheckoutState => ({ ...initialCheckoutState(), outcome });
/** The tab still holds an attempt whose answer was lost: its payment may have gone through. */
const afterLostAnswer = (outcome: Outcome): CheckoutState => ({
  ...at(outcome),
  attempt: { key: 'k-0', fingerprint: 'f', total: 12.98, startedAt: 0, phase: 'unknown' },
});
const link = (text: string, href: string): Inline => ({ text, href });
const FAILED: Inline = { status: 'Payment failed', symbol: '✕' };
const YOUR_ORDERS = link('your orders', '/orders');
const SIGN_IN = { kind: 'link', label: 'Sign in', href: '/sign-in?next=/checkout' } as const;
const CART_SAVED_UNKNOWN = 'The payment may or may not have been taken.';

const DECK: [string, CheckoutState, ShopperMessage][] = [
  [
    'paid',
    at({ kind: 'paid', orderId: 'o/1', requestId: R }),
    {
      id: 'paid',
      tone: 'success',
      title: 'Thank you! Your order is confirmed and paid.',
      body: [['Order ', link('o/1', '/orders/o%2F1'), ' is paid. Your cart has been emptied.']],
      actions: [],
      charged: 'yes',
      reference: REF,
    },
  ],
  [
    'awaiting',
    at({ kind: 'awaiting', orderId: 'o-1', requestId: R }),
    {
      id: 'awaiting',
      tone: 'info',
      title: 'Your order is waiting for payment confirmation.',
      body: [
        [
          'We are watching it and will keep your cart until the payment is confirmed. Follow ',
          link('order o-1', '/orders/o-1'),
          ' for its live status.',
        ],
      ],
      actions: [],
      charged: 'not-yet',
      reference: REF,
    },
  ],
  [
    'declined over the limit',
    at({ kind: 'declined', total: 104.98, requestId: R }),
    {
      id: 'declined-over-limit',
      tone: 'error',
      title: 'Your payment was declined. You have not been charged.',
      body: [
        [
          "This shop's payment service declines orders over $100.00 in total, shipping included, and always charges the first card on your account. To go ahead, remove some items so the total is $100.00 or less, then place the order again. Your cart is saved.",
        ],
      ],
      actions: [{ kind: 'link', label: 'Change your cart', href: '/cart' }],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'declined within the limit',
    at({ kind: 'declined', total: 12.98, requestId: R }),
    {
      id: 'declined',
      tone: 'error',
      title: 'Your payment was declined. You have not been charged.',
      body: [
        [
          'The payment service refused this payment. This shop always charges the first card on your account, so there is no other card to try here. Your cart is saved. If you think this is wrong, contact the shop and quote the reference below.',
        ],
      ],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'invalid order',
    at({ kind: 'invalid-order', requestId: R }),
    {
      id: 'invalid-order',
      tone: 'error',
      title: 'We need a few more details before you can pay.',
      body: [
        [
          'Your order needs a shipping address and a payment card. Add the missing details below, then place the order again. Your cart is saved.',
        ],
      ],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'payment failed, looking for the order',
    at({ kind: 'payment-failed', checking: true, requestId: R }),
    {
      id: 'payment-failed',
      tone: 'error',
      title: 'We could not process your payment. You have not been charged.',
      body: [
        ['Our payment service is not responding. Your cart is saved. Please try again later.'],
        ['Checking your orders…'],
      ],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'payment failed, order known',
    at({ kind: 'payment-failed', checking: false, order: { id: 'o-1' }, requestId: R }),
    {
      id: 'payment-failed',
      tone: 'error',
      title: 'We could not process your payment. You have not been charged.',
      body: [
        ['Our payment service is not responding. Your cart is saved. Please try again later.'],
        ['Order ', link('o-1', '/orders/o-1'), ' is recorded as ', FAILED, '. It will not ship.'],
      ],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'payment failed, no order found',
    at({ kind: 'payment-failed', checking: false, requestId: R }),
    {
      id: 'payment-failed',
      tone: 'error',
      title: 'We could not process your payment. You have not been charged.',
      body: [
        ['Our payment service is not responding. Your cart is saved. Please try again later.'],
      ],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'not placed',
    at({ kind: 'not-placed', requestId: R }),
    {
      id: 'not-placed',
      tone: 'error',
      title: 'Your order was not placed.',
      body: [
        [
          'The shop is having trouble right now. You have not been charged and your cart is saved. Please try again later.',
        ],
      ],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'cart emptied elsewhere',
    at({ kind: 'cart-changed', nowEmpty: true, requestId: R }),
    {
      id: 'cart-emptied-elsewhere',
      tone: 'error',
      title: 'Your cart is empty now, so no order was sent.',
      body: [
        [
          'If you placed this order in another tab, you will find it in ',
          YOUR_ORDERS,
          '. Nothing was charged from this page.',
        ],
      ],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'cart changed',
    at({ kind: 'cart-changed', nowEmpty: false, requestId: R }),
    {
      id: 'cart-changed',
      tone: 'error',
      title: 'Your cart has changed, so no order was sent.',
      body: [['Please check the updated summary and place the order again. Nothing was charged.']],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'cart emptied, an earlier payment unknown',
    afterLostAnswer({ kind: 'cart-changed', nowEmpty: true, requestId: R }),
    {
      id: 'cart-emptied-elsewhere-unknown',
      tone: 'error',
      title: 'Your cart is empty now, so no order was sent.',
      body: [
        [
          'Your earlier payment may have gone through: check ',
          YOUR_ORDERS,
          ' before you pay again.',
        ],
      ],
      actions: [],
      charged: 'unknown',
      reference: REF,
    },
  ],
  [
    'cart changed, an earlier payment unknown',
    afterLostAnswer({ kind: 'cart-changed', nowEmpty: false, requestId: R }),
    {
      id: 'cart-changed-unknown',
      tone: 'error',
      title: 'Your cart has changed, so no order was sent.',
      body: [
        [
          'Your earlier payment may have gone through: check ',
          YOUR_ORDERS,
          ' before you pay again.',
        ],
      ],
      actions: [],
      charged: 'unknown',
      reference: REF,
    },
  ],
  [
    'key conflict',
    at({ kind: 'key-conflict', requestId: R }),
    {
      id: 'key-conflict',
      tone: 'error',
      title: 'Your cart changed while you were paying.',
      body: [
        [
          'Please check your cart and place the order again. You have not been charged for the changed cart.',
        ],
      ],
      actions: [],
      charged: 'no',
      reference: REF,
    },
  ],
  [
    'unknown, checking',
    at({ kind: 'unknown', lookup: 'checking', requestId: R }),
    {
      id: 'unknown',
      tone: 'error',
      title: 'We are not sure your order went through.',
      body: [[CART_SAVED_UNKNOWN], ['Please do not pay again yet: we are checking your orders.']],
      actions: [],
      charged: 'unknown',
      reference: REF,
    },
  ],
  [
    'unknown, no order found',
    at({ kind: 'unknown', lookup: 'none', requestId: R }),
    {
      id: 'unknown',
      tone: 'error',
      title: 'We are not sure your order went through.',
      body: [
        [CART_SAVED_UNKNOWN],
        [
          'We found no order from this attempt. You can try again: we send the same payment reference, so a shop that supports it will not charge you twice.',
        ],
      ],
      actions: [],
      charged: 'unknown',
      reference: REF,
    },
  ],
  [
    'unknown, lookup failed',
    at({ kind: 'unknown', lookup: 'failed', requestId: R }),
    {
      id: 'unknown',
      tone: 'error',
      title: 'We are not sure your order went through.',
      body: [
        [CART_SAVED_UNKNOWN],
        [
          'We could not check your orders just now. Before paying again, look at ',
          YOUR_ORDERS,
          '.',
        ],
      ],
      actions: [],
      charged: 'unknown',
      reference: REF,
    },
  ],
  [
    'unknown, found failed (date and total known)',
    at({
      kind: 'unknown-failed',
      order: { id: 'o-9', date: new Date('2026-01-01T10:00:00Z'), total: 0 },
      requestId: R,
    }),
    {
      id: 'unknown-failed',
      tone: 'error',
      title: 'Your order did not go through.',
      body: [
        [
          'We found order ',
          link('o-9', '/orders/o-9'),
          ' from 1 Jan 2026, 10:00 UTC',
          ' for $0.00',
          ', recorded as ',
          FAILED,
          '. It will not ship. You can place your order again once payments work again.',
        ],
      ],
      actions: [],
      charged: 'unknown',
      reference: REF,
    },
  ],
  [
    'unknown, found failed (id only)',
    at({ kind: 'unknown-failed', order: { id: 'o-9' }, requestId: R }),
    {
      id: 'unknown-failed',
      tone: 'error',
      title: 'Your order did not go through.',
      body: [
        [
          'We found order ',
          link('o-9', '/orders/o-9'),
          ', recorded as ',
          FAILED,
          '. It will not ship. You can place your order again once payments work again.',
        ],
      ],
      actions: [],
      charged: 'unknown',
      reference: REF,
    },
  ],
  [
    'session ended',
    at({ kind: 'session-ended', attemptOpen: false }),
    {
      id: 'session-ended',
      tone: 'error',
      title: 'Your session has ended.',
      body: [
        [
          'No order was placed and you have not been charged. Your cart is kept: sign in and you will find it here at checkout.',
        ],
      ],
      actions: [SIGN_IN],
      charged: 'no',
    },
  ],
  [
    'session ended, earlier payment unknown',
    at({ kind: 'session-ended', attemptOpen: true, requestId: R }),
    {
      id: 'session-ended-unknown',
      tone: 'error',
      title: 'Your session has ended.',
      body: [
        [
          'Sign in to find out whether your earlier payment went through: we will check your orders before you pay again. Your cart is kept.',
        ],
      ],
      actions: [SIGN_IN],
      charged: 'unknown',
      reference: REF,
    },
  ],
  [
    'busy in another tab',
    at({ kind: 'busy-elsewhere', requestId: R }),
    {
      id: 'busy-elsewhere',
      tone: 'warning',
      title: 'Your order is already being placed in another tab.',
      body: [['To avoid paying twice, wait for that tab to finish, then check ', YOUR_ORDERS, '.']],
      actions: [],
    },
  ],
];

describe('every checkout message, word for word', () => {
  test.each(DECK)('%s', (_state, state, expected) => {
    expect(checkoutMessage(state, OPTIONS)).toEqual(expected);
  });
});

describe('the banners around checkout, word for word', () => {
  const PAUSED =
    'Our payment service failed several times in a row, so we have paused ordering. Your cart is saved.';

  test('breaker open: a countdown in whole seconds, rounded up, never below 0', () => {
    expect(breakerMessage({ status: 'open', openUntil: 10_000 }, 1_200)).toEqual({
      id: 'breaker-open',
      tone: 'warning',
      title: 'Payments are temporarily unavailable.',
      body: [[`${PAUSED} Try again in 9 s.`]],
      actions: [],
    });
    expect(breakerMessage({ status: 'open', openUntil: 10_000 }, 9_001)?.body).toEqual([
      [`${PAUSED} Try again in 1 s.`],
    ]);
    expect(breakerMessage({ status: 'open', openUntil: 10_000 }, 12_000)?.body).toEqual([
      [`${PAUSED} Try again in 0 s.`],
    ]);
  });

  test('breaker probing: the same banner without a countdown', () => {
    expect(breakerMessage({ status: 'half-open', openUntil: 10_000, probing: true }, 0)).toEqual({
      id: 'breaker-probing',
      tone: 'warning',
      title: 'Payments are temporarily unavailable.',
      body: [[PAUSED]],
      actions: [],
    });
  });

  test('payment health down', () => {
    expect(paymentHealthMessage()).toEqual({
      id: 'payment-health-down',
      tone: 'warning',
      title: 'Payments may not work right now.',
      body: [
        [
          'The shop reports a problem with its payment service. If you place an order it may fail; your cart will be kept.',
        ],
      ],
      actions: [],
    });
  });

  test('offline', () => {
    expect(offlineMessage()).toEqual({
      id: 'offline',
      tone: 'warning',
      title: 'You are offline.',
      body: [
        [
          'Your cart is saved. Placing an order needs a connection; we will carry on when you are back.',
        ],
      ],
      actions: [],
    });
  });

  test('signed out', () => {
    expect(signedOutMessage()).toEqual({
      id: 'signed-out',
      tone: 'info',
      title: 'Please sign in to check out.',
      body: [['Your cart is saved and will be waiting.']],
      actions: [{ kind: 'link', label: 'Sign in to check out', href: '/sign-in?next=/checkout' }],
    });
  });
});

describe('around the message, word for word', () => {
  const paidAt = at({ kind: 'paid', orderId: 'o-1', requestId: R });

  test('paid at checkout: the checkout says nothing more while the order page opens', () => {
    const finishing: CheckoutState = { ...paidAt, step: 'finishing' };
    expect(checkoutMessage(finishing, OPTIONS)).toBeNull();
    expect(progressText(finishing)).toBe('Your order is paid. Opening it…');
  });

  test('the pending-order notice for each settled watch, and nothing for the rest', () => {
    expect(
      pendingOrderNotice(at({ kind: 'paid', orderId: 'o-1', requestId: R, watched: true })),
    ).toBe('Order o-1 is paid. Your cart has been emptied.');
    expect(
      pendingOrderNotice(
        at({
          kind: 'payment-failed',
          order: { id: 'o-2' },
          checking: false,
          requestId: R,
          watched: true,
        }),
      ),
    ).toBe('Payment failed for order o-2. You have not been charged; your cart is saved.');
    expect(
      pendingOrderNotice(
        at({ kind: 'unknown-failed', order: { id: 'o-3' }, requestId: R, watched: true }),
      ),
    ).toBe('Order o-3 is recorded as Payment failed. It will not ship.');
    // Learnt at checkout, not by the watcher: the checkout's own message says it.
    expect(pendingOrderNotice(paidAt)).toBe('');
    expect(
      pendingOrderNotice(
        at({ kind: 'payment-failed', checking: false, requestId: R, watched: true }),
      ),
    ).toBe('');
    expect(
      pendingOrderNotice(at({ kind: 'unknown-failed', order: { id: 'o-3' }, requestId: R })),
    ).toBe('');
  });

  test('a message as plain text: title, paragraphs, links by their words, status with its symbol, then actions', () => {
    expect(
      messageText({
        id: 'unknown-failed',
        tone: 'error',
        title: 'Title.',
        body: [['One ', link('o-1', '/orders/o-1'), ' is ', FAILED, '.'], ['Two.']],
        actions: [SIGN_IN, { kind: 'command', id: 'again', label: 'Order again' }],
      }),
    ).toBe('Title. One o-1 is ✕ Payment failed. Two. Sign in Order again');
  });

  describe('why Place order is disabled while the breaker probes', () => {
    const page: PageFacts = {
      cartEmpty: false,
      addressMissing: false,
      cardMissing: false,
      detailsLoading: false,
      detailsFailed: false,
    };
    const idle = initialCheckoutState();
    const PROBING = 'Checking whether payments work again…';

    test('said only while a probe is under way and no order of this tab is being placed', () => {
      expect(
        blockedReasons(idle, page, { status: 'half-open', openUntil: 0, probing: true }, 0),
      ).toEqual([PROBING]);
      // The cool-down is over and no probe is out: this order may be the probe.
      expect(
        blockedReasons(idle, page, { status: 'half-open', openUntil: 0, probing: false }, 0),
      ).toEqual([]);
      // A probe flag on a closed breaker means nothing.
      expect(
        blockedReasons(idle, page, { status: 'closed', openUntil: 0, probing: true }, 0),
      ).toEqual([]);
      // This tab's own order is the probe: the button says "Placing order…" itself.
      expect(
        blockedReasons(
          { ...idle, step: 'sending' },
          page,
          { status: 'half-open', openUntil: 0, probing: true },
          0,
        ),
      ).toEqual([]);
    });

    test('open: the countdown rounds up and never goes below 0', () => {
      expect(blockedReasons(idle, page, { status: 'open', openUntil: 5_000 }, 4_999)).toEqual([
        'Payments are temporarily unavailable. You can try again in 1 s.',
      ]);
      expect(blockedReasons(idle, page, { status: 'open', openUntil: 5_000 }, 6_000)).toEqual([
        'Payments are temporarily unavailable. You can try again in 0 s.',
      ]);
    });
  });
});
