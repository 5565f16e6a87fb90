import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { config } from '@/config/env';
import { apiRequest } from '@/lib/api-client';

/**
 * Sock Shop's health JSON: {"health":[{"service":"payment","status":"OK", ...}, ...]}. Real Sock
 * Shop does not expose it through the front-end; the mock backend does at /health.
 */
const healthSchema = z.object({
  health: z.array(z.object({ service: z.string(), status: z.string() })),
});

export type PaymentHealth = 'up' | 'down' | 'unknown';

export async function getPaymentHealth(signal?: AbortSignal): Promise<PaymentHealth> {
  const body = await apiRequest(config.healthPath, {
    schema: healthSchema,
    signal,
    timeoutMs: 4_000,
  });
  const payment = body.health.find((entry) => entry.service === 'payment');
  if (!payment) return 'unknown';
  return payment.status === 'OK' ? 'up' : 'down';
}

export const paymentHealthQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: ['health', 'payment'] as const,
    queryFn: ({ signal }) => getPaymentHealth(signal),
    enabled: enabled && config.healthPath !== '',
    staleTime: 0,
    retry: false,
    refetchInterval: 10_000,
  });
