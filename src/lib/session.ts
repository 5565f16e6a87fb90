import { apiUrl } from './api-client';
import { readCookie } from './cookies';

/**
 * Sock Shop keeps an anonymous shopper's cart under the session cookie `md.sid`, but the routes that
 * relay a back-end answer (/cart, /catalogue, /orders…) never set that cookie (API reference, 13.1).
 * A browser without it is a new anonymous session on every request, and its cart items are lost.
 * Product images do set it, so before each cart write of an anonymous shopper we load one. (The
 * cookie is HttpOnly, so the page cannot tell whether it already has a valid one.)
 */
export function isSignedIn(): boolean {
  return Boolean(readCookie('logged_in'));
}

export async function ensureSession(imagePath: string | undefined): Promise<void> {
  if (isSignedIn() || !imagePath) return;
  try {
    const response = await fetch(apiUrl(imagePath), {
      credentials: 'same-origin',
      cache: 'no-store',
    });
    void response.body?.cancel().catch(() => undefined);
  } catch {
    // The cart write that follows reports any real problem.
  }
}
