import { Link } from 'wouter';
import {
  type CatalogueEntry,
  type FailedOrderInput,
  planReorder,
  priceChanges,
} from '../model/plan';
import { type Recovery, useRecoveryActions } from '../stores/recovery-store';
import { PlanNotes } from './plan-notes';

export interface RecoveryNoticeProps {
  /** The tab's open recovery (`useRecovery()`). */
  recovery: Recovery;
  /** The failed order being recovered, once loaded (the app reads it from the orders feature). */
  failedOrder: FailedOrderInput | undefined;
  /** Today's catalogue, once loaded. */
  catalogue: readonly CatalogueEntry[] | undefined;
}

/**
 * On the checkout, after "Order these again": says which failed order the cart came from, and
 * (before the shopper pays) which prices changed and what was left out. A polite status message:
 * it informs, it does not interrupt. Nothing here places the order.
 */
export function RecoveryNotice({ recovery, failedOrder, catalogue }: RecoveryNoticeProps) {
  const { recoveryDismissed } = useRecoveryActions();
  const plan =
    failedOrder && catalogue
      ? planReorder(failedOrder, new Map(catalogue.map((sock) => [sock.id, sock])), [])
      : undefined;
  const changed = plan ? priceChanges(plan).length > 0 || plan.leftOut.length > 0 : false;

  return (
    <div className="alert alert-info recovery-notice" role="status">
      <p className="alert-title">
        <span aria-hidden="true">ℹ </span>
        You are ordering again the socks from order{' '}
        <Link href={`/orders/${encodeURIComponent(recovery.failedOrderId)}`}>
          {recovery.failedOrderId}
        </Link>
        .
      </p>
      <p>
        That order stays recorded as Payment failed: it was not charged and will not ship. Check the
        summary below, then place this order when you are ready.
      </p>
      {plan && changed ? <PlanNotes plan={plan} /> : null}
      <p>
        <Link href="/cart">Change your cart</Link> ·{' '}
        <button type="button" className="link-button" onClick={recoveryDismissed}>
          Hide this note
        </button>
      </p>
    </div>
  );
}
