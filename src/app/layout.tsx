import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import type { Order } from '@/domain/order';
import { Link, useLocation } from 'wouter';
import { OfflineBanner } from '@/components/ui/offline-banner';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { useSessionActions, useSignedIn } from '@/features/auth/stores/session-store';
import { CartBadge } from '@/features/checkout/components/cart-badge';
import { PendingOrderWatcher } from '@/features/checkout/components/pending-order-watcher';
import { lookupOrders } from './lookup-orders';

// Loaded once a shopper is signed in, so the first bundle stays small.
const OrderUpdates = lazy(() =>
  import('@/features/orders/components/order-updates').then((m) => ({ default: m.OrderUpdates })),
);
// "Order these again" when the header says an order's payment failed (loaded only then).
const OrderAgainAction = lazy(() =>
  import('./reorder-action').then((m) => ({ default: m.OrderAgainAction })),
);

function headerOrderActions(order: Order) {
  return (
    <Suspense fallback={null}>
      <OrderAgainAction order={order} />
    </Suspense>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { cookieChanged } = useSessionActions();
  const signedIn = useSignedIn();
  const [location] = useLocation();
  // `logged_in` expires after an hour: re-read it whenever the shopper comes back to the tab.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') cookieChanged();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', cookieChanged);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', cookieChanged);
    };
  }, [cookieChanged]);

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          Sock Shop
        </Link>
        <nav aria-label="Main">
          <Link href="/" className="nav-link">
            Socks
          </Link>
          <CartBadge />
          <AccountMenu />
        </nav>
      </header>
      <OfflineBanner />
      <PendingOrderWatcher lookupOrders={lookupOrders} />
      {signedIn ? (
        <Suspense fallback={null}>
          <OrderUpdates
            enabled={!location.startsWith('/orders')}
            orderActions={headerOrderActions}
          />
        </Suspense>
      ) : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p className="muted">
          Sock Shop storefront. Prices in US dollars; shipping $4.99 per order.
        </p>
      </footer>
    </>
  );
}
