import { nextPollDelay, POLL_FLOOR_MS } from '@/domain/poll-schedule';

/**
 * Follows one order whose payment is not decided yet: asks for its status now and then, and
 * reports each answer. It does not decide anything: the checkout machine does, and whoever
 * started the watch stops it once the machine no longer awaits that order.
 *
 * It asks on the storefront's one poll schedule (`@/domain/poll-schedule`): every 2 s in the
 * first two minutes after the watch started, then backing off; never while the tab is hidden
 * (it looks again as soon as the tab is shown).
 */
export interface OrderWatchOptions<T> {
  orderId: string;
  lookup: () => Promise<readonly T[]>;
  idOf: (order: T) => string;
  onSeen: (order: T) => void;
  /** Delay before the n-th look (0-based), `startedAt` being when the watch started. */
  delayMs?: (looks: number, startedAt: number, now: number) => number;
  now?: () => number;
}

/** The poll schedule of an order still awaiting its payment, placed when the watch started. */
export function watchDelayMs(looks: number, startedAt: number, now: number): number {
  const delay = nextPollDelay([{ status: 'PENDING', placedAt: startedAt }], now, looks);
  return delay === false ? POLL_FLOOR_MS : delay;
}

function tabHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

export function watchOrder<T>({
  orderId,
  lookup,
  idOf,
  onSeen,
  delayMs = watchDelayMs,
  now = Date.now,
}: OrderWatchOptions<T>): () => void {
  const startedAt = now();
  let stopped = false;
  let looks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const whenShown = () => {
    if (tabHidden() || stopped) return;
    document.removeEventListener('visibilitychange', whenShown);
    void look();
  };
  const due = () => {
    if (!tabHidden()) {
      void look();
      return;
    }
    document.addEventListener('visibilitychange', whenShown);
  };
  const look = async () => {
    try {
      const order = (await lookup()).find((candidate) => idOf(candidate) === orderId);
      if (order && !stopped) onSeen(order);
    } catch {
      // Keep watching: the next look may work.
    }
    looks += 1;
    if (!stopped) timer = setTimeout(due, delayMs(looks, startedAt, now()));
  };
  timer = setTimeout(due, delayMs(0, startedAt, now()));
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', whenShown);
    }
  };
}
