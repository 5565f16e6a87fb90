import { Link } from 'wouter';
import { PageHeading } from '@/components/ui/page-heading';

export function SignInFirst({ what, next }: { what: string; next: string }) {
  return (
    <section className="narrow">
      <PageHeading>Sign in to see {what}</PageHeading>
      <p>
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="button-primary">
          Sign in
        </Link>
      </p>
    </section>
  );
}
