import { apiUrl } from './api-client';
import { readCookie } from './cookies';

/**
 * Sock Shop keeps an anonymous shopper's cart under the session cookie `md.sid`, but the routes that
 * relay a back-end answer (/cart, /catalogue, /orders…) never set that cookie (API reference, 13.1).
 * A browser without it is a new anonymous session on every request, and its cart items are lost.
 * Product images do set it, so before the first cart write of an anonymous shopper we load one.
 */
let established: Promise<void> | undefined;

export function isSignedIn(): boolean {
  return Boolean(readCookie('logged_in'));
}

export function ensureSession(imagePath: string | undefined): Promise<void> {
  if (isSignedIn() || !imagePath) return Promise.resolve();
  established ??= fetch(apiUrl(imagePath), { credentials: 'same-origin', cache: 'no-store' })
    .then((response) => {
      void response.body?.cancel();
    })
    .catch(() => {
      established = undefined;
    });
  return established;
}

/** For tests and sign-out: the next anonymous cart write establishes a session again. */
export function forgetSession(): void {
  established = undefined;
}
