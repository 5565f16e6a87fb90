import { http, HttpResponse, type HttpHandler } from 'msw';
import { getMockConfig, mockNow, sleep } from '../config';
import type { Session } from '../data/types';
import { findSession, newSessionId, saveSession } from '../db';
import {
  LOGGED_IN_COOKIE,
  SESSION_COOKIE,
  parseCookieHeader,
  sessionSetCookie,
  unsignSessionId,
} from './cookies';

/**
 * Where the handlers read cookies from.
 * - `msw` (browser worker, Vitest): MSW's `cookies` resolver argument, which merges
 *   `document.cookie`, MSW's own cookie jar (where the HttpOnly `md.sid` lives, because a page
 *   cannot write HttpOnly cookies) and the request's Cookie header. `logged_in` is read from
 *   `document.cookie` when there is a document, so deleting it there (logout) is honoured even
 *   though MSW's jar still holds the copy it stored from Set-Cookie.
 * - `header` (standalone HTTP server): the request's Cookie header only, like a real server.
 */
export type CookieSource = 'msw' | 'header';

export interface HandlerOptions {
  /** `/api` for the browser worker and Vitest, `''` for the standalone server. */
  prefix: string;
  cookieSource: CookieSource;
  /** HttpOnly on `md.sid` (true = the real server). */
  httpOnlySession: boolean;
}

export interface RequestContext {
  readonly request: Request;
  readonly options: HandlerOptions;
  readonly requestId: string | null;
  /** The express session of this request: found via md.sid, or a fresh one. */
  readonly session: Session;
  /** True when the request brought no valid md.sid (a fresh session was made). */
  readonly sessionIsNew: boolean;
  /** The `logged_in` cookie is present (its value is never checked, like the real front-end). */
  readonly loggedInCookie: boolean;
  /** Set by `keepSession`: the response must carry Set-Cookie md.sid. */
  sendSessionCookie: boolean;
}

function documentCookies(request: Request): Record<string, string> | null {
  if (typeof document === 'undefined' || typeof location === 'undefined') return null;
  if (request.credentials === 'omit') return {};
  if (request.credentials !== 'include' && new URL(request.url).origin !== location.origin)
    return {};
  return parseCookieHeader(document.cookie);
}

function readCookies(request: Request, mswCookies: Record<string, string>, source: CookieSource) {
  if (source === 'header') return parseCookieHeader(request.headers.get('cookie'));
  if (request.credentials === 'omit') return {};
  const fromDocument = documentCookies(request);
  const merged: Record<string, string> = { ...mswCookies };
  if (fromDocument) {
    delete merged[LOGGED_IN_COOKIE];
    const loggedIn = fromDocument[LOGGED_IN_COOKIE];
    if (loggedIn !== undefined) merged[LOGGED_IN_COOKIE] = loggedIn;
  }
  return merged;
}

export function createContext(
  request: Request,
  mswCookies: Record<string, string>,
  options: HandlerOptions,
): RequestContext {
  const cookies = readCookies(request, mswCookies, options.cookieSource);
  const sid = unsignSessionId(cookies[SESSION_COOKIE]);
  const existing = sid === null ? undefined : findSession(sid);
  const loggedIn = cookies[LOGGED_IN_COOKIE];
  return {
    request,
    options,
    requestId: request.headers.get('x-request-id'),
    session: existing ? { ...existing } : { id: newSessionId() },
    sessionIsNew: !existing,
    loggedInCookie: typeof loggedIn === 'string' && loggedIn !== '',
    sendSessionCookie: false,
  };
}

/**
 * Routes that really set `md.sid` (/login, /register, images, errors and 404s: reference 13.1)
 * call this: the session is stored, and a new one is announced with Set-Cookie.
 * Relayed routes never do, so a cookie-less client gets a fresh anonymous session per request.
 */
export function keepSession(ctx: RequestContext): void {
  saveSession(ctx.session);
  if (ctx.sessionIsNew) ctx.sendSessionCookie = true;
}

/** `getCustomerId()` of the front-end: logged_in absent → the session id owns the cart. */
export function cartOwner(ctx: RequestContext): string {
  return ctx.loggedInCookie ? String(ctx.session.customerId) : ctx.session.id;
}

