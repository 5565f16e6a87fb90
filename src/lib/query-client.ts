import { QueryClient } from '@tanstack/react-query';
import { isTransient } from './api-error';

/** Reads are retried up to 3 times, only for transient failures, with exponential backoff and jitter. */
export const MAX_READ_RETRIES = 3;

export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(8_000, 500 * 2 ** attempt);
  return Math.round(base / 2 + random() * (base / 2));
}

export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_READ_RETRIES && isTransient(error);
}

export function createQueryClient(overrides: { retryDelay?: number } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryRead,
        retryDelay: overrides.retryDelay ?? ((attempt) => retryDelay(attempt)),
        staleTime: 30_000,
      },
      mutations: {
        // Writes are never retried automatically: a second POST /orders could charge twice.
        retry: false,
      },
    },
  });
}
