import { isPaymentConfirmed, statusKeyOf } from '@/domain/order-status';
import type { ApiErrorKind } from '@/lib/api-error';
import type { TelemetryEvent } from '@/lib/telemetry';
import { type Attempt, attemptFor } from './attempt';
import { isLostAnswer, resendDelayMs } from './resend';

/**
 * Checkout as one machine: `transition(state, event) -> { state, effects }`. Pure: no React, no
 * I/O, no clock, no randomness (the interpreter stamps events with the time and fresh ids).
 *
 * The path of one order, when all goes well:
 *
 *   idle --submit--> checking-session --session-checked--> reading-cart --cart-read (same)-->
 *   locking --lock-acquired--> sending --answer (paid)--> idle, outcome "paid"
 *
 * Everything else that can happen is an event too: the cart read back changed or empty, another
 * tab holding the lock, every kind of failed answer, no answer in time, the order lookup, a
 * watched pending order settling, a reload mid-attempt, the session ending, the payment breaker
 * and health check, the connection. What the shopper reads is decided from `outcome` by
 * `checkout-messages.ts`; what happens in the world is the list of effects.
 *
 * One POST /orders at a time is a property of `step`: `submit` is only accepted in `idle`, and
 * `send-order` is only emitted on the way into `sending`. (Across tabs, the interpreter adds a
 * Web Lock: `locking` waits for it.)
 */

export type Step =
  | 'idle'
  | 'checking-session'
  | 'reading-cart'
  | 'locking'
  | 'sending'
  | 'looking-up'
  /** Paid: the cart is being emptied, then the order's page opens. Nothing can be sent. */
  | 'finishing';

/** A cart as compared by the machine: what the shopper sees, or what the server read back. */
export interface CartSnapshot {
  fingerprint: string;
  total: number;
}

/** An order as the order lookup reports it. */
export interface LookedUpOrder {
  id: string;
  date: Date | undefined;
  total: number;
  status: unknown;
}

export type LookupState = 'checking' | 'none' | 'failed';

/** What the last thing that happened means for the shopper. `checkout-messages.ts` words it. */
export type Outcome =
  /** `watched`: learnt by the pending-order watcher, wherever the shopper is. */
  | { kind: 'paid'; orderId: string; requestId: string; watched?: boolean }
  | { kind: 'awaiting'; orderId: string; requestId: string }
  | { kind: 'declined'; total: number; requestId: string }
  | { kind: 'invalid-order'; requestId: string }
  | {
      kind: 'payment-failed';
      requestId: string;
      /** The order recorded as failed, when known (201 PAYMENT_FAILED, the lookup, the watcher). */
      order?: { id: string };
      /** Looking for the failed order after a 500 that names none. */
      checking: boolean;
      watched?: boolean;
    }
  | { kind: 'not-placed'; requestId: string }
  | { kind: 'cart-changed'; nowEmpty: boolean; requestId: string }
  | { kind: 'key-conflict'; requestId: string }
  | { kind: 'unknown'; lookup: LookupState; requestId: string }
  /** An unknown outcome whose order was found (lookup, or watcher), recorded as failed. */
  | {
      kind: 'unknown-failed';
      order: { id: string; date?: Date; total?: number };
      requestId: string;
      watched?: boolean;
    }
  /** The session ended. `attemptOpen`: an earlier payment's outcome is still unknown. */
  | { kind: 'session-ended'; attemptOpen: boolean; requestId?: string }
  | { kind: 'busy-elsewhere'; requestId: string };

export type BreakerView = { status: 'closed' | 'open' | 'half-open'; openUntil: number };

export interface MachineSettings {
  /** Resends of a lost answer (only for a backend that honours idempotency keys). */
  resendRetries: number;
}

interface Submission {
  /** The cart the shopper saw when they pressed Place order. */
  cart: CartSnapshot;
  requestId: string;
  freshKey: string;
  now: number;
  resends: number;
}

