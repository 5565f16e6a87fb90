import { describeOrderStatus, PAID_ORDER_TITLE } from '@/domain/order-status';
import { formatDateTime, formatMoney } from '@/lib/format';
import { shortReference } from '@/lib/ids';
import type { BreakerView, CheckoutState, Outcome } from './checkout-machine';

/**
 * Everything the shopper reads at checkout, in the payment breaker banner and in the
 * pending-order notice: machine state in, words out. One file answers "why did the shopper see X?".
 * Pure; none of it is backend text. The README's "Checkout outcomes" table quotes these titles
 * (a test checks it).
 */

export type Tone = 'success' | 'info' | 'warning' | 'error';

/** A piece of a sentence: plain text, a link, or a status in words with its symbol. */
export type Inline = string | { text: string; href: string } | { status: string; symbol: string };

export type Paragraph = readonly Inline[];

/**
 * Something the shopper can do from a message. `link` goes to a page; `command` is handled by
 * whoever renders the message (see `CheckoutMessageOptions.extraActions`).
 */
export type MessageAction =
  { kind: 'link'; label: string; href: string } | { kind: 'command'; id: string; label: string };

/** Was the shopper charged, as far as the message may say? */
export type Charged = 'yes' | 'no' | 'not-yet' | 'unknown';

export type MessageId =
  | 'paid'
  | 'awaiting'
  | 'declined-over-limit'
  | 'declined'
  | 'invalid-order'
  | 'payment-failed'
  | 'not-placed'
  | 'cart-emptied-elsewhere'
  | 'cart-emptied-elsewhere-unknown'
  | 'cart-changed'
  | 'cart-changed-unknown'
  | 'key-conflict'
  | 'unknown'
  | 'unknown-failed'
  | 'session-ended'
  | 'session-ended-unknown'
  | 'busy-elsewhere'
  | 'signed-out'
  | 'breaker-open'
  | 'breaker-probing'
  | 'payment-health-down'
  | 'offline';

export interface ShopperMessage {
  id: MessageId;
  tone: Tone;
  title: string;
  body: Paragraph[];
  actions: MessageAction[];
  /** The reference a shopper can quote to support (short form of the request id). */
  reference?: string;
  charged?: Charged;
}

export interface CheckoutMessageOptions {
  /** The payment service's decline threshold (deployed Sock Shop: 100.00). */
  paymentLimit: number;
  /**
   * Extra actions for a failed outcome (tone `error`), e.g. "order these again". Called only for
   * failures; what it returns is added after the message's own actions.
   */
  extraActions?: (message: ShopperMessage, outcome: Outcome) => readonly MessageAction[];
}

export const SIGN_IN_TO_CHECKOUT = '/sign-in?next=/checkout';

const orderHref = (id: string) => `/orders/${encodeURIComponent(id)}`;
const ordersLink: Inline = { text: 'your orders', href: '/orders' };
const paymentFailed = describeOrderStatus('PAYMENT_FAILED');
const failedStatus: Inline = { status: paymentFailed.label, symbol: paymentFailed.symbol };

/** The same sentence whichever path found the failed order (201, lookup or watcher). */
function failedOrderSentence(id: string): Paragraph {
  return [
    'Order ',
    { text: id, href: orderHref(id) },
    ' is recorded as ',
    failedStatus,
    '. It will not ship.',
  ];
}

/**
 * `earlierUnknown`: the tab still holds an attempt whose payment may have gone through (its answer
 * was lost). Then no message may say "not charged", whatever happened since.
 */
