import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef } from 'react';
import { Link, useSearch } from 'wouter';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { isApiError } from '@/lib/api-error';
import { signIn } from '../api/auth';
import { useAfterSignIn } from './use-after-sign-in';

function signInError(error: unknown): string {
  if (isApiError(error) && error.kind === 'unauthorized') {
    return 'That username and password do not match an account.';
  }
  if (isApiError(error) && (error.kind === 'network' || error.kind === 'timeout')) {
    return 'We could not reach the shop. Check your connection and try again.';
  }
  return 'Signing in is not working right now. Please try again later.';
}

export function SignInPage() {
  const afterSignIn = useAfterSignIn();
  const search = useSearch();
  const alertRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      signIn(username, password),
    onSuccess: afterSignIn,
  });

  useEffect(() => {
    if (mutation.isError) alertRef.current?.focus();
  }, [mutation.isError, mutation.failureCount]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const data = new FormData(event.currentTarget);
    mutation.mutate({
      username: String(data.get('username') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    });
  };

  return (
    <section className="narrow">
      <PageHeading>Sign in</PageHeading>
      {mutation.isError ? (
        <Alert
          ref={alertRef}
          title={signInError(mutation.error)}
          reference={isApiError(mutation.error) ? mutation.error.requestId : undefined}
        />
      ) : null}
      <form onSubmit={onSubmit} className="form" noValidate={false}>
        <label>
          Username
          <input name="username" autoComplete="username" required maxLength={100} />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
          />
        </label>
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <Link href={`/register${search ? `?${search}` : ''}`}>Create an account</Link>
      </p>
    </section>
  );
}
