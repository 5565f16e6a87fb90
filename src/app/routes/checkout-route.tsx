import { useCallback } from 'react';
import { useLocation } from 'wouter';
import { useSignedIn } from '@/features/auth/stores/session-store';
import { CheckoutPage } from '@/features/checkout/components/checkout-page';
import { getOrders } from '@/features/orders/api/get-orders';
import { useProducts } from '../use-products';

/** The checkout's order lookup, composed from the orders feature. */
async function lookupOrders() {
  const orders = await getOrders();
  return orders.map(({ id, date, total, status }) => ({ id, date, total, status }));
}

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
