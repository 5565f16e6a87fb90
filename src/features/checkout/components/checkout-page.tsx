import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import type { ProductLookup } from '@/components/ui/product-info';
import { TotalsTable } from '@/components/ui/totals-table';
import { config } from '@/config/env';
import { orderTotals } from '@/domain/order-totals';
import { formatMoney } from '@/lib/format';
import { describeLoadError } from '@/lib/load-error';
import { cartQuery } from '../api/cart';
import { addressQuery, cardQuery } from '../api/payment-details';
import { CheckoutFeedback } from './checkout-feedback';
import { CheckoutSection, PaymentCard, ShippingAddress } from './payment-details';
import { usePaymentAvailability } from './use-payment-availability';
import { type LookupOrders, usePlaceOrder } from './use-place-order';

interface CheckoutPageProps {
  signedIn: boolean;
  products: ProductLookup;
  lookupOrders: LookupOrders;
  onPaid: (orderId: string) => void;
}

export function CheckoutPage(props: CheckoutPageProps) {
  if (!props.signedIn) {
    return (
      <section className="narrow">
        <PageHeading>Checkout</PageHeading>
        <p>Please sign in to check out. Your cart is saved and will be waiting.</p>
        <p>
          <Link href="/sign-in?next=/checkout" className="button-primary">
            Sign in to check out
          </Link>
        </p>
      </section>
    );
  }
  return <SignedInCheckout {...props} />;
}

function SignedInCheckout({ products, lookupOrders, onPaid }: CheckoutPageProps) {
  const cart = useQuery(cartQuery());
  const address = useQuery(addressQuery());
  const card = useQuery(cardQuery());
  const lines = (cart.data ?? []).filter((line) => line.quantity > 0);
  const totals = orderTotals(lines);
  const { state, submit, attempt, resumeInterrupted } = usePlaceOrder({
    lines,
    total: totals.total,
    lookupOrders,
    onPaid,
  });
  const feedbackRef = useRef<HTMLDivElement>(null);
  const { banner, blockedReason } = usePaymentAvailability();

  // A payment that was under way when this tab was reloaded or closed: find out what happened.
  const resumed = useRef(false);
  useEffect(() => {
    if (!resumed.current && attempt?.phase === 'in-flight' && state.type === 'idle') {
      resumed.current = true;
      resumeInterrupted();
    }
  }, [attempt, state.type, resumeInterrupted]);

  useEffect(() => {
    if (state.type === 'failed' || state.type === 'awaiting' || state.type === 'busy-elsewhere') {
      feedbackRef.current?.focus();
    }
  }, [state]);

  if (!cart.data) {
    if (cart.error) {
      const copy = describeLoadError(cart.error, 'your cart');
      return (
        <section>
          <PageHeading>Checkout</PageHeading>
          <Alert title={copy.title}>
            <p>{copy.body}</p>
          </Alert>
        </section>
      );
    }
    return <Loading label="Loading checkout…" />;
  }

  const missing: string[] = [];
  if (lines.length === 0) missing.push('Your cart is empty.');
  if (address.data === null) missing.push('Add a shipping address.');
  if (card.data === null) missing.push('Add a payment card.');
  if (address.isPending || card.isPending) missing.push('Loading your details…');
  if (address.isError || card.isError)
    missing.push('We could not load your saved details. Reload the page to try again.');
  if (blockedReason) missing.push(blockedReason);
  if (state.type === 'awaiting') missing.push('Your order is waiting for payment confirmation.');
  const placing =
    state.type === 'placing' || (state.type === 'failed' && state.lookup?.state === 'checking');
  const overLimit = totals.total > config.paymentLimit;

  return (
    <section>
      <PageHeading>Checkout</PageHeading>
      {banner}
      <div className="checkout-grid">
        <div>
          <ShippingAddress address={address} />
          <PaymentCard card={card} />
        </div>
        <CheckoutSection title="Order summary">
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
              This shop&apos;s payment service declines orders over{' '}
              {formatMoney(config.paymentLimit)}. Your total is {formatMoney(totals.total)}: remove
              some items to pay.
            </p>
          ) : null}
          <button
            type="button"
            className="button-primary place-order"
            disabled={placing || missing.length > 0}
            aria-describedby={missing.length > 0 ? 'place-order-blocked' : undefined}
            onClick={() => void submit()}
          >
            {placing ? 'Placing order…' : `Place order · ${formatMoney(totals.total)}`}
          </button>
          {missing.length > 0 ? (
            <ul id="place-order-blocked" className="blocked-reasons">
              {missing.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : null}
          <CheckoutFeedback ref={feedbackRef} state={state} />
        </CheckoutSection>
      </div>
    </section>
  );
}
