import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { signOut } from '@/features/auth/api/auth';
import { useSessionActions, useSignedIn } from '@/features/auth/stores/session-store';
import { cartKeys } from '@/features/checkout/api/cart';
import { useCheckoutInterpreter } from '@/features/checkout/components/use-checkout-interpreter';
import { pendingOrderNotice } from '@/features/checkout/model/checkout-messages';
import {
  dispatchCheckout,
  restoreCheckout,
  useCheckoutState,
} from '@/features/checkout/stores/checkout-store';
import { useRecoveryActions } from '@/features/reorder/stores/recovery-store';
import { onApiError } from '@/lib/api-client';
import { isSignedIn } from '@/lib/session';
import { lookupOrders, watchOrders } from './lookup-orders';

/** Query keys kept when a session ends: public data, and the cart (reset below). */
const KEPT = new Set(['catalogue', 'health', cartKeys.all[0]]);

/**
 * The checkout machine's interpreter, mounted once for the whole app (loaded after the first
 * render, so it adds nothing to the initial bundle), with what it needs from other features: the
 * order lookup, the session, the order page. It also says, politely, how an order that was awaiting
 * its payment ended, wherever the shopper is.
 */
export function CheckoutRuntime() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const signedIn = useSignedIn();
  const { cookieChanged } = useSessionActions();
  const { checkoutPaid } = useRecoveryActions();
  // A page load: the machine starts from the tab's stored attempt (before its effects run).
  useEffect(restoreCheckout, []);

  useCheckoutInterpreter({
    lookupOrders,
    watchOrders: watchOrders(queryClient),
    sessionActive: isSignedIn,
    endSession: () => {
      // Sock Shop's session is the `logged_in` cookie: once the shop says it is over, drop it, and
      // with it everything cached for the signed-in shopper (the header switches at once).
      signOut();
      cookieChanged();
      // Nothing is fetched again for the ended session (its pages unmount as the header
      // switches), except the cart badge, which now shows the anonymous cart.
      queryClient.removeQueries({
        predicate: (query) => !KEPT.has(String(query.queryKey[0])),
      });
      void queryClient.resetQueries({ queryKey: cartKeys.all });
    },
    openOrder: (orderId) => {
      navigate(`/orders/${encodeURIComponent(orderId)}?placed=1`);
    },
  });

  // The session ending anywhere is an event for the machine: the cookie found gone on focus, or any
  // call the shop answers "User not logged in." (the header's order notifications, say).
  useEffect(
    () =>
      onApiError((error) => {
        if (error.kind === 'not-signed-in') dispatchCheckout({ type: 'session-ended' });
      }),
    [],
  );
  const wasSignedIn = useRef(signedIn);
  useEffect(() => {
    if (wasSignedIn.current && !signedIn) dispatchCheckout({ type: 'session-ended' });
    wasSignedIn.current = signedIn;
  }, [signedIn]);

  // A paid order ends the tab's recovery, if one was open (telemetry: recovery_paid), however the
  // machine learnt it was paid: the answer, the lookup, or the watcher while the shopper was away.
  const state = useCheckoutState();
  const paidOrder = state.outcome?.kind === 'paid' ? state.outcome.orderId : undefined;
  useEffect(() => {
    if (paidOrder) checkoutPaid(paidOrder);
  }, [paidOrder, checkoutPaid]);

  const notice = pendingOrderNotice(state);
  return (
    <div role="status" className="visually-hidden">
      {notice}
    </div>
  );
}
