import { create } from 'zustand';
import { isSignedIn } from '@/lib/session';

/**
 * Whether this browser is signed in, as Sock Shop defines it: a `logged_in` cookie is present
 * (API reference, section 2.2). Client state only; the customer's data lives in TanStack Query.
 */
interface SessionState {
  signedIn: boolean;
  actions: {
    /** Re-reads the cookie (after sign-in, sign-out, focus, or a "not signed in" answer). */
    cookieChanged: () => void;
  };
}

const useSessionStore = create<SessionState>()((set) => ({
  signedIn: isSignedIn(),
  actions: {
    cookieChanged: () => set({ signedIn: isSignedIn() }),
  },
}));

/** Reads the cookie outside React: the app calls it once as it starts. */
export function syncSessionFromCookie(): void {
  useSessionStore.getState().actions.cookieChanged();
}

export const useSignedIn = () => useSessionStore((state) => state.signedIn);
export const useSessionActions = () => useSessionStore((state) => state.actions);