function outcomeMessage(
  outcome: Outcome,
  options: CheckoutMessageOptions,
  earlierUnknown: boolean,
): ShopperMessage {
  const limit = formatMoney(options.paymentLimit);
  const reference = outcome.requestId ? shortReference(outcome.requestId) : undefined;
  const withReference = reference ? { reference } : {};
  switch (outcome.kind) {
    case 'paid':
      return {
        id: 'paid',
        tone: 'success',
        title: PAID_ORDER_TITLE,
        body: [
          [
            'Order ',
            { text: outcome.orderId, href: orderHref(outcome.orderId) },
            ' is paid. Your cart has been emptied.',
          ],
        ],
        actions: [],
        charged: 'yes',
        ...withReference,
      };
    case 'awaiting':
      return {
        id: 'awaiting',
        tone: 'info',
        title: 'Your order is waiting for payment confirmation.',
        body: [
          [
            'We are watching it and will keep your cart until the payment is confirmed. Follow ',
            { text: `order ${outcome.orderId}`, href: orderHref(outcome.orderId) },
            ' for its live status.',
          ],
        ],
        actions: [],
        charged: 'not-yet',
        ...withReference,
      };
    case 'declined':
      // A decline is a definite answer, not an outage: say what the shopper can actually do.
      return outcome.total > options.paymentLimit
        ? {
            id: 'declined-over-limit',
            tone: 'error',
            title: 'Your payment was declined. You have not been charged.',
            body: [
              [
                `This shop's payment service declines orders over ${limit} in total, shipping included, and always charges the first card on your account. To go ahead, remove some items so the total is ${limit} or less, then place the order again. Your cart is saved.`,
              ],
            ],
            actions: [{ kind: 'link', label: 'Change your cart', href: '/cart' }],
            charged: 'no',
            ...withReference,
          }
        : {
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
            ...withReference,
          };
    case 'invalid-order':
      return {
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
        ...withReference,
      };
    case 'payment-failed':
      return {
        id: 'payment-failed',
        tone: 'error',
        title: 'We could not process your payment. You have not been charged.',
        body: [
          ['Our payment service is not responding. Your cart is saved. Please try again later.'],
          ...(outcome.checking ? [['Checking your orders…']] : []),
          ...(outcome.order ? [failedOrderSentence(outcome.order.id)] : []),
        ],
        actions: [],
        charged: 'no',
        ...withReference,
      };
    case 'not-placed':
      return {
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
        ...withReference,
      };
    case 'cart-changed':
      if (earlierUnknown) {
        // An empty cart may well be that earlier payment's doing: check the orders, promise nothing.
        return {
          id: outcome.nowEmpty ? 'cart-emptied-elsewhere-unknown' : 'cart-changed-unknown',
          tone: 'error',
          title: outcome.nowEmpty
            ? 'Your cart is empty now, so no order was sent.'
            : 'Your cart has changed, so no order was sent.',
          body: [
            [
              'Your earlier payment may have gone through: check ',
              ordersLink,
              ' before you pay again.',
            ],
          ],
          actions: [],
          charged: 'unknown',
          ...withReference,
        };
      }
      return outcome.nowEmpty
        ? {
            id: 'cart-emptied-elsewhere',
            tone: 'error',
            title: 'Your cart is empty now, so no order was sent.',
            body: [
              [
                'If you placed this order in another tab, you will find it in ',
                ordersLink,
                '. Nothing was charged from this page.',
              ],
            ],
            actions: [],
            charged: 'no',
            ...withReference,
          }
        : {
            id: 'cart-changed',
            tone: 'error',
            title: 'Your cart has changed, so no order was sent.',
            body: [
              ['Please check the updated summary and place the order again. Nothing was charged.'],
            ],
            actions: [],
            charged: 'no',
            ...withReference,
          };
    case 'key-conflict':
      return {
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
        ...withReference,
      };
    case 'unknown': {
      const lookup: Paragraph =
        outcome.lookup === 'checking'
          ? ['Please do not pay again yet: we are checking your orders.']
          : outcome.lookup === 'none'
            ? [
                'We found no order from this attempt. You can try again: we send the same payment reference, so a shop that supports it will not charge you twice.',
              ]
            : [
                'We could not check your orders just now. Before paying again, look at ',
                ordersLink,
                '.',
              ];
      return {
        id: 'unknown',
        tone: 'error',
        title: 'We are not sure your order went through.',
        body: [['The payment may or may not have been taken.'], lookup],
        actions: [],
        charged: 'unknown',
        ...withReference,
      };
    }
    case 'unknown-failed': {
      const { order } = outcome;
      const found: Inline[] = ['We found order ', { text: order.id, href: orderHref(order.id) }];
      if (order.date) found.push(` from ${formatDateTime(order.date)}`);
      if (order.total !== undefined) found.push(` for ${formatMoney(order.total)}`);
      found.push(
        ', recorded as ',
        failedStatus,
        '. It will not ship. You can place your order again once payments work again.',
      );
      return {
        id: 'unknown-failed',
        tone: 'error',
        title: 'Your order did not go through.',
        body: [found],
        actions: [],
        charged: 'unknown',
        ...withReference,
      };
    }
    case 'session-ended':
      return outcome.attemptOpen
        ? {
            id: 'session-ended-unknown',
            tone: 'error',
            title: 'Your session has ended.',
            body: [
              [
                'Sign in to find out whether your earlier payment went through: we will check your orders before you pay again. Your cart is kept.',
              ],
            ],
            actions: [{ kind: 'link', label: 'Sign in', href: SIGN_IN_TO_CHECKOUT }],
            charged: 'unknown',
            ...withReference,
          }
        : {
            id: 'session-ended',
            tone: 'error',
            title: 'Your session has ended.',
            body: [
              [
                'No order was placed and you have not been charged. Your cart is kept: sign in and you will find it here at checkout.',
              ],
            ],
            actions: [{ kind: 'link', label: 'Sign in', href: SIGN_IN_TO_CHECKOUT }],
            charged: 'no',
            ...withReference,
          };
    case 'busy-elsewhere':
      return {
        id: 'busy-elsewhere',
        tone: 'warning',
        title: 'Your order is already being placed in another tab.',
        body: [
          ['To avoid paying twice, wait for that tab to finish, then check ', ordersLink, '.'],
        ],
        actions: [],
      };
  }
}

