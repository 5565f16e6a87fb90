import type { ApiErrorKind } from '@/lib/api-error';

/**
 * What a failed POST /orders means for the shopper. Every kind has its own copy; none of it is
 * backend text. Pure: the checkout page renders it, the tests read it.
 */
export type FailureOutcome =
  | 'declined'
  | 'invalid-order'
  | 'payment-unavailable'
  | 'not-placed'
  | 'sign-in'
  | 'unknown'
  | 'cart-changed';

export interface OutcomeCopy {
  outcome: FailureOutcome;
  title: string;
  body: string;
  /**
   * Was the attempt settled one way or the other? A settled attempt ends its idempotency key; an
   * unsettled one (unknown outcome) keeps it, so asking again can never create a second charge.
   */
  settled: boolean;
  /** Look at the shopper's orders to learn more (unknown outcome, or to find the failed order). */
  checkOrders: boolean;
}

/**
 * @param paymentLimit the payment service's decline threshold
 * @param total what the shopper was asked to pay, when known: a decline under the limit is not
 *   explained by the limit
 */
export function failureOutcome(
  kind: ApiErrorKind,
  paymentLimit: number,
  total?: number,
): OutcomeCopy {
  const limit = paymentLimit.toFixed(2);
  switch (kind) {
    case 'payment-declined':
      if (total !== undefined && total <= paymentLimit) {
        return {
          outcome: 'declined',
          title: 'Your payment was declined. You have not been charged.',
          body: 'The payment service refused this payment. This shop always charges the first card on your account, so there is no other card to try here. Your cart is saved: please try again later.',
          settled: true,
          checkOrders: false,
        };
      }
      return {
        outcome: 'declined',
        title: 'Your payment was declined. You have not been charged.',
        body: `This shop's payment service declines orders over $${limit} in total, shipping included, and always charges the first card on your account. To go ahead, remove some items so the total is $${limit} or less, then place the order again. Your cart is saved.`,
        settled: true,
        checkOrders: false,
      };
    case 'invalid-order':
      return {
        outcome: 'invalid-order',
        title: 'We need a few more details before you can pay.',
        body: 'Your order needs a shipping address and a payment card. Add the missing details below, then place the order again. Your cart is saved.',
        settled: true,
        checkOrders: false,
      };
    case 'payment-unavailable':
      return {
        outcome: 'payment-unavailable',
        title: 'We could not process your payment. You have not been charged.',
        body: 'Our payment service is not responding. Your cart is saved. Please try again later.',
        settled: true,
        checkOrders: true,
      };
    case 'service-unavailable':
    case 'server':
    case 'not-found':
      return {
        outcome: 'not-placed',
        title: 'Your order was not placed.',
        body: 'The shop is having trouble right now. You have not been charged and your cart is saved. Please try again later.',
        settled: true,
        checkOrders: false,
      };
    case 'not-signed-in':
    case 'unauthorized':
      return {
        outcome: 'sign-in',
        title: 'Please sign in again to place your order.',
        body: 'Your session has expired. Sign in and come back: your cart is saved.',
        settled: true,
        checkOrders: false,
      };
    case 'unprocessable':
      return {
        outcome: 'cart-changed',
        title: 'Your cart changed while you were paying.',
        body: 'Please check your cart and place the order again. You have not been charged for the changed cart.',
        settled: true,
        checkOrders: false,
      };
    case 'upstream-timeout':
    case 'network':
    case 'timeout':
    case 'conflict':
    case 'malformed':
      return {
        outcome: 'unknown',
        title: 'We are not sure your order went through.',
        body: 'The payment may or may not have been taken. Please do not pay again yet: we are checking your orders.',
        settled: false,
        checkOrders: true,
      };
  }
}

/**
 * The cart on the server is not the cart on screen (another tab paid for it, or changed it): no
 * order is sent, so nothing is charged from this page.
 */
export function cartChangedOutcome(nowEmpty: boolean): OutcomeCopy {
  return nowEmpty
    ? {
        outcome: 'cart-changed',
        title: 'Your cart is empty now, so no order was sent.',
        body: 'If you placed this order in another tab, you will find it in your orders. Nothing was charged from this page.',
        settled: true,
        checkOrders: false,
      }
    : {
        outcome: 'cart-changed',
        title: 'Your cart has changed, so no order was sent.',
        body: 'Please check the updated summary and place the order again. Nothing was charged.',
        settled: true,
        checkOrders: false,
      };
}
