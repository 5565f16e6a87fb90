import { useCallback } from 'react';
import { Link, Route, Switch, useLocation, useParams, useSearch } from 'wouter';
import { PageHeading } from '@/components/ui/page-heading';
import { useSignedIn } from '@/features/auth/stores/session-store';
import { RegisterPage } from '@/features/auth/components/register-page';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { CataloguePage } from '@/features/catalogue/components/catalogue-page';
import { ProductPage } from '@/features/catalogue/components/product-page';
import { AddToCartButton } from '@/features/checkout/components/add-to-cart-button';
import { CartPage } from '@/features/checkout/components/cart-page';
import { CheckoutPage } from '@/features/checkout/components/checkout-page';
import { getOrders } from '@/features/orders/api/get-orders';
import { OrderPage } from '@/features/orders/components/order-page';
import { OrdersPage } from '@/features/orders/components/orders-page';
import { useProducts } from './use-products';

function ProductRoute() {
  const { id = '' } = useParams<{ id: string }>();
  return <ProductPage id={id} renderAction={(sock) => <AddToCartButton sock={sock} />} />;
}

function CartRoute() {
  return <CartPage products={useProducts()} />;
}

/** The checkout's order lookup, composed from the orders feature. */
async function lookupOrders() {
  const orders = await getOrders();
  return orders.map(({ id, date, total, status }) => ({ id, date, total, status }));
}

function CheckoutRoute() {
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

function SignInFirst({ what, next }: { what: string; next: string }) {
  return (
    <section className="narrow">
      <PageHeading>Sign in to see {what}</PageHeading>
      <p>
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="button-primary">
          Sign in
        </Link>
      </p>
    </section>
  );
}

function OrdersRoute() {
  return useSignedIn() ? <OrdersPage /> : <SignInFirst what="your orders" next="/orders" />;
}

function OrderRoute() {
  const { id = '' } = useParams<{ id: string }>();
  const search = useSearch();
  const products = useProducts();
  const signedIn = useSignedIn();
  if (!signedIn) return <SignInFirst what="this order" next={`/orders/${encodeURIComponent(id)}`} />;
  return (
    <OrderPage
      key={id}
      id={id}
      products={products}
      justPlaced={new URLSearchParams(search).get('placed') === '1'}
    />
  );
}

function NotFound() {
  return (
    <section>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is nothing here. <Link href="/">Browse socks</Link>
      </p>
    </section>
  );
}

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={CataloguePage} />
      <Route path="/socks/:id" component={ProductRoute} />
      <Route path="/cart" component={CartRoute} />
      <Route path="/checkout" component={CheckoutRoute} />
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/register" component={RegisterPage} />
      <Route path="/orders" component={OrdersRoute} />
      <Route path="/orders/:id" component={OrderRoute} />
      <Route component={NotFound} />
    </Switch>
  );
}
