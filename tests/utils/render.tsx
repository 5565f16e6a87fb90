import { render, screen, waitFor } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { App } from '@/app/app';
import { createQueryClient } from '@/lib/query-client';

export * from '@testing-library/react';

/** Signs in through the API, the way the sign-in page does, so the mock session is real. */
export async function signInAs(username = 'user', password = 'password'): Promise<void> {
  const response = await fetch('/api/login', {
    headers: { Authorization: `Basic ${btoa(`${username}:${password}`)}` },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`test sign-in failed: ${response.status}`);
}

/**
 * Renders the whole storefront at a route with fresh providers: a new QueryClient (no retry delay)
 * and an in-memory location. Returns a user-event instance and the location history.
 */
export function renderApp(route = '/') {
  const location = memoryLocation({ path: route, record: true });
  const queryClient = createQueryClient({ retryDelay: 0 });
  const user = userEvent.setup();
  const result = render(<App queryClient={queryClient} locationHook={location.hook} />);
  return {
    ...result,
    user,
    queryClient,
    history: location.history,
    navigate: location.navigate,
    screen,
  };
}

/**
 * Waits for the header's extras, which come after the page on a load: its cart link is drawn, and
 * every read started so far (the header's own included) has answered.
 */
export async function headerReady(queryClient: QueryClient): Promise<void> {
  await screen.findByRole('link', { name: /^Cart/ }, { timeout: 5_000 });
  await waitFor(() => {
    if (queryClient.isFetching() > 0) throw new Error('reads still in flight');
  });
}
