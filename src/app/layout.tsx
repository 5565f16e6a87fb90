import { lazy, type ReactNode, useEffect } from 'react';
import type { Order } from '@/domain/order';
import { Link, useLocation } from 'wouter';
import { OfflineBanner } from '@/components/ui/offline-banner';
import { useSessionActions, useSignedIn } from '@/features/auth/stores/session-store';
import { useRecoveryActions } from '@/features/reorder/stores/recovery-store';
import { Deferred } from './page-error';

// Checkout's machine and its interpreter (pending-order watcher, session ending), for the whole
// app; loaded after the first render, so the first bundle stays small.
const CheckoutRuntime = lazy(() =>
  import('./storefront').then((m) => ({ default: m.CheckoutRuntime })),
);
// The header's cart and account links, the order notifications (signed in) and "Order these
// again" (when the header says an order's payment failed) come with the storefront chunk.
const CartBadge = lazy(() => import('./storefront').then((m) => ({ default: m.CartBadge })));
const AccountMenu = lazy(() => import('./storefront').then((m) => ({ default: m.AccountMenu })));
const OrderUpdates = lazy(() => import('./storefront').then((m) => ({ default: m.OrderUpdates })));
const OrderAgainAction = lazy(() =>
  import('./storefront').then((m) => ({ default: m.OrderAgainAction })),
);

/**
 * What the header's links look like until their code arrives: the same words in the same boxes
 * (not links yet, hidden from screen readers), so nothing moves when the real ones replace them.
 */
function HeaderLinksPlaceholder({ signedIn }: { signedIn: boolean }) {
  return (
    <>
      <span className="nav-link cart-link" aria-hidden="true">
        Cart
      </span>
      {signedIn ? (
        <>
          <span className="nav-link" aria-hidden="true">
            Orders
          </span>
          <span className="nav-link link-button" aria-hidden="true">
            Sign out
          </span>
        </>
      ) : (
        <span className="nav-link" aria-hidden="true">
          Sign in
        </span>
      )}
    </>
  );
}

function headerOrderActions(order: Order) {
  return (
    <Deferred part="order again">
      <OrderAgainAction order={order} />
    </Deferred>
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
  // An order recovery belongs to the signed-in shopper: signing out (or the session ending) drops
  // it, so the next shopper in this tab never sees someone else's order named at checkout.
  const { recoveryDismissed } = useRecoveryActions();
  useEffect(() => {
    if (!signedIn) recoveryDismissed();
  }, [signedIn, recoveryDismissed]);

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
          <Deferred part="header links" fallback={<HeaderLinksPlaceholder signedIn={signedIn} />}>
            <CartBadge />
            <AccountMenu />
          </Deferred>
        </nav>
      </header>
      <OfflineBanner />
      <Deferred part="checkout runtime">
        <CheckoutRuntime />
      </Deferred>
      {signedIn ? (
        <Deferred part="order updates">
          <OrderUpdates
            enabled={!location.startsWith('/orders')}
            orderActions={headerOrderActions}
          />
        </Deferred>
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
