import { describeLoadError } from '@/lib/load-error';
import { Alert } from './alert';

/** A read that failed, in the shopper's words (`describeLoadError`), with a way to ask again. */
export function LoadErrorAlert({
  error,
  what,
  onRetry,
}: {
  error: unknown;
  /** What could not be read, as the sentence names it: "your cart", "this order". */
  what: string;
  onRetry: () => void;
}) {
  const copy = describeLoadError(error, what);
  return (
    <Alert title={copy.title}>
      <p>{copy.body}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </Alert>
  );
}