export interface ReplyInit {
  status: number;
  /** Text is sent as bytes so no Content-Type is added unless `contentType` says so. */
  body?: string | Uint8Array | null;
  contentType?: string | null;
  setCookies?: string[];
  headers?: Record<string, string>;
}

const encoder = new TextEncoder();

export function reply(ctx: RequestContext, init: ReplyInit): Response {
  const headers = new Headers();
  if (init.contentType) headers.set('Content-Type', init.contentType);
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  // md.sid first: MSW stores only the first cookie of a joined Set-Cookie in its jar (README).
  if (ctx.sendSessionCookie) {
    headers.append(
      'Set-Cookie',
      sessionSetCookie(ctx.session.id, { httpOnly: ctx.options.httpOnlySession }),
    );
  }
  for (const cookie of init.setCookies ?? []) headers.append('Set-Cookie', cookie);
  if (ctx.requestId) headers.set('X-Request-ID', ctx.requestId);
  const body =
    init.body === undefined || init.body === null
      ? null
      : typeof init.body === 'string'
        ? encoder.encode(init.body)
        : init.body;
  const status = init.status;
  // A null-body status (204, 304) must not carry a body.
  return new HttpResponse(status === 204 || status === 304 ? null : body, { status, headers });
}

/** Relayed JSON with no Content-Type (helpers.respondStatusBody). */
export function rawJson(ctx: RequestContext, status: number, value: unknown): Response {
  return reply(ctx, { status, body: JSON.stringify(value) });
}

/** An empty relayed answer (helpers.respondStatus). */
export function emptyReply(ctx: RequestContext, status: number): Response {
  return reply(ctx, { status });
}

/** The front-end's Express error handler: `{message, error}` as JSON; sets md.sid like any error. */
export function nodeError(
  ctx: RequestContext,
  message: string,
  error: Record<string, unknown> = {},
  status = 500,
): Response {
  keepSession(ctx);
  return reply(ctx, {
    status,
    body: JSON.stringify({ message, error }),
    contentType: 'application/json; charset=utf-8',
  });
}

/** The front-end process dies (uncaught exception): the browser sees a reset connection. */
export function connectionReset(): Response {
  return HttpResponse.error();
}

export interface SpringErrorBody {
  timestamp: number;
  status: number;
  error: string;
  exception: string;
  message: string;
  path: string;
}

const REASON: Record<number, string> = { 406: 'Not Acceptable', 500: 'Internal Server Error' };

/** Spring Boot 1.4 DefaultErrorAttributes, as the orders service answers (relayed without Content-Type). */
export function springError(
  status: 406 | 500,
  exception: string,
  message: string,
  path = '/orders',
): SpringErrorBody {
  return {
    timestamp: mockNow(),
    status,
    error: REASON[status] ?? 'Error',
    exception,
    message,
    path,
  };
}

/** Request bodies the way bodyParser.json sees them: `{}` without a JSON body, an error when unparseable. */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/json/i.test(contentType)) return { ok: true, value: {} };
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Reference 13.5: a malformed JSON body crashes a later middleware with this message. */
export function malformedBody(ctx: RequestContext): Response {
  return nodeError(ctx, "Cannot read property 'logged_in' of undefined");
}

export function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

type Method = 'get' | 'post' | 'delete' | 'all';
type Params = Record<string, string>;
type Handle = (ctx: RequestContext, params: Params) => Response | Promise<Response>;

/** One route of the front-end under `options.prefix`. */
export function route(
  method: Method,
  path: string,
  options: HandlerOptions,
  handle: Handle,
): HttpHandler {
  return http[method](`${options.prefix}${path}`, async ({ request, cookies, params }) => {
    const latency = getMockConfig().latencyMs;
    if (latency > 0) await sleep(latency);
    const url = new URL(request.url);
    if (
      url.search === '' &&
      url.pathname.endsWith('/') &&
      url.pathname.length > options.prefix.length + 1
    ) {
      // rewriteSlash: `/orders/` → 301 `/orders` (before the session middleware: no cookie).
      return new HttpResponse(null, {
        status: 301,
        headers: { Location: url.pathname.replace(/\/+$/, '') },
      });
    }
    const flatParams: Params = {};
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === 'string') flatParams[key] = value;
      else if (Array.isArray(value)) flatParams[key] = value.join('/');
    }
    const ctx = createContext(request, cookies, options);
    return handle(ctx, flatParams);
  });
}
