import type { QueryKey } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
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

export interface OrderAgainOptions {
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
  | { type: 'choosing'; order: FailedOrderInput; plan: ReorderPlan }
  | { type: 'nothing'; order: FailedOrderInput; plan: ReorderPlan }
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
 * "Order these again" as a flow: puts a failed order's socks and quantities in the cart at today's
 * prices, then `onFilled` (the app opens the checkout, where the shopper pays: nothing is paid on
 * its own). The shopper is asked only when the cart already holds other socks (add them, or
 * replace the cart) or when nothing can be ordered; price changes and socks left out are said in
 * that dialog and on the checkout. `start` takes the order itself, or a loader for it (the
 * checkout's failure message knows only the order id).
 */
export function useOrderAgain({ loadCatalogue, cartKey, onFilled }: OrderAgainOptions) {
  const [step, setStep] = useState<Step>({ type: 'idle' });
  const { mutateAsync: fillCart } = useFillCart(cartKey);
  const { recoveryStarted } = useRecoveryActions();
  const busy = step.type === 'preparing' || step.type === 'filling';
  const running = useRef(false);

  const fillWith = useCallback(
    async (plan: ReorderPlan, mode: ReorderMode) => {
      setStep({ type: 'filling', plan });
      try {
        const writes = await fillCart({ plan, mode });
        recoveryStarted(plan, mode, writes.length);
        setStep({ type: 'idle' });
        onFilled();
      } catch (error) {
        setStep(failure(error, true));
      }
    },
    [fillCart, onFilled, recoveryStarted],
  );

  const start = useCallback(
    async (source: FailedOrderInput | (() => Promise<FailedOrderInput>)) => {
      if (running.current) return;
      running.current = true;
      setStep({ type: 'preparing' });
      try {
        let order: FailedOrderInput;
        let plan: ReorderPlan;
        try {
          const [loaded, cart, catalogue] = await Promise.all([
            typeof source === 'function' ? source() : source,
            readCart(),
            loadCatalogue(),
          ]);
          order = loaded;
          plan = planReorder(order, new Map(catalogue.map((sock) => [sock.id, sock])), cart);
        } catch (error) {
          setStep(failure(error, false));
          return;
        }
        if (plan.lines.length === 0) setStep({ type: 'nothing', order, plan });
        else if (needsChoice(plan)) setStep({ type: 'choosing', order, plan });
        else await fillWith(plan, 'replace');
      } finally {
        running.current = false;
      }
    },
    [fillWith, loadCatalogue],
  );

  const cancel = useCallback(() => setStep({ type: 'idle' }), []);
  return { step, busy, start, fillWith, cancel };
}

export type OrderAgainFlow = ReturnType<typeof useOrderAgain>;

const socks = (plan: ReorderPlan) => {
  const count = plan.lines.reduce((sum, line) => sum + line.quantity, 0);
  return count === 1 ? '1 sock' : `${count} socks`;
};

/** The flow's progress, its failure, and its dialogs: render once beside whatever starts it. */
export function OrderAgainFeedback({ flow }: { flow: OrderAgainFlow }) {
  const { step, busy, fillWith, cancel } = flow;
  const addButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  return (
    <>
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
            Order {step.order.id} had {socks(step.plan)}. Add them to what is in your cart, or
            replace your cart with them?
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
          <p>Nothing from order {step.order.id} is on sale today, so your cart was not changed.</p>
          <PlanNotes plan={step.plan} />
          <div className="dialog-actions">
            <button ref={closeButton} type="button" onClick={cancel}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

export interface OrderAgainProps extends OrderAgainOptions {
  /** A failed order: its id and lines as recorded. */
  order: FailedOrderInput;
}

/** The "Order these again" button for one failed order (order page, orders list, header). */
export function OrderAgain({ order, ...options }: OrderAgainProps) {
  const flow = useOrderAgain(options);
  return (
    <div className="order-again">
      <button
        type="button"
        className="button-primary"
        disabled={flow.busy}
        onClick={() => void flow.start(order)}
      >
        {flow.busy ? 'Preparing your cart…' : 'Order these again'}
        <span className="visually-hidden"> (order {order.id})</span>
      </button>
      <OrderAgainFeedback flow={flow} />
    </div>
  );
}
