/**
 * Order status: the one place that decides what a shopper is told about an order.
 *
 * The incident's backend sends `status` with CREATED, PENDING, PAID, PAYMENT_FAILED, SHIPPED,
 * DELIVERED or CANCELLED (API reference, section 6). Upstream Sock Shop sends no status at all and
 * stores an order only after payment was authorised (section 3.2). Anything else is unknown.
 *
 * Rules that keep the old "Shipped" lie impossible:
 *  - a positive claim (Paid, Shipped, Delivered) needs the exact canonical value: "shipped",
 *    " SHIPPED" or "Shipped" are not trusted and read as "Status unavailable";
 *  - neutral and negative values (CREATED, PENDING, PAYMENT_FAILED, CANCELLED) are read leniently
 *    (case, spaces, hyphens), because reading them leniently can never over-claim;
 *  - every other value is "Status unavailable" and flagged for reporting, never a positive state.
 */
/**
 * What a shopper reads once their new order's payment is confirmed: in the checkout's answer and
 * on the order's page when checkout opens it.
 */
export const PAID_ORDER_TITLE = 'Thank you! Your order is confirmed and paid.';

export const BACKEND_STATUSES = [
  'CREATED',
  'PENDING',
  'PAID',
  'PAYMENT_FAILED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
] as const;

export type StatusKey =
  | 'created'
  | 'pending'
  | 'paid'
  | 'payment-failed'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  /** No status field: an upstream Sock Shop order, stored only once payment was authorised. */
  | 'paid-untracked'
  /** A value this storefront does not know. */
  | 'unknown';

export type StatusTone = 'neutral' | 'progress' | 'success' | 'danger';

export type StepState = 'done' | 'current' | 'failed' | 'upcoming' | 'skipped' | 'unknown';

export interface TimelineStep {
  id: 'placed' | 'payment' | 'shipped' | 'delivered';
  label: string;
  state: StepState;
}

export interface StatusView {
  key: StatusKey;
  /** Short label for badges and lists. */
  label: string;
  /** A sentence for the shopper, also read by screen readers. */
  description: string;
  tone: StatusTone;
  /** A text glyph shown next to the label, so status never depends on colour alone. */
  symbol: string;
  /** No further change is expected: stop watching. */
  terminal: boolean;
  /** The value as the backend sent it, for telemetry. */
  raw: unknown;
  /** True when the backend sent a value this storefront does not know: report it. */
  unrecognised: boolean;
  timeline: readonly TimelineStep[];
}

type Steps = readonly [StepState, StepState, StepState, StepState];

interface Definition {
  label: string;
  description: string;
  tone: StatusTone;
  symbol: string;
  terminal: boolean;
  steps: Steps;
}

const DEFINITIONS: Record<StatusKey, Definition> = {
  created: {
    label: 'Order received',
    description: 'We have your order and are about to take payment.',
    tone: 'progress',
    symbol: '…',
    terminal: false,
    steps: ['done', 'current', 'upcoming', 'upcoming'],
  },
  pending: {
    label: 'Payment pending',
    description: 'We are waiting for the payment to be confirmed.',
    tone: 'progress',
    symbol: '…',
    terminal: false,
    steps: ['done', 'current', 'upcoming', 'upcoming'],
  },
  paid: {
    label: 'Paid',
    description: 'Payment taken. Your socks are being prepared for shipping.',
    tone: 'success',
    symbol: '✓',
    terminal: false,
    steps: ['done', 'done', 'current', 'upcoming'],
  },
  'payment-failed': {
    label: 'Payment failed',
    description: 'Payment could not be taken, so this order will not ship. You were not charged.',
    tone: 'danger',
    symbol: '✕',
    terminal: true,
    steps: ['done', 'failed', 'skipped', 'skipped'],
  },
  shipped: {
    label: 'Shipped',
    description: 'Your order is on its way.',
    tone: 'success',
    symbol: '✓',
    terminal: false,
    steps: ['done', 'done', 'done', 'current'],
  },
  delivered: {
    label: 'Delivered',
    description: 'Your order has been delivered.',
    tone: 'success',
    symbol: '✓',
    terminal: true,
    steps: ['done', 'done', 'done', 'done'],
  },
  cancelled: {
    label: 'Cancelled',
    description: 'This order was cancelled and will not ship.',
    tone: 'neutral',
    symbol: '–',
    terminal: true,
    steps: ['done', 'skipped', 'skipped', 'skipped'],
  },
  'paid-untracked': {
    label: 'Paid',
    description: 'Payment was authorised. This shop does not report shipping updates.',
    tone: 'success',
    symbol: '✓',
    terminal: true,
    steps: ['done', 'done', 'unknown', 'unknown'],
  },
  unknown: {
    label: 'Status unavailable',
    description: 'We cannot confirm the status of this order right now.',
    tone: 'neutral',
    symbol: '?',
    terminal: false,
    steps: ['done', 'unknown', 'unknown', 'unknown'],
  },
};

const STEP_LABELS: Record<TimelineStep['id'], string> = {
  placed: 'Order placed',
  payment: 'Payment',
  shipped: 'Shipped',
  delivered: 'Delivered',
};

const STEP_IDS = ['placed', 'payment', 'shipped', 'delivered'] as const;

/** Exact values that may make a positive claim. */
const EXACT: Partial<Record<string, StatusKey>> = {
  PAID: 'paid',
  SHIPPED: 'shipped',
  DELIVERED: 'delivered',
};

/** Values read leniently: they never claim progress the order has not made. */
const LENIENT: Partial<Record<string, StatusKey>> = {
  CREATED: 'created',
  PENDING: 'pending',
  PAYMENT_FAILED: 'payment-failed',
  CANCELLED: 'cancelled',
  CANCELED: 'cancelled',
};

function normalise(value: string): string {
  return value
    .trim()
    .replace(/[\s-]+/g, '_')
    .toUpperCase();
}

/** Maps a backend status to its key. Total: any input gives a key. */
export function statusKeyOf(raw: unknown): StatusKey {
  if (raw === undefined || raw === null) return 'paid-untracked';
  if (typeof raw !== 'string') return 'unknown';
  // Stryker disable next-line StringLiteral: unreachable, hasOwn has just found the value
  if (Object.hasOwn(EXACT, raw)) return EXACT[raw] ?? 'unknown';
  const normalised = normalise(raw);
  // Stryker disable next-line StringLiteral: unreachable, hasOwn has just found the value
  if (Object.hasOwn(LENIENT, normalised)) return LENIENT[normalised] ?? 'unknown';
  return 'unknown';
}

export function describeOrderStatus(raw: unknown): StatusView {
  const key = statusKeyOf(raw);
  const definition = DEFINITIONS[key];
  return {
    key,
    label: definition.label,
    description: definition.description,
    tone: definition.tone,
    symbol: definition.symbol,
    terminal: definition.terminal,
    raw,
    unrecognised: key === 'unknown',
    timeline: STEP_IDS.map((id, index) => ({
      id,
      label: STEP_LABELS[id],
      // Stryker disable next-line StringLiteral: unreachable, every definition has all four steps
      state: definition.steps[index] ?? 'unknown',
    })),
  };
}

/** Is the payment of an order with this status confirmed? (Paid, or already shipped/delivered.) */
export function isPaymentConfirmed(raw: unknown): boolean {
  const key = statusKeyOf(raw);
  return key === 'paid' || key === 'paid-untracked' || key === 'shipped' || key === 'delivered';
}
