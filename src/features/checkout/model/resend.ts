import type { ApiErrorKind } from '@/lib/api-error';

/**
 * When a lost POST /orders answer is asked again by itself. Only for a backend that honours
 * idempotency keys (the machine's `resendRetries` is 0 otherwise): the same key and request id go
 * again, so the backend replays its first answer instead of charging twice.
 */

/** Answers that say nothing about whether the order was placed: safe to ask again with the key. */
const LOST_ANSWER_KINDS: ReadonlySet<ApiErrorKind> = new Set(['network', 'timeout', 'conflict']);

export function isLostAnswer(kind: ApiErrorKind): boolean {
  return LOST_ANSWER_KINDS.has(kind);
}

/** Waits before the n-th resend (0-based): 500 ms, then twice that, and so on. */
export function resendDelayMs(resendsSoFar: number, baseDelayMs = 500): number {
  return baseDelayMs * 2 ** resendsSoFar;
}