export interface CheckoutState {
  step: Step;
  /** The open attempt (its key), persisted for the tab. Null once an outcome is definite. */
  attempt: Attempt | null;
  outcome: Outcome | null;
  submission: Submission | null;
  breaker: BreakerView;
  online: boolean;
  /**
   * The key of an attempt whose outcome the shopper was told is unknown. Until a definite answer
   * arrives (or a new key is sent), nothing on screen may say "not charged".
   */
  uncertainKey: string | null;
  /** The checkout page is open (a paid order then opens its order page). */
  checkoutOpen: boolean;
  settings: MachineSettings;
}

export type SubmitVia = 'click' | 'enter' | 'keyboard';

export type CheckoutEvent =
  /** Place order (click or Enter). Stamped by the interpreter with the time and fresh ids. */
  | {
      type: 'submit';
      via: SubmitVia;
      cart: CartSnapshot;
      requestId: string;
      freshKey: string;
      now: number;
    }
  | { type: 'session-checked'; active: boolean }
  /** The session cookie is gone, or the shop answered "User not logged in.". */
  | { type: 'session-ended' }
  /** The server's cart, read back just before paying (empty: fingerprint ''). */
  | { type: 'cart-read'; cart: CartSnapshot }
  | { type: 'cart-read-failed'; kind: ApiErrorKind; requestId: string }
  | { type: 'lock-acquired' }
  /** Another tab of this shopper is placing an order. */
  | { type: 'lock-busy' }
  | { type: 'answer'; requestId: string; order: { id: string; status?: string | null } }
  | { type: 'answer-failed'; requestId: string; kind: ApiErrorKind; httpStatus?: number }
  | { type: 'lookup-done'; found: LookedUpOrder | null }
  | { type: 'lookup-failed'; kind: ApiErrorKind }
  /** The pending-order watcher saw the awaited order's status. */
  | { type: 'order-seen'; orderId: string; status: unknown }
  | { type: 'cart-emptied' }
  /** The page (re)loaded: the tab's stored attempt. */
  | { type: 'restored'; attempt: Attempt | null }
  | { type: 'checkout-opened' }
  | { type: 'checkout-closed' }
  | { type: 'breaker-changed'; breaker: BreakerView }
  | { type: 'health-reported'; health: 'up' | 'down' | 'unknown'; at: number }
  | { type: 'online-changed'; online: boolean };

export type BreakerSignal =
  'attempt-started' | 'payment-worked' | 'payment-unavailable' | 'attempt-ended';

export type CheckoutEffect =
  | { type: 'check-session' }
  | { type: 'read-cart' }
  | { type: 'acquire-lock' }
  | { type: 'release-lock' }
  | { type: 'send-order'; key: string; requestId: string; delayMs: number }
  /** Keep (or renew, or drop) the tab's attempt key in storage. */
  | { type: 'save-attempt'; attempt: Attempt | null }
  | { type: 'look-up-orders'; startedAt: number; total: number }
  | { type: 'tell-breaker'; signal: BreakerSignal }
  | { type: 'track'; event: TelemetryEvent }
  | { type: 'empty-cart' }
  | { type: 'refresh-cart' }
  | { type: 'open-order'; orderId: string }
  /** Switch the storefront to signed out: header, caches, the stale cookie. */
  | { type: 'end-session' };

export interface Transition {
  state: CheckoutState;
  effects: CheckoutEffect[];
}

export const closedBreakerView: BreakerView = { status: 'closed', openUntil: 0 };

export function initialCheckoutState(
  settings: MachineSettings = { resendRetries: 0 },
): CheckoutState {
  return {
    step: 'idle',
    attempt: null,
    outcome: null,
    submission: null,
    breaker: closedBreakerView,
    online: true,
    uncertainKey: null,
    checkoutOpen: false,
    settings,
  };
}

/** Answers after which nobody knows whether the order was placed and paid. */
const UNKNOWN_KINDS: ReadonlySet<ApiErrorKind> = new Set([
  'upstream-timeout',
  'network',
  'timeout',
  'conflict',
  'malformed',
]);

export function isUnknownOutcomeKind(kind: ApiErrorKind): boolean {
  return UNKNOWN_KINDS.has(kind);
}

export function isAwaitingPayment(state: CheckoutState): boolean {
  return state.attempt?.phase === 'awaiting';
}

/**
 * May Place order be pressed? Never while an order is being placed or looked up, while an order
 * awaits its payment, while the payment breaker is open, or offline. (The page adds its own
 * reasons: an empty cart, missing details.)
 */
