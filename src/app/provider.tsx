import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type BaseLocationHook, Router } from 'wouter';
import { syncSessionFromCookie } from '@/features/auth/stores/session-store';
import { restoreBreaker } from '@/features/checkout/stores/breaker-store';
import { restoreRecovery } from '@/features/reorder/stores/recovery-store';
import { createQueryClient } from '@/lib/query-client';

interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client (no retry delay) and an in-memory location hook. */
  queryClient?: QueryClient;
  locationHook?: BaseLocationHook;
}

export function AppProvider({ children, queryClient, locationHook }: AppProviderProps) {
  const [client] = useState(() => {
    // What a page load reads from the browser: the session cookie and the tab's payment breaker.
    // (The checkout attempt is read by the checkout runtime, loaded after the first render.)
    syncSessionFromCookie();
    restoreBreaker();
    restoreRecovery();
    return queryClient ?? createQueryClient();
  });
  const routerProps = locationHook ? { hook: locationHook } : {};
  return (
    <QueryClientProvider client={client}>
      <Router {...routerProps}>{children}</Router>
    </QueryClientProvider>
  );
}
