import { useSignedIn } from '@/features/auth/stores/session-store';
import { CheckoutPage } from '@/features/checkout/components/checkout-page';
import {
  CheckoutRecoveryNotice,
  checkoutExtraActions,
  useCheckoutOrderAgain,
} from '../reorder-action';
import { useProducts } from '../use-products';

export function CheckoutRoute() {
  const signedIn = useSignedIn();
  // "Order these again" on a failure message that names the failed order (order recovery).
  const orderAgain = useCheckoutOrderAgain();
  return (
    <>
      {signedIn ? <CheckoutRecoveryNotice /> : null}
      <CheckoutPage
        signedIn={signedIn}
        products={useProducts()}
        extraActions={checkoutExtraActions}
        onCommand={orderAgain.onCommand}
      />
      {signedIn ? orderAgain.feedback : null}
    </>
  );
}
