import { useQuery } from '@tanstack/react-query';
import { type MouseEvent, useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import type { ProductLookup } from '@/components/ui/product-info';
import { TotalsTable } from '@/components/ui/totals-table';
import { config } from '@/config/env';
import { orderTotals } from '@/domain/order-totals';
import { formatMoney } from '@/lib/format';
import { createId } from '@/lib/ids';
import { type CartItem, cartQuery } from '../api/cart';
import { addressQuery, cardQuery } from '../api/payment-details';
import { cartFingerprint } from '../model/attempt';
import { canSubmit, type CheckoutEvent } from '../model/checkout-machine';
import {
  blockedReasons,
  type CheckoutMessageOptions,
  checkoutMessage,
  type MessageAction,
  overLimitWarning,
  placeOrderLabel,
  progressText,
  signedOutMessage,
} from '../model/checkout-messages';
import { dispatchCheckout, useCheckoutState } from '../stores/checkout-store';
import { CheckoutFeedback } from './checkout-feedback';
import { alertClass, MessageBanner, MessageContent } from './message-view';
import { CheckoutSection, PaymentCard, ShippingAddress } from './payment-details';
import { usePaymentAvailability } from './use-payment-availability';

export interface CheckoutPageProps {
  signedIn: boolean;
  products: ProductLookup;
  /** Extra actions for failed outcomes, and what to do when one is chosen (composed by the app). */
  extraActions?: CheckoutMessageOptions['extraActions'];
  onCommand?: (action: Extract<MessageAction, { kind: 'command' }>) => void;
}

/** Place order, stamped with the time and fresh ids (the machine itself has no clock or dice). */
function submitted(
  event: MouseEvent<HTMLButtonElement>,
  lines: readonly CartItem[],
  total: number,
): CheckoutEvent {
  return {
    type: 'submit',
    via: event.detail === 0 ? 'keyboard' : 'click',
    cart: { fingerprint: cartFingerprint(lines), total },
    requestId: createId(),
    freshKey: createId(),
    now: Date.now(),
  };
}

export function CheckoutPage(props: CheckoutPageProps) {
  // The machine knows whether its page is open: a paid order then opens the order's page.
  useEffect(() => {
    dispatchCheckout({ type: 'checkout-opened' });
    return () => dispatchCheckout({ type: 'checkout-closed' });
  }, []);
  return props.signedIn ? <SignedInCheckout {...props} /> : <SignedOutCheckout />;
}

/** Signed out: why (the session ended, or never began) and the way back here. */
function SignedOutCheckout() {
  const state = useCheckoutState();
  const ended = state.outcome?.kind === 'session-ended';
  const message =
    (ended && checkoutMessage(state, { paymentLimit: config.paymentLimit })) || signedOutMessage();
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ended) alertRef.current?.focus();
  }, [ended]);
  return (
    <section className="narrow">
      <PageHeading>Checkout</PageHeading>
      <div
        ref={alertRef}
        role="alert"
        tabIndex={-1}
        className={ended ? alertClass(message) : undefined}
      >
        <MessageContent message={message} />
      </div>
    </section>
  );
}

function SignedInCheckout({ products, extraActions, onCommand }: CheckoutPageProps) {
  const cart = useQuery(cartQuery());
  const address = useQuery(addressQuery());
  const card = useQuery(cardQuery());
  const state = useCheckoutState();
  const lines = (cart.data ?? []).filter((line) => line.quantity > 0);
  const totals = orderTotals(lines);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const { banner, breaker, now } = usePaymentAvailability();
  const message = checkoutMessage(state, {
    paymentLimit: config.paymentLimit,
    ...(extraActions ? { extraActions } : {}),
  });

  // Focus follows every new message (a failure, an order awaiting payment, another tab busy).
  const outcome = state.outcome;
  const awaiting = state.attempt?.phase === 'awaiting';
  useEffect(() => {
    if (outcome || awaiting) feedbackRef.current?.focus();
  }, [outcome, awaiting]);

  if (!cart.data && cart.error) {
    return (
      <section>
        <PageHeading>Checkout</PageHeading>
        <LoadErrorAlert error={cart.error} what="your cart" onRetry={() => void cart.refetch()} />
        <p>
          <Link href="/">Browse socks</Link>
        </p>
      </section>
    );
  }

  const reasons = blockedReasons(
    state,
    {
      cartEmpty: lines.length === 0,
      addressMissing: address.data === null,
      cardMissing: card.data === null,
      detailsLoading: address.isPending || card.isPending,
      detailsFailed: address.isError || card.isError,
    },
    breaker,
    now,
  );
  const overLimit = overLimitWarning(totals.total, config.paymentLimit);

  // Clicks and Enter (a click with detail 0) all go to the machine, which takes one at a time.
  // The second click of a double click is the first one's intention, never a new attempt: not
  // even when a fast decline has already settled the first attempt by the time it arrives.
  const onPlaceOrder = (event: MouseEvent<HTMLButtonElement>) => {
    if (event.detail > 1) return;
    dispatchCheckout(submitted(event, lines, totals.total));
  };

  return (
    <section>
      <PageHeading>Checkout</PageHeading>
      {banner ? <MessageBanner message={banner} /> : null}
      <div className="checkout-grid">
        <div>
          <ShippingAddress address={address} />
          <PaymentCard card={card} />
        </div>
        {/* The page's frame at once: the address and card fill in as they arrive, and nothing
            moves when the summary replaces its loading state. */}
        <CheckoutSection title="Order summary">
          {cart.data ? (
            <>
              {lines.length > 0 ? (
                <ul className="summary-lines">
                  {lines.map((line) => (
                    <li key={line.itemId}>
                      {line.quantity} × {products.get(line.itemId)?.name ?? 'Sock'}{' '}
                      <span className="muted">({formatMoney(line.unitPrice)} each)</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>
                  Your cart is empty. <Link href="/">Browse socks</Link>
                </p>
              )}
              <TotalsTable totals={totals} caption="Order totals" />
              {overLimit ? (
                <p className="warning" id="limit-warning">
                  <span aria-hidden="true">! </span>
                  {overLimit}
                </p>
              ) : null}
              <button
                type="button"
                className="button-primary place-order"
                disabled={!canSubmit(state) || reasons.length > 0}
                aria-describedby={reasons.length > 0 ? 'place-order-blocked' : undefined}
                onClick={onPlaceOrder}
              >
                {placeOrderLabel(state, totals.total)}
              </button>
              {reasons.length > 0 ? (
                <ul id="place-order-blocked" className="blocked-reasons">
                  {reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              ) : null}
              <CheckoutFeedback
                ref={feedbackRef}
                message={message}
                progress={progressText(state)}
                {...(onCommand ? { onCommand } : {})}
              />
            </>
          ) : (
            <Loading label="Loading your cart…" />
          )}
        </CheckoutSection>
      </div>
    </section>
  );
}
