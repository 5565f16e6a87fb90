import { type Query, queryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Order } from '@/domain/order';
import { waitForRateLimit } from '@/domain/poll-schedule';
import { isSignedIn } from '@/lib/session';
import { nextPoll, type WatchState } from '../model/watch';
import { getOrder } from './get-order';
import { getOrders } from './get-orders';
import { orderKeys } from './order-schema';

/**
 * Order status is never served from a cache: staleTime 0, refetch on every mount and on focus,
 * HTTP `no-store` (in the API client), and polling on the schedule by status while an order can
 * still change (`@/domain/poll-schedule`). Polling pauses while the tab is hidden
 * (refetchIntervalInBackground: false). A page never asks more than 30 times a minute: polls and
 * focus refetches wait for the budget (a click on Refresh does not).
 */
const watches = new WeakMap<object, WatchState>();
const requests = new WeakMap<object, number[]>();

/** The clock of the schedule; tests replace `Date.now` with fake timers. */
const now = () => Date.now();

function noteRequest(client: QueryClient, queryKey: QueryKey): void {
  const query = client.getQueryCache().find({ queryKey, exact: true });
  if (!query) return;
  const at = now();
  const recent = (requests.get(query) ?? []).filter((time) => time > at - 60_000);
  recent.push(at);
  requests.set(query, recent);
}

function watchInterval<T>(toOrders: (data: T) => readonly Order[]) {
  return (query: Query<T, Error, T, readonly unknown[]>): number | false => {
    const data = query.state.data;
    const { state, delay } = nextPoll(
      watches.get(query),
      data === undefined ? undefined : toOrders(data),
      query.state.dataUpdatedAt,
      now(),
      requests.get(query),
      query.state.errorUpdateCount,
    );
    if (state) watches.set(query, state);
    else watches.delete(query);
    return delay;
  };
}

/**
 * Back on the tab: ask at once, unless this page used its request budget in the last 2 s, or the
 * session cookie expired while the tab was away (the orders would only answer "User not logged
 * in."; the header signs the shopper out on the same focus).
 */
function refetchOnFocus<T>(query: Query<T, Error, T, readonly unknown[]>): 'always' | false {
  if (!isSignedIn()) return false;
  return waitForRateLimit(requests.get(query) ?? [], now()) === 0 ? 'always' : false;
}

const live = {
  staleTime: 0,
  refetchOnMount: 'always',
  refetchIntervalInBackground: false,
} as const;

export const ordersQuery = () =>
  queryOptions({
    queryKey: orderKeys.lists(),
    queryFn: ({ signal, client, queryKey }) => {
      noteRequest(client, queryKey);
      return getOrders(signal);
    },
    refetchInterval: watchInterval<Order[]>((orders) => orders),
    refetchOnWindowFocus: refetchOnFocus<Order[]>,
    ...live,
  });

export const orderQuery = (id: string) =>
  queryOptions({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal, client, queryKey }) => {
      noteRequest(client, queryKey);
      return getOrder(id, signal);
    },
    refetchInterval: watchInterval<Order>((order) => [order]),
    refetchOnWindowFocus: refetchOnFocus<Order>,
    ...live,
  });
