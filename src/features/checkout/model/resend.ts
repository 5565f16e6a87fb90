import { isApiError } from '@/lib/api-error';

/** Answers that say nothing about whether the order was placed: safe to ask again with the same key. */
const LOST_ANSWER_KINDS = new Set(['network', 'timeout', 'conflict']);

/**
 * Runs `send`, and when its answer was lost, runs it again, `retries` times at most, waiting
 * `baseDelayMs`, then twice that, and so on. Only for a backend that honours idempotency keys:
 * otherwise `retries` is 0 and this is a plain call.
 */
export async function withResend<T>(
  send: () => Promise<T>,
  { retries, baseDelayMs = 500 }: { retries: number; baseDelayMs?: number },
): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await send();
    } catch (error) {
      if (tries >= retries || !isApiError(error) || !LOST_ANSWER_KINDS.has(error.kind)) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** tries));
    }
  }
}
