/**
 * A client-side circuit breaker for payments, as a pure state machine.
 *
 * closed    → payments allowed; consecutive "payment unavailable" outcomes are counted.
 * open      → after `threshold` of them in a row: Place order is blocked until `openUntil`.
 * half-open → the cool-down is over: exactly one probe (the next order, or a health check) may
 *             go; success closes the breaker, failure opens it again.
 *
 * A browser tab sees few calls, so it counts consecutive failures rather than a failure rate.
 */
export type BreakerStatus = 'closed' | 'open' | 'half-open';

export interface BreakerState {
  status: BreakerStatus;
  consecutiveFailures: number;
  /** When an open breaker lets one probe through (epoch ms). */
  openUntil: number;
  /** A probe is under way (half-open lets only one). */
  probing: boolean;
}

export interface BreakerSettings {
  threshold: number;
  cooldownMs: number;
}

export const closedBreaker: BreakerState = {
  status: 'closed',
  consecutiveFailures: 0,
  openUntil: 0,
  probing: false,
};

/** The status at time `now`: an open breaker whose cool-down is over is half-open. */
export function statusAt(state: BreakerState, now: number): BreakerStatus {
  return state.status === 'open' && now >= state.openUntil ? 'half-open' : state.status;
}

/** May an order be placed now? In half-open, only while no probe is under way. */
export function canAttempt(state: BreakerState, now: number): boolean {
  const status = statusAt(state, now);
  return status === 'closed' || (status === 'half-open' && !state.probing);
}

export function attemptStarted(state: BreakerState, now: number): BreakerState {
  return statusAt(state, now) === 'half-open'
    ? { ...state, status: 'half-open', probing: true }
    : state;
}

/** Payment worked (or a health check says payment is up): close. */
export function paymentSucceeded(): BreakerState {
  return closedBreaker;
}

/** Payment unavailable: count it, and open once the threshold is reached (or a probe failed). */
export function paymentFailed(
  state: BreakerState,
  now: number,
  settings: BreakerSettings,
): BreakerState {
  const failures = state.consecutiveFailures + 1;
  const probeFailed = statusAt(state, now) === 'half-open';
  if (probeFailed || failures >= settings.threshold) {
    return {
      status: 'open',
      consecutiveFailures: failures,
      openUntil: now + settings.cooldownMs,
      probing: false,
    };
  }
  return { ...state, consecutiveFailures: failures, probing: false };
}

/** Any outcome that says nothing about the payment service (declined, invalid, network…). */
export function attemptEnded(state: BreakerState): BreakerState {
  return state.probing ? { ...state, probing: false } : state;
}
