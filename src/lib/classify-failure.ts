import type { ApiErrorKind } from './api-error';

/**
 * Pure classification of a Sock Shop failure body into an error kind.
 * Bodies come in three shapes (API reference, sections 2.1 and 3.5):
 *  - Spring Boot: {timestamp, status, error, exception, message, path}
 *  - the Node front-end's error handler: {message, error: {code?, ...}}
 *  - relayed upstream errors, often with status 200: {error, status_code, status_text} or {status_code}
 */
export interface Classified {
  kind: ApiErrorKind;
  exception?: string;
  backendMessage?: string;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ESOCKETTIMEDOUT',
]);

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Parses a body that may be empty, JSON, or anything else. Never throws. */
export function parseBody(text: string): { json: unknown; ok: boolean } {
  if (text.trim() === '') return { json: undefined, ok: true };
  try {
    return { json: JSON.parse(text) as unknown, ok: true };
  } catch {
    return { json: undefined, ok: false };
  }
}

/** A 2xx body that is really an error relayed by the front-end ("200 with an error body"). */
export function embeddedErrorStatus(json: unknown): number | undefined {
  const record = asRecord(json);
  if (!record) return undefined;
  const code = record.status_code;
  return typeof code === 'number' && code >= 400 ? code : undefined;
}

export function classifyFailure(status: number, json: unknown): Classified {
  const body = asRecord(json);
  const exception = asString(body?.exception);
  const message = asString(body?.message);
  const nodeError = asRecord(body?.error);
  const nodeCode = asString(nodeError?.code);
  const base = { exception, backendMessage: message ?? asString(body?.error) };

  if (message === 'User not logged in.') return { kind: 'not-signed-in', ...base };
  if (exception?.endsWith('PaymentDeclinedException')) return { kind: 'payment-declined', ...base };
  if (exception?.endsWith('InvalidOrderException')) return { kind: 'invalid-order', ...base };
  if (exception?.endsWith('IllegalStateException')) {
    return /timeout/i.test(message ?? '')
      ? { kind: 'upstream-timeout', ...base }
      : { kind: 'payment-unavailable', ...base };
  }
  if (nodeCode && UNREACHABLE_CODES.has(nodeCode)) return { kind: 'service-unavailable', ...base };

  switch (status) {
    case 401:
      return { kind: 'unauthorized', ...base };
    case 404:
      return { kind: 'not-found', ...base };
    case 409:
      return { kind: 'conflict', ...base };
    case 422:
      return { kind: 'unprocessable', ...base };
    case 502:
    case 503:
    case 504:
      return { kind: 'service-unavailable', ...base };
    default:
      return { kind: 'server', ...base };
  }
}

const MAX_BODY = 2_000;

export function truncateBody(text: string): string {
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…` : text;
}
