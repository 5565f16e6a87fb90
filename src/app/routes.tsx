import { lazy, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { CataloguePage } from '@/features/catalogue/components/catalogue-page';

// The catalogue ships in the first bundle; every other page loads when first visited.
const ProductRoute = lazy(() =>
  import('./routes/product-route').then((m) => ({ default: m.ProductRoute })),
);
const CartRoute = lazy(() => import('./routes/cart-route').then((m) => ({ default: m.CartRoute })));
const CheckoutRoute = lazy(() =>
  import('./routes/checkout-route').then((m) => ({ default: m.CheckoutRoute })),
);
const OrdersRoute = lazy(() =>
  import('./routes/orders-route').then((m) => ({ default: m.OrdersRoute })),
);
const OrderRoute = lazy(() =>
  import('./routes/order-route').then((m) => ({ default: m.OrderRoute })),
);
const SignInPage = lazy(() =>
  import('@/features/auth/components/sign-in-page').then((m) => ({ default: m.SignInPage })),
);
const RegisterPage = lazy(() =>
  import('@/features/auth/components/register-page').then((m) => ({ default: m.RegisterPage })),
);
// Operator view (every customer's orders): never in the shopper build (`npm run build`, mode
// `production`), where this is a constant `null` and the page's chunk is not emitted. It exists in
// dev, test and mock builds (linked from the QA panel) and in the operator build
// (`npm run build:ops`), which nginx serves only behind authentication (deploy/README.md).
const PaymentIssuesPage =
  import.meta.env.MODE === 'production'
    ? null
    : lazy(() =>
        import('@/features/ops/components/payment-issues-page').then((m) => ({
          default: m.PaymentIssuesPage,
        })),
      );

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
    <Suspense fallback={<Loading label="Loading page…" />}>
      <Switch>
        <Route path="/" component={CataloguePage} />
        <Route path="/socks/:id" component={ProductRoute} />
        <Route path="/cart" component={CartRoute} />
        <Route path="/checkout" component={CheckoutRoute} />
        <Route path="/sign-in" component={SignInPage} />
        <Route path="/register" component={RegisterPage} />
        <Route path="/orders" component={OrdersRoute} />
        <Route path="/orders/:id" component={OrderRoute} />
        {PaymentIssuesPage ? (
          <Route path="/ops/payment-issues" component={PaymentIssuesPage} />
        ) : null}
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
