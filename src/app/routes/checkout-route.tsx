import { useCallback } from 'react';
import { useLocation } from 'wouter';
import { useSignedIn } from '@/features/auth/stores/session-store';
import { CheckoutPage } from '@/features/checkout/components/checkout-page';
import { useRecoveryActions } from '@/features/reorder/stores/recovery-store';
import { lookupOrders } from '../lookup-orders';
import { CheckoutRecoveryNotice } from '../reorder-action';
import { useProducts } from '../use-products';

export function CheckoutRoute() {
  const [, navigate] = useLocation();
  const { checkoutPaid } = useRecoveryActions();
  const onPaid = useCallback(
    (orderId: string) => {
      // A paid checkout ends the tab's recovery, if one was open (telemetry: recovery_paid).
      checkoutPaid(orderId);
      navigate(`/orders/${encodeURIComponent(orderId)}?placed=1`);
    },
    [checkoutPaid, navigate],
  );
  const signedIn = useSignedIn();
  return (
    <>
      {signedIn ? <CheckoutRecoveryNotice /> : null}
      <CheckoutPage
        signedIn={signedIn}
        products={useProducts()}
        lookupOrders={lookupOrders}
        onPaid={onPaid}
      />
    </>
  );
}
