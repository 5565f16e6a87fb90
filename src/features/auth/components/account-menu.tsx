import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { customerQuery, signOut } from '../api/auth';
import { useSessionActions, useSignedIn } from '../stores/session-store';

/** Header links for the shopper's account: sign in, or name + orders + sign out. */
export function AccountMenu() {
  const signedIn = useSignedIn();
  const customer = useQuery(customerQuery(signedIn));
  const { cookieChanged } = useSessionActions();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();

  if (!signedIn) {
    return (
      <Link href="/sign-in" className="nav-link">
        Sign in
      </Link>
    );
  }

  const onSignOut = () => {
    signOut();
    cookieChanged();
    // Nothing of the signed-in shopper stays on screen or in memory.
    queryClient.removeQueries();
    navigate('/');
  };

  return (
    <>
      <Link href="/orders" className="nav-link">
        Orders
      </Link>
      {customer.data ? (
        <span className="muted">Hi, {customer.data.firstName || customer.data.username}</span>
      ) : null}
      <button type="button" className="link-button nav-link" onClick={onSignOut}>
        Sign out
      </button>
    </>
  );
}
