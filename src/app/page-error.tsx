import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { Link, useLocation } from 'wouter';
import { PageHeading } from '@/components/ui/page-heading';
import { track } from '@/lib/telemetry';
import { type Storefront, useStorefront } from './storefront-chunk';

/**
 * What a shopper sees when a page cannot be drawn: most often its code did not arrive (a lost
 * connection, or a tab opened before a new version of the shop replaced the files), or a bug. A
 * heading, what to do, and two ways on; never a blank screen. A failed code download stays failed
 * until the page is loaded again, so the way back is a reload.
 */
function PageError(_props: FallbackProps) {
  return (
    <section>
      <PageHeading>This page could not be shown</PageHeading>
      <p>
        Something went wrong while showing this page: the connection may have dropped, or the shop
        was updated since this tab opened. Reloading the page usually fixes it.
      </p>
      <p>
        <button type="button" className="button-primary" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link href="/">Browse socks</Link>
      </p>
    </section>
  );
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/**
 * A page that throws (or whose code fails to load) becomes PageError. Around the page area, so the
 * header stays; and around the whole app, for an error in the shell itself.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <ErrorBoundary
      FallbackComponent={PageError}
      // Another page is another chance: leaving the broken page clears the error.
      resetKeys={[location]}
      onError={(error) => track({ type: 'page_error', path: location, error: errorName(error) })}
    >
      {children}
    </ErrorBoundary>
  );
}

/**
 * A part of the shell that comes with the storefront chunk (header links, order notifications,
 * the checkout runtime), drawn from the chunk by `children`: `fallback` while it loads, and instead
 * of it if it cannot load or throws, so a failed part never takes the rest of the page down.
 */
export function Deferred({
  part,
  fallback = null,
  children,
}: {
  /** Names the part in the `page_error` report when it fails. */
  part: string;
  fallback?: ReactNode;
  children: (storefront: Storefront) => ReactNode;
}) {
  const [location] = useLocation();
  return (
    <ErrorBoundary
      fallback={fallback}
      onError={(error) =>
        track({ type: 'page_error', path: location, error: errorName(error), part })
      }
    >
      <FromStorefront fallback={fallback}>{children}</FromStorefront>
    </ErrorBoundary>
  );
}

function FromStorefront({
  fallback,
  children,
}: {
  fallback: ReactNode;
  children: (storefront: Storefront) => ReactNode;
}) {
  const storefront = useStorefront();
  return storefront ? children(storefront) : fallback;
}
