import type { ZodMiniType } from 'zod/mini';
import { config } from '@/config/env';
import { ApiError, type ApiErrorKind } from './api-error';
import { classifyFailure, embeddedErrorStatus, parseBody, truncateBody } from './classify-failure';
import { readCookie } from './cookies';
import { createId } from './ids';

/**
 * The one door to the Sock Shop front-end API. It knows the real server's habits
 * (API reference, sections 2-3 and 13):
 *  - any 2xx is success (GET /orders answers 201);
 *  - bodies often carry no Content-Type, so the body is read as text and parsed here;
 *  - errors can arrive as "200 with an error body" ({status_code: 404|500, ...});
 *  - cookies carry the session, so requests are same-origin with credentials;
 *  - nothing is served from the HTTP cache (`no-store`): order status and carts must be live.
 * Every response is validated; every failure becomes an ApiError with a kind.
 */
export type HttpMethod = 'GET' | 'POST' | 'DELETE' | 'PATCH' | 'PUT';

export interface RequestOptions<T> {
  method?: HttpMethod;
  /** Sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
  /** Validates the success body. Without a schema the body is ignored. */
  schema?: ZodMiniType<T>;
  /** Cancels the request (e.g. TanStack Query's signal). */
  signal?: AbortSignal;
  /** Overrides the default timeout for the method. 0 disables it. */
  timeoutMs?: number;
  /**
   * Lets a `{status_code: …}` body through to the schema instead of failing: GET /address and
   * GET /card answer `200 {"status_code":500}` to mean "none saved".
   */
  errorBodyIsData?: boolean;
  /** The correlation id to send; a new one is made when absent. */
  requestId?: string;
  /**
   * The route answers 500 "User not logged in." without the `logged_in` cookie (GET /orders): when
   * the cookie is gone, fail the same way at once, without asking (no error answer in the console).
   */
  needsSession?: boolean;
}

export interface ApiErrorListener {
  (error: ApiError): void;
}

const listeners = new Set<ApiErrorListener>();

/** Observes every API failure (for telemetry). Returns the unsubscribe function. */
export function onApiError(listener: ApiErrorListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fail(error: ApiError): never {
  for (const listener of listeners) listener(error);
  throw error;
}

function timeoutFor(method: HttpMethod, explicit: number | undefined): number {
  if (explicit !== undefined) return explicit;
  return method === 'GET' ? config.readTimeoutMs : config.writeTimeoutMs;
}

/** Combines the caller's signal with a timeout, without relying on AbortSignal.any (Baseline 2024). */
function withTimeout(signal: AbortSignal | undefined, ms: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    ms > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException('The storefront stopped waiting', 'TimeoutError'));
        }, ms)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

export function apiUrl(path: string): string {
  return `${config.apiBase}${path.startsWith('/') ? path : `/${path}`}`;
}

interface Answer {
  status: number;
  text: string;
}

/** GETs started before the code that reads them arrived (`startEarly`), by path; each taken once. */
const early = new Map<string, { requestId: string; answer: Promise<Answer> }>();
const EARLY_KEPT_MS = 10_000;

const headersFor = (requestId: string) => ({
  Accept: 'application/json',
  'X-Request-ID': requestId,
});

/**
 * Gives the main thread back before a request goes out (`scheduler.yield`, where the browser has
 * it): a page that starts several reads at once (checkout starts five) starts each in its own short
 * task instead of one long one that would hold up the shopper's input. The request waits only for
 * work already queued; the continuation runs ahead of other tasks.
 */
function yieldToBrowser(): Promise<void> | undefined {
  return (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.();
}

async function send(path: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(apiUrl(path), {
    ...init,
    credentials: 'same-origin',
    cache: 'no-store',
  });
  return { status: response.status, text: await response.text() };
}

/**
 * Starts a GET now, while the page's code is still downloading: the page's own `apiRequest` for
 * the same path then takes this answer instead of asking again (once; an answer nobody takes
 * within 10 s is dropped). For catalogue data only, never for what must be read live (orders,
 * carts, the session).
 */
export function startEarly(path: string): void {
  if (early.has(path)) return;
  const requestId = createId();
  const answer = send(path, { method: 'GET', headers: headersFor(requestId) });
  // A failure is reported by the apiRequest that takes the answer, or by none if none does.
  answer.catch(() => undefined);
  early.set(path, { requestId, answer });
  setTimeout(() => early.delete(path), EARLY_KEPT_MS);
}

/** The answer, unless the caller gives up first (its signal, or the timeout). */
function unlessAborted(answer: Promise<Answer>, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    answer.then(resolve, reject);
  });
}

export async function apiRequest<T = void>(
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const started = method === 'GET' && options.json === undefined ? early.get(path) : undefined;
  if (started) early.delete(path);
  const requestId = started?.requestId ?? options.requestId ?? createId();
  const details = { method, path };
  if (options.needsSession && !readCookie('logged_in')) {
    fail(
      new ApiError('not-signed-in', requestId, {
        ...details,
        backendMessage: 'User not logged in.',
      }),
    );
  }
  const headers: Record<string, string> = { ...headersFor(requestId), ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }

  if (!started) await yieldToBrowser();
  const deadline = withTimeout(options.signal, timeoutFor(method, options.timeoutMs));
  let answer: Answer;
  try {
    answer = started
      ? await unlessAborted(started.answer, deadline.signal)
      : await send(path, { method, headers, body, signal: deadline.signal });
  } catch (cause) {
    if (deadline.timedOut()) fail(new ApiError('timeout', requestId, details));
    // A cancellation by the caller is not a failure of the API: let TanStack Query see the abort.
    if (options.signal?.aborted) throw cause;
    fail(new ApiError('network', requestId, { ...details, backendMessage: String(cause) }));
  } finally {
    deadline.dispose();
  }

  const { status, text } = answer;
  const parsed = parseBody(text);
  const raw = { ...details, status, body: truncateBody(text) };

  if (status < 200 || status > 299) {
    const classified = classifyFailure(status, parsed.json);
    return fail(
      new ApiError(classified.kind, requestId, {
        ...raw,
        exception: classified.exception,
        backendMessage: classified.backendMessage,
      }),
    );
  }

  if (!options.schema) return undefined as T;
  if (!parsed.ok) return fail(new ApiError('malformed', requestId, { ...raw, issues: 'not JSON' }));

  const embedded = options.errorBodyIsData ? undefined : embeddedErrorStatus(parsed.json);
  if (embedded !== undefined) {
    const kind: ApiErrorKind = embedded === 404 ? 'not-found' : 'server';
    const classified = classifyFailure(embedded, parsed.json);
    return fail(
      new ApiError(kind, requestId, { ...raw, backendMessage: classified.backendMessage }),
    );
  }

  const result = options.schema.safeParse(parsed.json);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return fail(new ApiError('malformed', requestId, { ...raw, issues }));
  }
  return result.data;
}
