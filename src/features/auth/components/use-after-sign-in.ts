import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useSearch } from 'wouter';
import { useSessionActions } from '../stores/session-store';

/** Only same-app paths are followed after signing in, never another site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '/';
  return /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : '/';
}

/** After the session changes: re-read the cookie, refetch everything, go where the shopper was going. */
export function useAfterSignIn() {
  const queryClient = useQueryClient();
  const { cookieChanged } = useSessionActions();
  const [, navigate] = useLocation();
  const search = useSearch();
  return () => {
    cookieChanged();
    void queryClient.invalidateQueries();
    navigate(safeNext(search));
  };
}
