import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { catalogueKeys, sockSchema } from './sock-schema';

export function getSock(id: string, signal?: AbortSignal) {
  // An unknown id answers 200 {"error":"not found","status_code":404}: the client turns it into not-found.
  return apiRequest(`/catalogue/${encodeURIComponent(id)}`, { schema: sockSchema, signal });
}

export const sockQuery = (id: string) =>
  queryOptions({
    queryKey: catalogueKeys.detail(id),
    queryFn: ({ signal }) => getSock(id, signal),
    staleTime: 60_000,
  });
