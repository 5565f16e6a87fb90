import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef } from 'react';
import { Link, useSearch } from 'wouter';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { isApiError } from '@/lib/api-error';
import { register, type Registration } from '../api/auth';
import { useAfterSignIn } from './use-after-sign-in';

function registerError(error: unknown): string {
  if (isApiError(error) && (error.kind === 'network' || error.kind === 'timeout')) {
    return 'We could not reach the shop. Check your connection and try again.';
  }
  // Sock Shop answers a bare 500 for a taken username and for any other failure.
  return 'We could not create that account. The username may already be taken; try another one.';
}

const FIELDS: { name: keyof Registration; label: string; type?: string; autoComplete: string }[] = [
  { name: 'firstName', label: 'First name', autoComplete: 'given-name' },
  { name: 'lastName', label: 'Last name', autoComplete: 'family-name' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { name: 'username', label: 'Username', autoComplete: 'username' },
  { name: 'password', label: 'Password', type: 'password', autoComplete: 'new-password' },
];

export function RegisterPage() {
  const afterSignIn = useAfterSignIn();
  const search = useSearch();
  const alertRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({ mutationFn: register, onSuccess: afterSignIn });

  useEffect(() => {
    if (mutation.isError) alertRef.current?.focus();
  }, [mutation.isError]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const data = new FormData(event.currentTarget);
    const read = (name: string) => String(data.get(name) ?? '').trim();
    mutation.mutate({
      firstName: read('firstName'),
      lastName: read('lastName'),
      email: read('email'),
      username: read('username'),
      password: String(data.get('password') ?? ''),
    });
  };

  return (
    <section className="narrow">
      <PageHeading>Create an account</PageHeading>
      {mutation.isError ? (
        <Alert
          ref={alertRef}
          title={registerError(mutation.error)}
          reference={isApiError(mutation.error) ? mutation.error.requestId : undefined}
        />
      ) : null}
      <form onSubmit={onSubmit} className="form">
        {FIELDS.map((field) => (
          <label key={field.name}>
            {field.label}
            <input
              name={field.name}
              type={field.type ?? 'text'}
              autoComplete={field.autoComplete}
              required
              maxLength={100}
            />
          </label>
        ))}
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link href={`/sign-in${search ? `?${search}` : ''}`}>Sign in</Link>
      </p>
    </section>
  );
}
