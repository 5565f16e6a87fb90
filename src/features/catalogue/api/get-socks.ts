import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { catalogueKeys, sockSchema, type Sock } from './sock-schema';

// An unknown tag answers `null`, not `[]` (API reference, section 13.7).
const socksSchema = z.nullable(z.array(sockSchema));

export async function getSocks(tags: readonly string[], signal?: AbortSignal): Promise<Sock[]> {
  const params = new URLSearchParams({ size: '100' });
  if (tags.length > 0) params.set('tags', tags.join(','));
  const socks = await apiRequest(`/catalogue?${params.toString()}`, {
    schema: socksSchema,
    signal,
  });
  return socks ?? [];
}

export const socksQuery = (tags: readonly string[] = []) =>
  queryOptions({
    queryKey: catalogueKeys.list(tags),
    queryFn: ({ signal }) => getSocks(tags, signal),
    staleTime: 60_000,
  });
