import { queryOptions } from '@tanstack/react-query';
import type { ShopperOrders } from '../model/payment-issues';
import { getCustomerOrders } from './get-customer-orders';
import { getCustomers } from './get-customers';

export const opsKeys = {
  all: ['ops'] as const,
  paymentIssues: () => [...opsKeys.all, 'payment-issues'] as const,
};

/** At most this many order searches run at once, so a long customer list does not flood the API. */
const PARALLEL_SEARCHES = 4;

async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        next = items.length; // the report has failed: start no more requests
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Every customer with their orders. One failed search fails the whole report: a failure rate
 * computed from some customers only would be a confident wrong number.
 */
export async function getPaymentIssuesData(signal?: AbortSignal): Promise<ShopperOrders[]> {
  const customers = await getCustomers(signal);
  // The first failure cancels the searches still running: their answers could no longer be used.
  const searches = new AbortController();
  const cancel = () => searches.abort(signal?.reason);
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await mapWithLimit(customers, PARALLEL_SEARCHES, async (shopper) => ({
      shopper,
      orders: await getCustomerOrders(shopper.id, searches.signal),
    }));
  } catch (error) {
    searches.abort();
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** Live: never served from cache, refetched on every visit and whenever the tab regains focus. */
export const paymentIssuesQuery = () =>
  queryOptions({
    queryKey: opsKeys.paymentIssues(),
    queryFn: ({ signal }) => getPaymentIssuesData(signal),
    staleTime: 0,
    refetchOnMount: 'always',
    refetchOnWindowFocus: 'always',
  });
