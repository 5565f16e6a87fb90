import { useSignedIn } from '@/features/auth/stores/session-store';
import { OrdersPage } from '@/features/orders/components/orders-page';
import { SignInFirst } from './sign-in-first';

export function OrdersRoute() {
  return useSignedIn() ? <OrdersPage /> : <SignInFirst what="your orders" next="/orders" />;
}