export function canSubmit(state: CheckoutState): boolean {
  return (
    state.step === 'idle' &&
    !isAwaitingPayment(state) &&
    state.breaker.status !== 'open' &&
    state.online
  );
}

const unchanged = (state: CheckoutState): Transition => ({ state, effects: [] });

/** Leaves whatever the submission was doing; the lock is given back if it was taken or asked for. */
function settle(
  state: CheckoutState,
  patch: Partial<CheckoutState>,
  effects: CheckoutEffect[],
): Transition {
  const holdsLock = state.step === 'locking' || state.step === 'sending';
  return {
    state: { ...state, step: 'idle', submission: null, ...patch },
    effects: holdsLock ? [{ type: 'release-lock' }, ...effects] : effects,
  };
}

function sessionEnded(state: CheckoutState, requestId?: string): Transition {
  // A paid order stays paid: "nothing was ordered" would be false. Only the session goes.
  if (state.outcome?.kind === 'paid') return { state, effects: [{ type: 'end-session' }] };
  // An earlier order still open (unknown, or awaiting payment): "nothing was ordered" would be false.
  const attemptOpen = state.attempt !== null || state.uncertainKey !== null;
  return settle(
    state,
    {
      outcome: { kind: 'session-ended', attemptOpen, ...(requestId ? { requestId } : {}) },
    },
    [{ type: 'end-session' }],
  );
}

/** A paid order, however we learnt it: the attempt is over, the cart is emptied. */
function paid(state: CheckoutState, orderId: string, requestId: string): Transition {
  const next = settle(
    state,
    { attempt: null, uncertainKey: null, outcome: { kind: 'paid', orderId, requestId } },
    [
      { type: 'tell-breaker', signal: 'payment-worked' },
      { type: 'track', event: { type: 'checkout_succeeded', requestId, orderId } },
      { type: 'empty-cart' },
    ],
  );
  return { ...next, state: { ...next.state, step: 'finishing' } };
}

/** The page opened, or the tab reloaded with the page open: resume an attempt cut off mid-POST. */
function opened(state: CheckoutState): Transition {
  const shown: CheckoutState = {
    ...state,
    checkoutOpen: true,
    // A message belongs to the visit that caused it; a new visit starts clean.
    outcome: state.step === 'idle' ? null : state.outcome,
  };
  const attempt = shown.attempt;
  if (shown.step !== 'idle' || attempt?.phase !== 'sending') return unchanged(shown);
  // The page was closed or reloaded while this attempt's POST was in flight: its outcome is unknown.
  return {
    state: {
      ...shown,
      step: 'looking-up',
      attempt: { ...attempt, phase: 'unknown', uncertain: true },
      uncertainKey: attempt.key,
      outcome: { kind: 'unknown', lookup: 'checking', requestId: attempt.key },
    },
    effects: [{ type: 'look-up-orders', startedAt: attempt.startedAt, total: attempt.total }],
  };
}

function failureEvent(
  submission: Submission,
  attempt: Attempt,
  kind: string,
  extra: { httpStatus?: number; orderId?: string } = {},
): CheckoutEffect {
  return {
    type: 'track',
    event: {
      type: 'checkout_failed',
      kind,
      requestId: submission.requestId,
      idempotencyKey: attempt.key,
      ...(extra.httpStatus !== undefined ? { httpStatus: extra.httpStatus } : {}),
      ...(extra.orderId !== undefined ? { orderId: extra.orderId } : {}),
    },
  };
}

function answered(
  state: CheckoutState,
  submission: Submission,
  attempt: Attempt,
  order: { id: string; status?: string | null },
): Transition {
  const requestId = submission.requestId;
  if (isPaymentConfirmed(order.status)) return paid(state, order.id, requestId);
  // A definite answer for this key: whatever was unknown before is known now.
  const known: Attempt = { ...attempt };
  delete known.uncertain;
  if (statusKeyOf(order.status) === 'payment-failed') {
    return settle(
      state,
      {
        attempt: null,
        uncertainKey: null,
        outcome: { kind: 'payment-failed', order: { id: order.id }, checking: false, requestId },
      },
      [
        { type: 'tell-breaker', signal: 'payment-unavailable' },
        failureEvent(submission, attempt, 'payment-unavailable', { orderId: order.id }),
        { type: 'refresh-cart' },
      ],
    );
  }
  // Saved, payment not decided yet: not a success. Keep the key and the cart; watch the order.
  return settle(
    state,
    {
      attempt: { ...known, phase: 'awaiting', orderId: order.id },
      uncertainKey: null,
      outcome: { kind: 'awaiting', orderId: order.id, requestId },
    },
    [{ type: 'tell-breaker', signal: 'attempt-ended' }, { type: 'refresh-cart' }],
  );
}

