import { describeOrderStatus, type StatusKey } from './order-status';

/**
 * How often to ask the backend again about orders on screen, by status (not one curve for all).
 *
 * - Payment undecided (CREATED/PENDING) in the first two minutes after the order was placed: every
 *   2.01 s, so a payment outcome is on screen within about 2 s. 2 s is the floor of every delay:
 *   one page never asks more than 30 times a minute.
 * - Payment still undecided later: from 2 s, growing by half each unchanged answer, up to 20 s.
 * - Paid or shipped (waiting for shipping or delivery), or a status this shop does not know: every
 *   20 s, so those changes show within about 20 s however long the page is open; right after a
 *   change seen on the page, from 2 s backing off to 20 s (a change often comes with another).
 * - Settled (payment failed, delivered, cancelled, paid where shipping is not reported): never.
 *
 * The tab-hidden pause is TanStack Query's (refetchIntervalInBackground: false).
 */
export const POLL_FLOOR_MS = 2_000;
export const MAX_REQUESTS_PER_MINUTE = 60_000 / POLL_FLOOR_MS;
export const PAYMENT_WINDOW_MS = 120_000;
/** 2 s plus a margin, so timer jitter never makes 31 requests in a minute. */
export const PAYMENT_POLL_MS = POLL_FLOOR_MS + 10;
export const LATE_PAYMENT_GROWTH = 1.5;
export const LATE_PAYMENT_MAX_MS = 20_000;
export const FULFILMENT_POLL_MS = 20_000;

export type PollPhase = 'payment' | 'late-payment' | 'fulfilment' | 'settled';

export interface WatchedOrder {
  status: unknown;
  /** When the order was placed (epoch ms), as the backend dated it; undefined if unknown. */
  placedAt: number | undefined;
}

const AWAITING_PAYMENT: ReadonlySet<StatusKey> = new Set<StatusKey>(['created', 'pending']);

/** Which part of the schedule an order is in at `now`. */
export function pollPhase(order: WatchedOrder, now: number): PollPhase {
  const view = describeOrderStatus(order.status);
  if (view.terminal) return 'settled';
  if (!AWAITING_PAYMENT.has(view.key)) return 'fulfilment';
  // An unknown date, or one in the future (clock skew), counts as just placed.
  const age = order.placedAt === undefined ? 0 : now - order.placedAt;
  return age < PAYMENT_WINDOW_MS ? 'payment' : 'late-payment';
}

/** 2 s right after a change, then half as long again each unchanged answer. */
function backoff(unchanged: number): number {
  return Math.round(POLL_FLOOR_MS * LATE_PAYMENT_GROWTH ** Math.min(unchanged, 64));
}

function phaseDelay(
  phase: Exclude<PollPhase, 'settled'>,
  unchanged: number,
  afterChange: boolean,
): number {
  switch (phase) {
    case 'payment':
      return PAYMENT_POLL_MS;
    case 'late-payment':
      return Math.min(LATE_PAYMENT_MAX_MS, backoff(unchanged));
    case 'fulfilment':
      return afterChange ? Math.min(FULFILMENT_POLL_MS, backoff(unchanged)) : FULFILMENT_POLL_MS;
  }
}

/**
 * The delay before asking again about `orders` (the soonest any of them needs), or false when all
 * are settled. `unchanged` counts the answers since the statuses last changed or were first seen
 * (0 right after, so a change starts the backoff over); `afterChange` says whether the page has
 * seen a status change (the first answer is not one).
 */
export function nextPollDelay(
  orders: readonly WatchedOrder[],
  now: number,
  unchanged: number,
  afterChange = true,
): number | false {
  const n = Number.isFinite(unchanged) ? Math.max(0, Math.floor(unchanged)) : 0;
  let delay: number | false = false;
  for (const order of orders) {
    const phase = pollPhase(order, now);
    if (phase === 'settled') continue;
    const candidate = phaseDelay(phase, n, afterChange);
    delay = delay === false ? candidate : Math.min(delay, candidate);
  }
  return delay;
}

/**
 * Keeps one page at no more than MAX_REQUESTS_PER_MINUTE: given the times of its recent requests,
 * how long to wait (from `now`) before the next one may go. 0 means it may go now.
 */
export function waitForRateLimit(recent: readonly number[], now: number): number {
  const inWindow = recent.filter((at) => at > now - 60_000 && at <= now).sort((a, b) => a - b);
  const last = inWindow.at(-1);
  const sinceLast = last === undefined ? Infinity : now - last;
  let wait = Math.max(0, POLL_FLOOR_MS - sinceLast);
  if (inWindow.length >= MAX_REQUESTS_PER_MINUTE) {
    const oldest = inWindow[inWindow.length - MAX_REQUESTS_PER_MINUTE];
    // Stryker disable next-line ConditionalExpression: always defined, the window holds at least that many
    if (oldest !== undefined) wait = Math.max(wait, oldest + 60_000 - now);
  }
  return wait;
}

/**
 * A background check of one order whose payment is awaited (the checkout's watcher): about 1 s at
 * first, growing by half each unchanged answer, to at most about 15 s.
 */
export const POLL_FIRST_MS = 1_000;
export const POLL_MAX_MS = 15_000;
export const POLL_GROWTH = 1.5;

export function pollDelay(unchangedPolls: number): number {
  const n = Math.max(0, Math.floor(unchangedPolls));
  return Math.min(POLL_MAX_MS, Math.round(POLL_FIRST_MS * POLL_GROWTH ** n));
}
