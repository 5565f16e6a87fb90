import { useParams, useSearch } from 'wouter';
import { useSignedIn } from '@/features/auth/stores/session-store';
import { OrderPage } from '@/features/orders/components/order-page';
import { orderAgainActions } from '../reorder-action';
import { useProducts } from '../use-products';
import { SignInFirst } from './sign-in-first';

export function OrderRoute() {
  const { id = '' } = useParams<{ id: string }>();
  const search = useSearch();
  const products = useProducts();
  const signedIn = useSignedIn();
  if (!signedIn)
    return <SignInFirst what="this order" next={`/orders/${encodeURIComponent(id)}`} />;
  return (
    <OrderPage
      key={id}
      id={id}
      products={products}
      justPlaced={new URLSearchParams(search).get('placed') === '1'}
      orderActions={orderAgainActions}
    />
  );
}
