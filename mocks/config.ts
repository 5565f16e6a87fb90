/**
 * Knobs of the mock backend. Every delay is configurable so tests can shrink it.
 * `resetMockConfig()` (called by `resetDb()`) restores the defaults and the real clock.
 */
export interface MockConfig {
  /** Payment service: authorised iff amount <= this (deployed payment 0.4.3 uses 100; HEAD uses 105). */
  declineOverAmount: number;
  /** The orders service stops waiting for payment after this long (`http.timeout`, 5 s). */
  paymentTimeoutMs: number;
  /** `orders-slow`: how long POST /orders takes to answer (longer than a 10 s storefront timeout). */
  ordersSlowMs: number;
  /** `payment-recovers`: payment is down for this long after the scenario is selected. */
  paymentRecoversAfterMs: number;
  /** `payment-flaky`: seed of the deterministic generator and the share of failing payments. */
  flakySeed: number;
  flakyFailureRate: number;
  /** Time from order creation until payment is authorised (PENDING shows meanwhile). */
  pendingMs: number;
  /** Time from PAID to SHIPPED and from PAID to DELIVERED. */
  shippedAfterMs: number;
  deliveredAfterMs: number;
  /** `status-progression`: each step (PENDING→PAID→SHIPPED→DELIVERED) takes this long. */
  progressionStepMs: number;
  /** Upstream Sock Shop: no `status` field, failed orders are not saved. */
  legacy: boolean;
  /** Extra latency added to every mocked answer (0 in tests). */
  latencyMs: number;
}

export const defaultMockConfig: Readonly<MockConfig> = Object.freeze({
  declineOverAmount: 100,
  paymentTimeoutMs: 5_000,
  ordersSlowMs: 15_000,
  paymentRecoversAfterMs: 30_000,
  flakySeed: 20251030,
  flakyFailureRate: 0.5,
  pendingMs: 0,
  shippedAfterMs: 20_000,
  deliveredAfterMs: 40_000,
  progressionStepMs: 3_000,
  legacy: false,
  latencyMs: 0,
});

let current: MockConfig = { ...defaultMockConfig };

export function getMockConfig(): Readonly<MockConfig> {
  return current;
}

export function configureMock(patch: Partial<MockConfig>): void {
  current = { ...current, ...patch };
}

type Clock = () => number;
let clock: Clock | null = null;

/** The mock's "now" in epoch ms. `Date.now()` unless a clock was injected (vi fake timers also work). */
export function mockNow(): number {
  return clock ? clock() : Date.now();
}

/** Injects a clock (e.g. `() => fixedTime`), or restores the real one with `null`. */
export function setMockClock(next: Clock | null): void {
  clock = next;
}

export function resetMockConfig(): void {
  current = { ...defaultMockConfig };
  clock = null;
}

/** A timer-based pause (honours vi fake timers). */
export function sleep(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