/**
 * The checkout's message for the machine's state, or null when there is nothing to say. An order
 * awaiting its payment is said whenever no newer outcome is on screen.
 */
export function checkoutMessage(
  state: CheckoutState,
  options: CheckoutMessageOptions,
): ShopperMessage | null {
  // Paid at checkout: the order's page opens as soon as the cart is emptied, and says so there.
  if (state.step === 'finishing') return null;
  let outcome = state.outcome;
  const attempt = state.attempt;
  if (!outcome && attempt?.phase === 'awaiting' && attempt.orderId) {
    outcome = { kind: 'awaiting', orderId: attempt.orderId, requestId: attempt.key };
  }
  if (!outcome) return null;
  const message = outcomeMessage(
    outcome,
    options,
    attempt?.phase === 'unknown' || attempt?.uncertain === true,
  );
  if (message.tone !== 'error' || !options.extraActions) return message;
  const extra = options.extraActions(message, outcome);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no extra action the copy equals the message; only its identity differs
  return extra.length > 0 ? { ...message, actions: [...message.actions, ...extra] } : message;
}

/** Checkout for a shopper who is not signed in (and whose session did not just end). */
export function signedOutMessage(): ShopperMessage {
  return {
    id: 'signed-out',
    tone: 'info',
    title: 'Please sign in to check out.',
    body: [['Your cart is saved and will be waiting.']],
    actions: [{ kind: 'link', label: 'Sign in to check out', href: SIGN_IN_TO_CHECKOUT }],
  };
}

/** What the polite status region says while an order is being placed. */
export function progressText(state: CheckoutState): string {
  if (state.step === 'finishing') return 'Your order is paid. Opening it…';
  return state.step === 'idle' ? '' : 'Placing your order. Please wait.';
}

/** The Place order button's words. */
export function placeOrderLabel(state: CheckoutState, total: number): string {
  return state.step === 'idle' ? `Place order · ${formatMoney(total)}` : 'Placing order…';
}

/** The payment breaker's banner (checkout and cart), or null while payments are allowed. */
export function breakerMessage(
  breaker: BreakerView & { probing?: boolean },
  now: number,
): ShopperMessage | null {
  if (breaker.status === 'closed' || (breaker.status === 'half-open' && !breaker.probing)) {
    return null;
  }
  const open = breaker.status === 'open';
  const seconds = Math.max(0, Math.ceil((breaker.openUntil - now) / 1000));
  return {
    id: open ? 'breaker-open' : 'breaker-probing',
    tone: 'warning',
    title: 'Payments are temporarily unavailable.',
    body: [
      [
        // (No word on charges here: an unknown outcome may be on screen at the same time.)
        `Our payment service failed several times in a row, so we have paused ordering. Your cart is saved.${open ? ` Try again in ${seconds} s.` : ''}`,
      ],
    ],
    actions: [],
  };
}

