import { type Query, queryOptions } from '@tanstack/react-query';
import type { Order } from '@/domain/order';
import { nextPoll, type WatchState } from '../model/watch';
import { getOrder } from './get-order';
import { getOrders } from './get-orders';
import { orderKeys } from './order-schema';

/**
 * Order status is never served from a cache: staleTime 0, refetch on every mount and on focus,
 * HTTP `no-store` (in the API client), and polling with backoff while an order can still change.
 * Polling pauses while the tab is hidden (refetchIntervalInBackground: false).
 */
const watches = new WeakMap<object, WatchState>();

function watchInterval<T>(toOrders: (data: T) => readonly Order[]) {
  return (query: Query<T, Error, T, readonly unknown[]>): number | false => {
    const data = query.state.data;
    const { state, delay } = nextPoll(
      watches.get(query),
      data === undefined ? undefined : toOrders(data),
      query.state.dataUpdatedAt,
    );
    if (state) watches.set(query, state);
    else watches.delete(query);
    return delay;
  };
}

const live = {
  staleTime: 0,
  refetchOnMount: 'always',
  refetchOnWindowFocus: 'always',
  refetchIntervalInBackground: false,
} as const;

export const ordersQuery = () =>
  queryOptions({
    queryKey: orderKeys.lists(),
    queryFn: ({ signal }) => getOrders(signal),
    refetchInterval: watchInterval<Order[]>((orders) => orders),
    ...live,
  });

export const orderQuery = (id: string) =>
  queryOptions({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => getOrder(id, signal),
    refetchInterval: watchInterval<Order>((order) => [order]),
    ...live,
  });
