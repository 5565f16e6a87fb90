import type { HttpHandler } from 'msw';
import type { CookieSource, HandlerOptions } from '../lib/http';
import { cartHandlers } from './cart';
import { catalogueHandlers } from './catalogue';
import { fallbackHandlers } from './fallback';
import { healthHandlers } from './health';
import { opsHandlers } from './ops';
import { ordersHandlers } from './orders';
import { userHandlers } from './user';

export interface CreateHandlersOptions {
  /** Default `msw` (browser worker, Vitest); the standalone server uses `header`. */
  cookieSource?: CookieSource;
  /** Default true, like the real server. */
  httpOnlySession?: boolean;
}

/**
 * The mock Sock Shop front-end API under `prefix`: `/api` for the browser worker and Vitest
 * (the app calls `/api/orders`), `''` for the standalone server (the real API at the root).
 */
export function createHandlers(prefix: string, options: CreateHandlersOptions = {}): HttpHandler[] {
  const resolved: HandlerOptions = {
    prefix: prefix.replace(/\/+$/, ''),
    cookieSource: options.cookieSource ?? 'msw',
    httpOnlySession: options.httpOnlySession ?? true,
  };
  return [
    ...catalogueHandlers(resolved),
    ...cartHandlers(resolved),
    ...userHandlers(resolved),
    ...ordersHandlers(resolved),
    ...healthHandlers(resolved),
    ...opsHandlers(resolved),
    ...fallbackHandlers(resolved),
  ];
}
