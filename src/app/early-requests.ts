import { startEarly } from '@/lib/api-client';

/**
 * A page's first API request, started by the entry as it runs, in parallel with the download of
 * the storefront chunk that holds the page (which then takes the answer: `startEarly`). Only for
 * answers that are the same for every shopper and need not be live to the second: a product
 * page's sock. Never orders or carts.
 */
export function startPageRequests(pathname: string): void {
  const product = /^\/socks\/([^/]+)$/.exec(pathname)?.[1];
  if (!product) return;
  let id: string;
  try {
    id = decodeURIComponent(product);
  } catch {
    return; // A malformed address: the page itself says the sock is not available.
  }
  // The same path as getSock's, so the page's request finds this one.
  startEarly(`/catalogue/${encodeURIComponent(id)}`);
}
