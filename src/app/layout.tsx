import { type ReactNode, useEffect } from 'react';
import type { Order } from '@/domain/order';
import { Link, useLocation } from 'wouter';
import { OfflineBanner } from '@/components/ui/offline-banner';
import { useSessionActions, useSignedIn } from '@/features/auth/stores/session-store';
import { useRecoveryActions } from '@/features/reorder/stores/recovery-store';
import { usePageFirst } from './page-first';
import { Deferred } from './page-error';

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
      {({ OrderAgainAction }) => <OrderAgainAction order={order} />}
    </Deferred>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { cookieChanged } = useSessionActions();
  const signedIn = useSignedIn();
  const [location] = useLocation();
  // The header's extras wait for the page itself to be drawn; until then its links keep their
  // places as plain words.
  const extras = usePageFirst();
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
          {extras ? (
            <Deferred part="header links" fallback={<HeaderLinksPlaceholder signedIn={signedIn} />}>
              {({ CartBadge, AccountMenu }) => (
                <>
                  <CartBadge />
                  <AccountMenu />
                </>
              )}
            </Deferred>
          ) : (
            <HeaderLinksPlaceholder signedIn={signedIn} />
          )}
        </nav>
      </header>
      <OfflineBanner />
      {/* Checkout's machine and its interpreter (pending-order watcher, session ending), for the
          whole app. */}
      <Deferred part="checkout runtime">{({ CheckoutRuntime }) => <CheckoutRuntime />}</Deferred>
      {signedIn && extras ? (
        <Deferred part="order updates">
          {({ OrderUpdates }) => (
            <OrderUpdates
              enabled={!location.startsWith('/orders')}
              orderActions={headerOrderActions}
            />
          )}
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
