/**
 * Follows one order whose payment is not decided yet: asks for its status now and then, and
 * reports each answer. It does not decide anything: the checkout machine does, and whoever
 * started the watch stops it once the machine no longer awaits that order.
 */
export interface OrderWatchOptions<T> {
  orderId: string;
  lookup: () => Promise<readonly T[]>;
  idOf: (order: T) => string;
  onSeen: (order: T) => void;
  /** Delay before the n-th look (0-based). */
  delayMs?: (looks: number) => number;
}

/** About 1 s at first, growing by half each look, up to 15 s. */
export function watchDelayMs(looks: number): number {
  return Math.min(15_000, Math.round(1_000 * 1.5 ** Math.min(looks, 20)));
}

export function watchOrder<T>({
  orderId,
  lookup,
  idOf,
  onSeen,
  delayMs = watchDelayMs,
}: OrderWatchOptions<T>): () => void {
  let stopped = false;
  let looks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = async () => {
    try {
      const order = (await lookup()).find((candidate) => idOf(candidate) === orderId);
      if (order && !stopped) onSeen(order);
    } catch {
      // Keep watching: the next look may work.
    }
    looks += 1;
    if (!stopped) timer = setTimeout(() => void look(), delayMs(looks));
  };
  timer = setTimeout(() => void look(), delayMs(0));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
