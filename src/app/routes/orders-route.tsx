import { useSignedIn } from '@/features/auth/stores/session-store';
import { OrdersPage } from '@/features/orders/components/orders-page';
import { orderAgainActions } from '../reorder-action';
import { SignInFirst } from './sign-in-first';

export function OrdersRoute() {
  return useSignedIn() ? (
    <OrdersPage orderActions={orderAgainActions} />
  ) : (
    <SignInFirst what="your orders" next="/orders" />
  );
}
