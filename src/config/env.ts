/**
 * Runtime configuration, read once from Vite's env (`VITE_*` variables are inlined at build time).
 * Every value has a safe default so a fresh clone runs without a `.env` file.
 */
function readNumber(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function readBase(raw: string | undefined): string {
  const base = (raw ?? '/api').trim().replace(/\/+$/, '');
  return base === '' ? '' : base.startsWith('/') || /^https?:\/\//.test(base) ? base : `/${base}`;
}

// `?? {}`: the benchmarks import this module outside Vite, where import.meta.env does not exist.
const env: Partial<Record<string, unknown>> = import.meta.env ?? {};

export const config = {
  /** Where the Sock Shop front-end API is reached from the browser (same origin; proxied in dev). */
  apiBase: readBase(env.VITE_API_BASE as string | undefined),
  /** Upper bound for read requests (catalogue, cart, orders), in ms. */
  readTimeoutMs: readNumber(env.VITE_READ_TIMEOUT_MS as string | undefined, 8_000),
  /** Upper bound for placing an order, in ms. Sock Shop's orders service gives up on payment after 5 s. */
  checkoutTimeoutMs: readNumber(env.VITE_CHECKOUT_TIMEOUT_MS as string | undefined, 10_000),
  /** Upper bound for the other writes (cart, sign-in, address, card), in ms. */
  writeTimeoutMs: readNumber(env.VITE_WRITE_TIMEOUT_MS as string | undefined, 10_000),
  /**
   * The amount above which Sock Shop's payment service declines (deployed payment 0.4.3: 100.00).
   * Used only to warn the shopper before they pay and to explain a decline.
   */
  paymentLimit: readNumber(env.VITE_PAYMENT_LIMIT as string | undefined, 100),
  /** Consecutive "payment unavailable" outcomes that open the payment breaker. */
  breakerThreshold: Math.max(1, readNumber(env.VITE_BREAKER_THRESHOLD as string | undefined, 3)),
  /** How long the payment breaker stays open before one probe is allowed, in ms. */
  breakerCooldownMs: readNumber(env.VITE_BREAKER_COOLDOWN_MS as string | undefined, 30_000),
  /**
   * A Sock Shop health endpoint (API-relative path, e.g. `/health`) to warn before paying and to
   * probe the payment service. Real Sock Shop does not expose one; the mock backend does.
   */
  healthPath: (env.VITE_HEALTH_PATH as string | undefined) ?? (__MOCK_API__ ? '/health' : ''),
  /**
   * Retry POST /orders by itself when the answer is lost. Only safe when the backend honours
   * Idempotency-Key (the mock does; upstream Sock Shop does not), so it is off by default.
   */
  autoRetryCheckout: (env.VITE_BACKEND_HONOURS_IDEMPOTENCY as string | undefined) === 'true',
  /** True when the embedded mock backend is bundled (dev and demo builds only). */
  mockApi: __MOCK_API__,
} as const;
