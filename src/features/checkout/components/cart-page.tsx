import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import type { ProductLookup } from '@/components/ui/product-info';
import { TotalsTable } from '@/components/ui/totals-table';
import { orderTotals } from '@/domain/order-totals';
import { cartQuery } from '../api/cart';
import { CartLine } from './cart-line';
import { MessageBanner } from './message-view';
import { usePaymentAvailability } from './use-payment-availability';

interface CartPageProps {
  products: ProductLookup;
}

export function CartPage({ products }: CartPageProps) {
  const cart = useQuery(cartQuery());
  const { banner } = usePaymentAvailability();

  let body: ReactNode;
  if (cart.data) {
    const items = cart.data.filter((item) => item.quantity > 0);
    if (items.length === 0) {
      body = (
        <div className="empty">
          <p>Your cart is empty.</p>
          <p>
            <Link href="/">Browse socks</Link>
          </p>
        </div>
      );
    } else {
      body = (
        <>
          <ul className="cart-lines" aria-label="Items in your cart">
            {items.map((item) => {
              const product = products.get(item.itemId);
              return (
                <CartLine
                  key={item.itemId}
                  item={item}
                  name={product?.name ?? 'Sock'}
                  image={product?.imageUrl}
                />
              );
            })}
          </ul>
          <TotalsTable totals={orderTotals(items)} caption="Cart totals" />
          <p>
            <Link href="/checkout" className="button-primary">
              Go to checkout
            </Link>
          </p>
        </>
      );
    }
  } else if (cart.error) {
    body = (
      <LoadErrorAlert error={cart.error} what="your cart" onRetry={() => void cart.refetch()} />
    );
  } else {
    body = <Loading label="Loading your cart…" />;
  }

  return (
    <section>
      <PageHeading>Your cart</PageHeading>
      {banner ? <MessageBanner message={banner} /> : null}
      {body}
    </section>
  );
}