function answerFailed(
  state: CheckoutState,
  submission: Submission,
  attempt: Attempt,
  kind: ApiErrorKind,
  httpStatus: number | undefined,
): Transition {
  const requestId = submission.requestId;
  if (isLostAnswer(kind) && submission.resends < state.settings.resendRetries) {
    return {
      state: { ...state, submission: { ...submission, resends: submission.resends + 1 } },
      effects: [
        {
          type: 'send-order',
          key: attempt.key,
          requestId,
          delayMs: resendDelayMs(submission.resends),
        },
      ],
    };
  }
  const tracked = failureEvent(submission, attempt, kind, { httpStatus });
  const breaker: CheckoutEffect = {
    type: 'tell-breaker',
    signal: kind === 'payment-unavailable' ? 'payment-unavailable' : 'attempt-ended',
  };
  if (isUnknownOutcomeKind(kind)) {
    // Nobody knows whether it was placed: keep the key (asking again cannot charge twice) and look.
    const next = settle(
      state,
      {
        attempt: { ...attempt, phase: 'unknown', uncertain: true },
        uncertainKey: attempt.key,
        outcome: { kind: 'unknown', lookup: 'checking', requestId },
      },
      [
        breaker,
        tracked,
        { type: 'look-up-orders', startedAt: attempt.startedAt, total: attempt.total },
      ],
    );
    return { ...next, state: { ...next.state, step: 'looking-up' } };
  }
  switch (kind) {
    case 'not-signed-in':
    case 'unauthorized': {
      const next = sessionEnded({ ...state, attempt: null, uncertainKey: null }, requestId);
      return { ...next, effects: [...next.effects, breaker, tracked] };
    }
    case 'payment-unavailable': {
      // Sock Shop's 500 names no order; a backend that records failed orders may have one.
      const next = settle(
        state,
        {
          attempt: null,
          uncertainKey: null,
          outcome: { kind: 'payment-failed', checking: true, requestId },
        },
        [
          breaker,
          tracked,
          { type: 'look-up-orders', startedAt: attempt.startedAt, total: attempt.total },
          { type: 'refresh-cart' },
        ],
      );
      return { ...next, state: { ...next.state, step: 'looking-up' } };
    }
    default:
      return settle(
        state,
        { attempt: null, uncertainKey: null, outcome: definiteFailure(kind, attempt, requestId) },
        [breaker, tracked, { type: 'refresh-cart' }],
      );
  }
}

function definiteFailure(kind: ApiErrorKind, attempt: Attempt, requestId: string): Outcome {
  switch (kind) {
    case 'payment-declined':
      return { kind: 'declined', total: attempt.total, requestId };
    case 'invalid-order':
      return { kind: 'invalid-order', requestId };
    case 'unprocessable':
      return { kind: 'key-conflict', requestId };
    default:
      return { kind: 'not-placed', requestId };
  }
}

function lookupDone(state: CheckoutState, found: LookedUpOrder | null): Transition {
  const outcome = state.outcome;
  if (outcome?.kind !== 'unknown' && outcome?.kind !== 'payment-failed') return unchanged(state);
  const requestId = outcome.requestId;
  if (found && isPaymentConfirmed(found.status)) return paid(state, found.id, requestId);
  if (outcome.kind === 'payment-failed') {
    const failed = found !== null && statusKeyOf(found.status) === 'payment-failed';
    return settle(
      state,
      { outcome: { ...outcome, checking: false, ...(failed ? { order: { id: found.id } } : {}) } },
      [],
    );
  }
  if (!found) return settle(state, { outcome: { ...outcome, lookup: 'none' } }, []);
  const attempt = state.attempt;
  if (statusKeyOf(found.status) === 'payment-failed' || !attempt) {
    return settle(
      state,
      { attempt: null, outcome: { kind: 'unknown-failed', order: found, requestId } },
      [],
    );
  }
  // Found, payment not decided yet: the same as a 201 PENDING answer.
  return settle(
    state,
    {
      attempt: { ...attempt, phase: 'awaiting', orderId: found.id },
      outcome: { kind: 'awaiting', orderId: found.id, requestId },
    },
    [],
  );
}

