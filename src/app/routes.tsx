import { lazy, Suspense } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useSignedIn } from '@/features/auth/stores/session-store';
import { loadingHeading } from './loading-heading';
import { PageErrorBoundary } from './page-error';
import { useStorefront } from './storefront-chunk';

// Every page is in the storefront chunk (./storefront-chunk.ts), whose download starts as soon as
// the entry runs, not at the first render. Until it arrives, a page shows PageLoading.
const page = (
  name:
    | 'CataloguePage'
    | 'ProductRoute'
    | 'CartRoute'
    | 'CheckoutRoute'
    | 'OrdersRoute'
    | 'OrderRoute'
    | 'SignInPage'
    | 'RegisterPage',
) =>
  function StorefrontPage() {
    const storefront = useStorefront();
    if (!storefront) return <PageLoading />;
    const Page = storefront[name];
    return <Page />;
  };
const CataloguePage = page('CataloguePage');
const ProductRoute = page('ProductRoute');
const CartRoute = page('CartRoute');
const CheckoutRoute = page('CheckoutRoute');
const OrdersRoute = page('OrdersRoute');
const OrderRoute = page('OrderRoute');
const SignInPage = page('SignInPage');
const RegisterPage = page('RegisterPage');
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

/**
 * What a page shows while its code loads: its own heading (the same words the page opens with,
 * when they do not wait for data) over a loading state. The shopper sees where they are at once,
 * and nothing moves when the page replaces it. Not focused: the page's heading takes focus.
 */
function PageLoading() {
  const [location] = useLocation();
  const heading = loadingHeading(location, useSignedIn());
  return (
    <section>
      {heading ? <h1 className="page-heading">{heading}</h1> : null}
      <Loading label="Loading page…" />
    </section>
  );
}

export function AppRoutes() {
  return (
    <PageErrorBoundary>
      <Suspense fallback={<PageLoading />}>
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
    </PageErrorBoundary>
  );
}
