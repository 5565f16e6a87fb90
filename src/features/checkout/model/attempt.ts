/**
 * A checkout attempt: one idempotency key for one cart. Pure helpers; the checkout machine keeps
 * the attempt in its state and the checkout store keeps it in sessionStorage.
 */
export interface Attempt {
  key: string;
  /** The cart this key was made for: a changed cart gets a new key. */
  fingerprint: string;
  /** The total the shopper was asked to pay: how the attempt's order is recognised later. */
  total: number;
  startedAt: number;
  /**
   * sending: a request is (or was, if the page was closed mid-payment) under way.
   * unknown: the request ended without a definite answer (timeout, network, 409...).
   * awaiting: the order was saved but its payment is not decided yet (CREATED/PENDING).
   */
  phase: 'sending' | 'unknown' | 'awaiting';
  /** The saved order, while awaiting its payment. */
  orderId?: string;
  /**
   * An answer was lost on the way: whatever is learnt later, the shopper was once told the outcome
   * is unknown, so "not charged" is never said for this attempt.
   */
  uncertain?: boolean;
}

const PHASES: ReadonlySet<unknown> = new Set(['sending', 'unknown', 'awaiting']);

/** Reads an attempt back from storage; anything that is not one is no attempt. */
export function parseAttempt(raw: unknown): Attempt | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = raw as Record<string, unknown>;
  if (
    typeof value.key !== 'string' ||
    typeof value.fingerprint !== 'string' ||
    typeof value.total !== 'number' ||
    typeof value.startedAt !== 'number' ||
    !PHASES.has(value.phase)
  ) {
    return null;
  }
  return {
    key: value.key,
    fingerprint: value.fingerprint,
    total: value.total,
    startedAt: value.startedAt,
    phase: value.phase as Attempt['phase'],
    ...(typeof value.orderId === 'string' ? { orderId: value.orderId } : {}),
    ...(value.uncertain === true ? { uncertain: true } : {}),
  };
}

export function cartFingerprint(
  lines: readonly { itemId: string; quantity: number; unitPrice: number }[],
): string {
  return lines
    .filter((line) => line.quantity > 0)
    .map((line) => `${line.itemId}x${line.quantity}@${Math.round(line.unitPrice * 100)}`)
    .sort()
    .join(',');
}

/**
 * The attempt to send now: the open attempt's key for the same cart (its outcome is unknown, so
 * asking again with the same key can never charge twice), else a fresh key.
 */
export function attemptFor(
  open: Attempt | null,
  cart: { fingerprint: string; total: number },
  freshKey: string,
  now: number,
): Attempt {
  if (open && open.phase !== 'awaiting' && open.fingerprint === cart.fingerprint) {
    return { ...open, phase: 'sending' };
  }
  return { key: freshKey, ...cart, startedAt: now, phase: 'sending' };
}

export interface DatedOrder {
  id: string;
  date: Date | undefined;
  total: number;
}

/**
 * Finds the order an attempt created, if any: the newest order dated from a little before the
 * attempt started, with the attempt's total (to the cent). Sock Shop stores no idempotency key on
 * orders, so this is the best honest match available.
 */
export function findAttemptOrder<T extends DatedOrder>(
  orders: readonly T[],
  attempt: { startedAt: number; total?: number },
  clockSkewMs = 120_000,
): T | undefined {
  const expectedTotal = attempt.total;
  return orders
    .filter((order) => (order.date?.getTime() ?? 0) >= attempt.startedAt - clockSkewMs)
    .filter(
      (order) =>
        expectedTotal === undefined ||
        Math.round(order.total * 100) === Math.round(expectedTotal * 100),
    )
    .sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0))[0];
}
