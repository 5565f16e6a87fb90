import { forwardRef } from 'react';
import { Link } from 'wouter';
import { describeOrderStatus } from '@/domain/order-status';
import { formatDateTime, formatMoney } from '@/lib/format';
import { shortReference } from '@/lib/ids';
import type { CheckoutState, Lookup } from './use-place-order';

function LookupResult({ lookup, settled }: { lookup: Lookup; settled: boolean }) {
  switch (lookup.state) {
    case 'checking':
      return <p>Checking your orders…</p>;
    case 'failed':
      return (
        <p>
          We could not check your orders just now. Before paying again, look at{' '}
          <Link href="/orders">your orders</Link>.
        </p>
      );
    case 'none':
      return settled ? null : (
        <p>
          We found no order from this attempt. You can try again: we send the same payment
          reference, so a shop that supports it will not charge you twice.
        </p>
      );
    case 'found': {
      const view = describeOrderStatus(lookup.order.status);
      return (
        <p>
          We found order{' '}
          <Link href={`/orders/${encodeURIComponent(lookup.order.id)}`}>{lookup.order.id}</Link>{' '}
          from {formatDateTime(lookup.order.date)} for {formatMoney(lookup.order.total)}, recorded
          as{' '}
          <strong>
            <span aria-hidden="true">{view.symbol} </span>
            {view.label}
          </strong>
          .{' '}
          {view.key === 'payment-failed'
            ? 'It will not ship. You can place your order again once payments work again.'
            : 'Please do not pay again.'}
        </p>
      );
    }
  }
}

/**
 * The checkout's message region. It exists from page load (so screen readers announce what is put
 * in it) and takes focus when a failure appears.
 */
export const CheckoutFeedback = forwardRef<HTMLDivElement, { state: CheckoutState }>(
  function CheckoutFeedback({ state }, ref) {
    return (
      <>
        <div role="status" className="visually-hidden">
          {state.type === 'placing' ? 'Placing your order. Please wait.' : ''}
        </div>
        <div
          ref={ref}
          role="alert"
          tabIndex={-1}
          className={state.type === 'failed' ? 'alert alert-error' : undefined}
        >
          {state.type === 'failed' ? (
            <>
              <p className="alert-title">
                <span aria-hidden="true">⚠ </span>
                {state.copy.title}
              </p>
              <p>{state.copy.body}</p>
              {state.orderId ? (
                <p>
                  Order{' '}
                  <Link href={`/orders/${encodeURIComponent(state.orderId)}`}>{state.orderId}</Link>{' '}
                  is recorded as <strong>Payment failed</strong>. It will not ship.
                </p>
              ) : null}
              {state.lookup ? (
                <LookupResult lookup={state.lookup} settled={state.copy.settled} />
              ) : null}
              {state.copy.outcome === 'sign-in' ? (
                <p>
                  <Link href="/sign-in?next=/checkout">Sign in</Link>
                </p>
              ) : null}
              <p className="alert-reference">Reference: {shortReference(state.requestId)}</p>
            </>
          ) : null}
          {state.type === 'busy-elsewhere' ? (
            <>
              <p className="alert-title">Your order is already being placed in another tab.</p>
              <p>
                To avoid paying twice, wait for that tab to finish, then check{' '}
                <Link href="/orders">your orders</Link>.
              </p>
            </>
          ) : null}
          {state.type === 'awaiting' ? (
            <>
              <p className="alert-title">Your order is waiting for payment confirmation.</p>
              <p>
                We are watching it and will keep your cart until the payment is confirmed. Follow{' '}
                <Link href={`/orders/${encodeURIComponent(state.orderId)}`}>
                  order {state.orderId}
                </Link>{' '}
                for its live status.
              </p>
            </>
          ) : null}
        </div>
      </>
    );
  },
);
