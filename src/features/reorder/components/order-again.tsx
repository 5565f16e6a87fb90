import type { QueryKey } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { isApiError } from '@/lib/api-error';
import { createId, shortReference } from '@/lib/ids';
import { readCart, useFillCart } from '../api/fill-cart';
import {
  type CatalogueEntry,
  type FailedOrderInput,
  needsChoice,
  planReorder,
  type ReorderMode,
  type ReorderPlan,
} from '../model/plan';
import { useRecoveryActions } from '../stores/recovery-store';
import { PlanNotes } from './plan-notes';

export interface OrderAgainProps {
  /** A failed order: its id and lines as recorded. */
  order: FailedOrderInput;
  /** Today's catalogue (composed by the app from the catalogue feature). */
  loadCatalogue: () => Promise<readonly CatalogueEntry[]>;
  /** The cart query's key, invalidated after the cart is written. */
  cartKey: QueryKey;
  /** The cart holds the socks: the app opens the checkout. */
  onFilled: () => void;
}

type Step =
  | { type: 'idle' }
  | { type: 'preparing' }
  | { type: 'choosing'; plan: ReorderPlan }
  | { type: 'nothing'; plan: ReorderPlan }
  | { type: 'filling'; plan: ReorderPlan }
  | { type: 'failed'; reference: string; partly: boolean; signedOut: boolean };

function failure(error: unknown, partly: boolean): Step {
  return {
    type: 'failed',
    reference: isApiError(error) ? error.requestId : createId(),
    partly,
    signedOut:
      isApiError(error) && (error.kind === 'not-signed-in' || error.kind === 'unauthorized'),
  };
}

/**
 * "Order these again" on a failed order: puts its socks and quantities in the cart at today's
 * prices and opens the checkout, where the shopper pays (nothing is paid on its own). The shopper
 * is asked only when the cart already holds other socks (add them, or replace the cart) or when
 * nothing can be ordered; price changes and socks left out are said here and on the checkout.
 */
export function OrderAgain({ order, loadCatalogue, cartKey, onFilled }: OrderAgainProps) {
  const [step, setStep] = useState<Step>({ type: 'idle' });
  const fill = useFillCart(cartKey);
  const { recoveryStarted } = useRecoveryActions();
  const addButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const busy = step.type === 'preparing' || step.type === 'filling';

  const fillWith = async (plan: ReorderPlan, mode: ReorderMode) => {
    setStep({ type: 'filling', plan });
    try {
      const writes = await fill.mutateAsync({ plan, mode });
      recoveryStarted(plan, mode, writes.length);
      setStep({ type: 'idle' });
      onFilled();
    } catch (error) {
      setStep(failure(error, true));
    }
  };

  const start = async () => {
    if (busy) return;
    setStep({ type: 'preparing' });
    let plan: ReorderPlan;
    try {
      const [cart, catalogue] = await Promise.all([readCart(), loadCatalogue()]);
      plan = planReorder(order, new Map(catalogue.map((sock) => [sock.id, sock])), cart);
    } catch (error) {
      setStep(failure(error, false));
      return;
    }
    if (plan.lines.length === 0) setStep({ type: 'nothing', plan });
    else if (needsChoice(plan)) setStep({ type: 'choosing', plan });
    else await fillWith(plan, 'replace');
  };

  const cancel = () => setStep({ type: 'idle' });
  const count = (plan: ReorderPlan) => plan.lines.reduce((sum, line) => sum + line.quantity, 0);

  return (
    <div className="order-again">
      <button type="button" className="button-primary" disabled={busy} onClick={() => void start()}>
        {busy ? 'Preparing your cart…' : 'Order these again'}
        <span className="visually-hidden"> (order {order.id})</span>
      </button>
      <div role="status" className="visually-hidden">
        {busy ? 'Putting these socks in your cart. Please wait.' : ''}
      </div>
      {step.type === 'failed' ? (
        <div role="alert" className="alert alert-error">
          <p className="alert-title">
            <span aria-hidden="true">⚠ </span>
            We couldn&apos;t put these socks in your cart.
          </p>
          <p>
            {step.signedOut
              ? 'Please sign in again, then try once more.'
              : 'Please try again in a moment.'}{' '}
            {step.partly ? 'Your cart may hold some of them: check it before you pay.' : ''}
          </p>
          <p className="alert-reference">Reference: {shortReference(step.reference)}</p>
        </div>
      ) : null}
      {step.type === 'choosing' ? (
        <Dialog title="Your cart already has socks in it" onClose={cancel} initialFocus={addButton}>
          <p>
            Order {order.id} had {count(step.plan) === 1 ? '1 sock' : `${count(step.plan)} socks`}.
            Add them to what is in your cart, or replace your cart with them?
          </p>
          <PlanNotes plan={step.plan} />
          <div className="dialog-actions">
            <button
              ref={addButton}
              type="button"
              className="button-primary"
              onClick={() => void fillWith(step.plan, 'add')}
            >
              Add to my cart
            </button>
            <button type="button" onClick={() => void fillWith(step.plan, 'replace')}>
              Replace my cart
            </button>
            <button type="button" className="link-button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
      {step.type === 'nothing' ? (
        <Dialog
          title="These socks can't be ordered any more"
          onClose={cancel}
          initialFocus={closeButton}
        >
          <p>Nothing from order {order.id} is on sale today, so your cart was not changed.</p>
          <PlanNotes plan={step.plan} />
          <div className="dialog-actions">
            <button ref={closeButton} type="button" onClick={cancel}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