function lookupFailed(state: CheckoutState, kind: ApiErrorKind): Transition {
  const outcome = state.outcome;
  if (kind === 'not-signed-in' || kind === 'unauthorized') return sessionEnded(state);
  if (outcome?.kind === 'unknown') {
    return settle(state, { outcome: { ...outcome, lookup: 'failed' } }, []);
  }
  if (outcome?.kind === 'payment-failed') {
    return settle(state, { outcome: { ...outcome, checking: false } }, []);
  }
  return settle(state, {}, []);
}

function orderSeen(state: CheckoutState, orderId: string, status: unknown): Transition {
  const attempt = state.attempt;
  // (An order awaiting payment blocks Place order, so the machine is idle here.)
  if (attempt?.phase !== 'awaiting' || attempt.orderId !== orderId || state.step !== 'idle') {
    return unchanged(state);
  }
  if (isPaymentConfirmed(status)) {
    const next = paid(state, orderId, attempt.key);
    return {
      ...next,
      state: {
        ...next.state,
        outcome: { kind: 'paid', orderId, requestId: attempt.key, watched: true },
      },
    };
  }
  if (statusKeyOf(status) !== 'payment-failed') return unchanged(state);
  return settle(
    state,
    {
      attempt: null,
      outcome: attempt.uncertain
        ? { kind: 'unknown-failed', order: { id: orderId }, requestId: attempt.key, watched: true }
        : {
            kind: 'payment-failed',
            order: { id: orderId },
            checking: false,
            requestId: attempt.key,
            watched: true,
          },
    },
    [
      { type: 'tell-breaker', signal: 'payment-unavailable' },
      {
        type: 'track',
        event: {
          type: 'checkout_failed',
          kind: 'payment-unavailable',
          requestId: attempt.key,
          idempotencyKey: attempt.key,
          orderId,
        },
      },
      { type: 'refresh-cart' },
    ],
  );
}

