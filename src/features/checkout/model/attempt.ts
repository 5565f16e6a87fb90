/**
 * A checkout attempt: one idempotency key for one cart. Pure helpers; the store keeps the state.
 */
export interface Attempt {
  key: string;
  /** The cart this key was made for: a changed cart gets a new key. */
  fingerprint: string;
  /** The total the shopper was asked to pay: how the attempt's order is recognised later. */
  total?: number;
  startedAt: number;
  /**
   * in-flight: a request is (or was, if the page was closed mid-payment) under way.
   * unknown: the request ended without a definite answer (timeout, network, 409...).
   * awaiting: the order was saved but its payment is not decided yet (CREATED/PENDING).
   */
  phase: 'in-flight' | 'unknown' | 'awaiting';
  /** The saved order, while awaiting its payment. */
  orderId?: string;
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

/** The key to use now: the open attempt's key for the same cart, else a fresh one. */
export function attemptFor(
  open: Attempt | null,
  cart: { fingerprint: string; total: number },
  newKey: () => string,
  now: number,
): Attempt {
  if (open && open.fingerprint === cart.fingerprint) return { ...open, phase: 'in-flight' };
  return { key: newKey(), ...cart, startedAt: now, phase: 'in-flight' };
}

export interface FoundOrder {
  id: string;
  date: Date | undefined;
  total: number;
}

/**
 * Finds the order an attempt created, if any: the newest order dated from a little before the
 * attempt started, with the attempt's total (to the cent). Sock Shop stores no idempotency key on
 * orders, so this is the best honest match available.
 */
export function findAttemptOrder<T extends FoundOrder>(
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
