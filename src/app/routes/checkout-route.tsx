import { useCallback } from 'react';
import { useLocation } from 'wouter';
import { useSignedIn } from '@/features/auth/stores/session-store';
import { CheckoutPage } from '@/features/checkout/components/checkout-page';
import { lookupOrders } from '../lookup-orders';
import { useProducts } from '../use-products';

export function CheckoutRoute() {
  const [, navigate] = useLocation();
  const onPaid = useCallback(
    (orderId: string) => navigate(`/orders/${encodeURIComponent(orderId)}?placed=1`),
    [navigate],
  );
  return (
    <CheckoutPage
      signedIn={useSignedIn()}
      products={useProducts()}
      lookupOrders={lookupOrders}
      onPaid={onPaid}
    />
  );
}