function step(state: CheckoutState, event: CheckoutEvent): Transition {
  const { submission, attempt } = state;
  switch (event.type) {
    case 'submit':
      if (!canSubmit(state) || event.cart.fingerprint === '') return unchanged(state);
      return {
        state: {
          ...state,
          step: 'checking-session',
          outcome: null,
          submission: {
            cart: event.cart,
            requestId: event.requestId,
            freshKey: event.freshKey,
            now: event.now,
            resends: 0,
          },
        },
        effects: [{ type: 'check-session' }],
      };

    case 'session-checked':
      if (state.step !== 'checking-session') return unchanged(state);
      if (!event.active) return sessionEnded(state);
      return { state: { ...state, step: 'reading-cart' }, effects: [{ type: 'read-cart' }] };

    case 'session-ended':
      // A POST in flight is decided by its answer (a "not logged in" answer ends the session).
      if (state.step === 'sending') return unchanged(state);
      return sessionEnded(state);

    case 'cart-read': {
      if (state.step !== 'reading-cart' || !submission) return unchanged(state);
      if (event.cart.fingerprint !== submission.cart.fingerprint) {
        return settle(
          state,
          {
            outcome: {
              kind: 'cart-changed',
              nowEmpty: event.cart.fingerprint === '',
              requestId: submission.requestId,
            },
          },
          [{ type: 'refresh-cart' }],
        );
      }
      return { state: { ...state, step: 'locking' }, effects: [{ type: 'acquire-lock' }] };
    }

    case 'cart-read-failed':
      if (state.step !== 'reading-cart') return unchanged(state);
      if (event.kind === 'not-signed-in' || event.kind === 'unauthorized') {
        return sessionEnded(state, event.requestId);
      }
      // Without the server's cart we cannot know what would be ordered: nothing is sent.
      return settle(state, { outcome: { kind: 'not-placed', requestId: event.requestId } }, []);

    case 'lock-busy':
      if (state.step !== 'locking' || !submission) return unchanged(state);
      return {
        state: {
          ...state,
          step: 'idle',
          submission: null,
          outcome: { kind: 'busy-elsewhere', requestId: submission.requestId },
        },
        effects: [],
      };

    case 'lock-acquired': {
      if (state.step !== 'locking' || !submission) {
        // The submission ended while the lock was on its way: give it back.
        return { state, effects: [{ type: 'release-lock' }] };
      }
      const sending = attemptFor(attempt, submission.cart, submission.freshKey, submission.now);
      return {
        state: {
          ...state,
          step: 'sending',
          attempt: sending,
          // A new key is a new order: an older unknown outcome no longer colours what is said.
          uncertainKey: state.uncertainKey === sending.key ? state.uncertainKey : null,
        },
        effects: [
          { type: 'tell-breaker', signal: 'attempt-started' },
          {
            type: 'track',
            event: {
              type: 'checkout_started',
              idempotencyKey: sending.key,
              requestId: submission.requestId,
            },
          },
          { type: 'send-order', key: sending.key, requestId: submission.requestId, delayMs: 0 },
        ],
      };
    }

    case 'answer':
      if (state.step !== 'sending' || !submission || !attempt) return unchanged(state);
      if (event.requestId !== submission.requestId) return unchanged(state);
      return answered(state, submission, attempt, event.order);

    case 'answer-failed':
      if (state.step !== 'sending' || !submission || !attempt) return unchanged(state);
      if (event.requestId !== submission.requestId) return unchanged(state);
      return answerFailed(state, submission, attempt, event.kind, event.httpStatus);

    case 'lookup-done':
      if (state.step !== 'looking-up') return unchanged(state);
      return lookupDone(state, event.found);

    case 'lookup-failed':
      if (state.step !== 'looking-up') return unchanged(state);
      return lookupFailed(state, event.kind);

    case 'order-seen':
      return orderSeen(state, event.orderId, event.status);

    case 'cart-emptied': {
      const outcome = state.outcome;
      if (state.step !== 'finishing' || outcome?.kind !== 'paid') return unchanged(state);
      const done = { ...state, step: 'idle' as const };
      if (!state.checkoutOpen) return unchanged(done);
      return { state: done, effects: [{ type: 'open-order', orderId: outcome.orderId }] };
    }

    case 'restored': {
      const restored = event.attempt;
      const fresh: CheckoutState = {
        ...initialCheckoutState(state.settings),
        attempt: restored,
        uncertainKey:
          restored && (restored.uncertain === true || restored.phase !== 'awaiting')
            ? restored.key
            : null,
        breaker: state.breaker,
        online: state.online,
      };
      return state.checkoutOpen ? opened(fresh) : unchanged(fresh);
    }

    case 'checkout-opened':
      return opened(state);

    case 'checkout-closed':
      return unchanged({ ...state, checkoutOpen: false });

    case 'breaker-changed':
      return unchanged({ ...state, breaker: event.breaker });

    case 'health-reported': {
      // After the cool-down, a fresh health answer is the breaker's probe (when no order is one).
      const probing = state.step === 'locking' || state.step === 'sending';
      if (
        state.breaker.status !== 'half-open' ||
        probing ||
        event.at < state.breaker.openUntil ||
        event.health === 'unknown'
      ) {
        return unchanged(state);
      }
      return {
        state,
        effects: [
          {
            type: 'tell-breaker',
            signal: event.health === 'up' ? 'payment-worked' : 'payment-unavailable',
          },
        ],
      };
    }

    case 'online-changed':
      return unchanged({ ...state, online: event.online });
  }
}

/**
 * The machine. Every change of the attempt is followed by a `save-attempt` effect, so the tab's
 * stored key is always the machine's.
 */
export function transition(state: CheckoutState, event: CheckoutEvent): Transition {
  const next = step(state, event);
  if (next.state.attempt === state.attempt) return next;
  return {
    ...next,
    effects: [...next.effects, { type: 'save-attempt', attempt: next.state.attempt }],
  };
}
