import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { catalogueKeys } from './sock-schema';

const tagsSchema = z.object({ tags: z.nullable(z.array(z.string())) });

export async function getTags(signal?: AbortSignal): Promise<string[]> {
  const body = await apiRequest('/tags', { schema: tagsSchema, signal });
  return body.tags ?? [];
}

export const tagsQuery = () =>
  queryOptions({
    queryKey: catalogueKeys.tags(),
    queryFn: ({ signal }) => getTags(signal),
    staleTime: 5 * 60_000,
  });
