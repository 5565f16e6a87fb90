import { describeOrderStatus } from '@/domain/order-status';
import { pollDelay } from '@/domain/poll-schedule';

/**
 * Decides, after each answer, whether to ask again and when: while any order in view can still
 * change, poll with backoff (reset when a status changes); once all are terminal, stop.
 */
export interface WatchState {
  signature: string;
  dataUpdatedAt: number;
  unchanged: number;
}

export function statusSignature(orders: readonly { id: string; status: unknown }[]): string {
  return orders.map((order) => `${order.id}:${String(order.status)}`).join('|');
}

export function needsWatching(orders: readonly { status: unknown }[]): boolean {
  return orders.some((order) => !describeOrderStatus(order.status).terminal);
}

/** Returns the next state and the delay before the next poll (false: stop polling). */
export function nextPoll(
  previous: WatchState | undefined,
  orders: readonly { id: string; status: unknown }[] | undefined,
  dataUpdatedAt: number,
): { state: WatchState | undefined; delay: number | false } {
  if (!orders) return { state: previous, delay: pollDelay(previous?.unchanged ?? 0) };
  if (!needsWatching(orders)) return { state: undefined, delay: false };
  const signature = statusSignature(orders);
  let state: WatchState;
  if (!previous || previous.signature !== signature)
    state = { signature, dataUpdatedAt, unchanged: 0 };
  else if (previous.dataUpdatedAt !== dataUpdatedAt)
    state = { signature, dataUpdatedAt, unchanged: previous.unchanged + 1 };
  else state = previous;
  return { state, delay: pollDelay(state.unchanged) };
}