export function paymentHealthMessage(): ShopperMessage {
  return {
    id: 'payment-health-down',
    tone: 'warning',
    title: 'Payments may not work right now.',
    body: [
      [
        'The shop reports a problem with its payment service. If you place an order it may fail; your cart will be kept.',
      ],
    ],
    actions: [],
  };
}

export function offlineMessage(): ShopperMessage {
  return {
    id: 'offline',
    tone: 'warning',
    title: 'You are offline.',
    body: [
      [
        'Your cart is saved. Placing an order needs a connection; we will carry on when you are back.',
      ],
    ],
    actions: [],
  };
}

/** Before paying: a total over the payment service's limit will be declined. */
export function overLimitWarning(total: number, paymentLimit: number): string | null {
  if (total <= paymentLimit) return null;
  return `This shop's payment service declines orders over ${formatMoney(paymentLimit)}. Your total is ${formatMoney(total)}: remove some items to pay.`;
}

/** What the page knows that the machine does not: the cart on screen and the saved details. */
export interface PageFacts {
  cartEmpty: boolean;
  addressMissing: boolean;
  cardMissing: boolean;
  detailsLoading: boolean;
  detailsFailed: boolean;
}

/**
 * Why Place order is disabled, one sentence per reason (empty when it may be pressed, or while an
 * order is being placed: the button then says so itself).
 */
export function blockedReasons(
  state: CheckoutState,
  page: PageFacts,
  breaker: BreakerView & { probing?: boolean },
  now: number,
): string[] {
  const reasons: string[] = [];
  if (page.cartEmpty) reasons.push('Your cart is empty.');
  if (page.addressMissing) reasons.push('Add a shipping address.');
  if (page.cardMissing) reasons.push('Add a payment card.');
  if (page.detailsLoading) reasons.push('Loading your details…');
  if (page.detailsFailed) {
    reasons.push('We could not load your saved details. Reload the page to try again.');
  }
  if (!state.online) reasons.push('You are offline. Reconnect to place your order.');
  if (breaker.status === 'open') {
    const seconds = Math.max(0, Math.ceil((breaker.openUntil - now) / 1000));
    reasons.push(`Payments are temporarily unavailable. You can try again in ${seconds} s.`);
  } else if (breaker.status === 'half-open' && breaker.probing && state.step === 'idle') {
    reasons.push('Checking whether payments work again…');
  }
  if (state.attempt?.phase === 'awaiting') {
    reasons.push('Your order is waiting for payment confirmation.');
  }
  return reasons;
}

/** The app-wide notice when the watcher settles an awaited order (wherever the shopper is). */
export function pendingOrderNotice(state: CheckoutState): string {
  const outcome = state.outcome;
  if (outcome?.kind === 'paid' && outcome.watched) {
    return `Order ${outcome.orderId} is paid. Your cart has been emptied.`;
  }
  if (outcome?.kind === 'payment-failed' && outcome.watched && outcome.order) {
    return `Payment failed for order ${outcome.order.id}. You have not been charged; your cart is saved.`;
  }
  if (outcome?.kind === 'unknown-failed' && outcome.watched) {
    return `Order ${outcome.order.id} is recorded as Payment failed. It will not ship.`;
  }
  return '';
}

/** A message as plain text (tests, telemetry-free logs, the README check). */
export function messageText(message: ShopperMessage): string {
  const paragraphs = message.body.map((paragraph) =>
    paragraph
      .map((inline) =>
        typeof inline === 'string'
          ? inline
          : 'href' in inline
            ? inline.text
            : `${inline.symbol} ${inline.status}`,
      )
      .join(''),
  );
  return [message.title, ...paragraphs, ...message.actions.map((action) => action.label)].join(' ');
}
