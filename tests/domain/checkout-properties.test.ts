import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Attempt } from '@/features/checkout/model/attempt';
import {
  type CheckoutEffect,
  type CheckoutEvent,
  type CheckoutState,
  canSubmit,
  initialCheckoutState,
  isUnknownOutcomeKind,
  transition,
} from '@/features/checkout/model/checkout-machine';
import {
  breakerMessage,
  checkoutMessage,
  messageText,
  pendingOrderNotice,
} from '@/features/checkout/model/checkout-messages';
import type { ApiErrorKind } from '@/lib/api-error';

/**
 * Model-based property test of the checkout machine: random sequences of everything that can
 * happen (clicks, answers, lookups, reloads, the session ending, the breaker...), played against
 * a small model of the world (the server, the tab's storage), checking the machine's promises
 * after every step. fast-check prints the seed and the shrunk sequence of any failure; replay it
 * with `fc.assert(..., { seed, path })`.
 */

// 10,000 by default; a mutation run may ask for fewer (CHECKOUT_PROPERTY_RUNS) to stay quick.
const NUM_RUNS = Number(process.env.CHECKOUT_PROPERTY_RUNS ?? 10_000);

const KINDS: ApiErrorKind[] = [
  'payment-declined',
  'invalid-order',
  'payment-unavailable',
  'upstream-timeout',
  'service-unavailable',
  'not-signed-in',
  'unauthorized',
  'not-found',
  'conflict',
  'unprocessable',
  'server',
  'network',
  'timeout',
  'malformed',
];
const STATUSES = ['PAID', 'PENDING', 'CREATED', 'PAYMENT_FAILED', 'SHIPPED', 'REFUNDED', null];
const PAID_STATUSES = new Set<unknown>(['PAID', 'SHIPPED', null, undefined]);

type Command =
  /** Whatever the machine is waiting for (so random runs get deep), picked with `pick`. */
  | { t: 'next'; pick: number }
  | { t: 'submit'; cart: 'shown' | 'other' | 'empty' }
  | { t: 'session'; active: boolean }
  | { t: 'session-ended' }
  | { t: 'cart-read'; result: 'same' | 'changed' | 'empty' }
  | { t: 'cart-read-failed'; kind: ApiErrorKind }
  | { t: 'lock'; free: boolean }
  | { t: 'answer'; status: string | null; stray: boolean }
  | { t: 'answer-failed'; kind: ApiErrorKind; stray: boolean }
  | { t: 'lookup'; status: string | null; found: boolean }
  | { t: 'lookup-failed'; kind: ApiErrorKind }
  | { t: 'order-seen'; status: string | null; same: boolean }
  | { t: 'cart-emptied' }
  | { t: 'reload' }
  | { t: 'open' }
  | { t: 'close' }
  | { t: 'breaker'; status: 'closed' | 'open' | 'half-open' }
  | { t: 'health'; health: 'up' | 'down' | 'unknown'; late: boolean }
  | { t: 'online'; online: boolean };

const kind = fc.constantFrom(...KINDS);
const status = fc.constantFrom(...STATUSES);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({ t: fc.constant('next' as const), pick: fc.nat({ max: 1_000 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('submit' as const),
      cart: fc.constantFrom('shown' as const, 'other' as const, 'empty' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('session' as const),
      active: fc.constantFrom(true, true, false),
    }),
  },
  fc.constant({ t: 'session-ended' as const }),
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('cart-read' as const),
      result: fc.constantFrom(
        'same' as const,
        'same' as const,
        'changed' as const,
        'empty' as const,
      ),
    }),
  },
  fc.record({ t: fc.constant('cart-read-failed' as const), kind }),
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('lock' as const),
      free: fc.constantFrom(true, true, false),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('answer' as const), status, stray: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('answer-failed' as const), kind, stray: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('lookup' as const), status, found: fc.boolean() }),
  },
  fc.record({ t: fc.constant('lookup-failed' as const), kind }),
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('order-seen' as const), status, same: fc.boolean() }),
  },
  fc.constant({ t: 'cart-emptied' as const }),
  fc.constant({ t: 'reload' as const }),
  fc.constant({ t: 'open' as const }),
  fc.constant({ t: 'close' as const }),
  fc.record({
    t: fc.constant('breaker' as const),
    status: fc.constantFrom('closed' as const, 'open' as const, 'half-open' as const),
  }),
  fc.record({
    t: fc.constant('health' as const),
    health: fc.constantFrom('up' as const, 'down' as const, 'unknown' as const),
    late: fc.boolean(),
  }),
  fc.record({ t: fc.constant('online' as const), online: fc.boolean() }),
);

const SHOWN = { fingerprint: 'sockx1@799', total: 12.98 };
const OTHER = { fingerprint: 'sockx2@799', total: 20.97 };
const NOT_CHARGED = /not (been )?charged|nothing was charged/i;

/** The world around the machine, and what it has seen so far. */
class World {
  state: CheckoutState = transition(initialCheckoutState({ resendRetries: 1 }), {
    type: 'checkout-opened',
  }).state;
  /** The POST /orders in flight (its request id and key), as the server sees it. */
  inFlight: { requestId: string; key: string } | null = null;
  /** What the tab's storage holds (the last save-attempt). */
  stored: Attempt | null = null;
  /** Keys sent, and whether their outcome is known. */
  keys = new Map<string, 'in-flight' | 'unknown' | 'definite'>();
  /** Orders the server reported paid. */
  paidOrders = new Set<string>();
  /** The shopper was told the outcome is unknown (and no definite answer since). */
  toldUnknown = false;
  /** The session was confirmed since the last accepted submit. */
  sessionConfirmed = false;
  breaker: 'closed' | 'open' | 'half-open' = 'closed';
  ids = 0;
  orderIds = 0;

  private fresh(prefix: string) {
    this.ids += 1;
    return `${prefix}-${this.ids}`;
  }

  /** The event a command stands for, given the machine's state (answers go to what is in flight). */
  eventFor(command: Command): { event: CheckoutEvent; paidSignal: boolean; stray: boolean } {
    const s = this.state;
    const plain = (event: CheckoutEvent) => ({ event, paidSignal: false, stray: false });
    switch (command.t) {
      case 'next':
        return this.eventFor(this.nextCommand(command.pick));
      case 'submit': {
        const cart =
          command.cart === 'shown'
            ? SHOWN
            : command.cart === 'other'
              ? OTHER
              : { fingerprint: '', total: 4.99 };
        return plain({
          type: 'submit',
          via: 'click',
          cart,
          requestId: this.fresh('req'),
          freshKey: this.fresh('key'),
          now: this.ids,
        });
      }
      case 'session':
        return plain({ type: 'session-checked', active: command.active });
      case 'session-ended':
        return plain({ type: 'session-ended' });
      case 'cart-read': {
        const shown = s.submission?.cart ?? SHOWN;
        const cart =
          command.result === 'same'
            ? shown
            : command.result === 'changed'
              ? { fingerprint: `${shown.fingerprint}+`, total: 1 }
              : { fingerprint: '', total: 0 };
        return plain({ type: 'cart-read', cart });
      }
      case 'cart-read-failed':
        return plain({
          type: 'cart-read-failed',
          kind: command.kind,
          requestId: this.fresh('req'),
        });
      case 'lock':
        return plain(command.free ? { type: 'lock-acquired' } : { type: 'lock-busy' });
      case 'answer': {
        this.orderIds += 1;
        const id = `order-${this.orderIds}`;
        const stray = command.stray || !this.inFlight;
        const requestId = stray ? 'stray' : (this.inFlight?.requestId ?? 'stray');
        return {
          event: { type: 'answer', requestId, order: { id, status: command.status } },
          paidSignal: !stray && PAID_STATUSES.has(command.status),
          stray,
        };
      }
      case 'answer-failed': {
        const stray = command.stray || !this.inFlight;
        const requestId = stray ? 'stray' : (this.inFlight?.requestId ?? 'stray');
        return {
          event: { type: 'answer-failed', requestId, kind: command.kind },
          paidSignal: false,
          stray,
        };
      }
      case 'lookup': {
        this.orderIds += 1;
        const found = command.found
          ? {
              id: `order-${this.orderIds}`,
              date: new Date(0),
              total: 12.98,
              status: command.status,
            }
          : null;
        return {
          event: { type: 'lookup-done', found },
          paidSignal: found !== null && PAID_STATUSES.has(command.status),
          stray: false,
        };
      }
      case 'lookup-failed':
        return plain({ type: 'lookup-failed', kind: command.kind });
      case 'order-seen': {
        const orderId = command.same && s.attempt?.orderId ? s.attempt.orderId : 'some-other-order';
        return {
          event: { type: 'order-seen', orderId, status: command.status },
          paidSignal: PAID_STATUSES.has(command.status),
          stray: false,
        };
      }
      case 'cart-emptied':
        return plain({ type: 'cart-emptied' });
      case 'reload':
        return plain({ type: 'restored', attempt: this.stored });
      case 'open':
        return plain({ type: 'checkout-opened' });
      case 'close':
        return plain({ type: 'checkout-closed' });
      case 'breaker':
        return plain({
          type: 'breaker-changed',
          breaker: { status: command.status, openUntil: 100 },
        });
      case 'health':
        return plain({
          type: 'health-reported',
          health: command.health,
          at: command.late ? 200 : 50,
        });
      case 'online':
        return plain({ type: 'online-changed', online: command.online });
    }
  }

  /** The command that moves the machine along from where it is. */
  nextCommand(pick: number): Command {
    const choose = <T>(options: readonly T[]): T => options[pick % options.length] as T;
    switch (this.state.step) {
      case 'idle':
        return this.state.attempt?.phase === 'awaiting'
          ? { t: 'order-seen', status: choose(STATUSES), same: true }
          : { t: 'submit', cart: choose(['shown', 'shown', 'other'] as const) };
      case 'checking-session':
        return { t: 'session', active: pick % 8 !== 0 };
      case 'reading-cart':
        return {
          t: 'cart-read',
          result: choose(['same', 'same', 'same', 'same', 'changed', 'empty'] as const),
        };
      case 'locking':
        return { t: 'lock', free: pick % 8 !== 0 };
      case 'sending': {
        const half = Math.floor(pick / 2);
        return pick % 2 === 0
          ? { t: 'answer', status: STATUSES[half % STATUSES.length] ?? null, stray: false }
          : { t: 'answer-failed', kind: KINDS[half % KINDS.length] ?? 'network', stray: false };
      }
      case 'finishing':
        return { t: 'cart-emptied' };
      case 'looking-up':
        return pick % 5 === 0
          ? { t: 'lookup-failed', kind: choose(KINDS) }
          : { t: 'lookup', status: choose(STATUSES), found: pick % 3 !== 0 };
    }
  }

  play(command: Command): void {
    const before = this.state;
    const { event, paidSignal, stray } = this.eventFor(command);
    const answered =
      (event.type === 'answer' || event.type === 'answer-failed') && !stray ? this.inFlight : null;

    // What the world knows before the machine reacts.
    if (event.type === 'restored') {
      // The page is gone with whatever it was waiting for: that request's outcome is now unknown.
      if (this.inFlight) this.keys.set(this.inFlight.key, 'unknown');
      this.inFlight = null;
      if (!this.stored) this.toldUnknown = false;
    }
    if (answered) {
      this.inFlight = null;
      const lost = event.type === 'answer-failed' && isUnknownOutcomeKind(event.kind);
      this.keys.set(answered.key, lost ? 'unknown' : 'definite');
      if (!lost) this.toldUnknown = false;
      if (event.type === 'answer' && PAID_STATUSES.has(event.order.status))
        this.paidOrders.add(event.order.id);
    }
    if (event.type === 'lookup-done' && event.found && PAID_STATUSES.has(event.found.status))
      this.paidOrders.add(event.found.id);
    if (event.type === 'order-seen' && PAID_STATUSES.has(event.status))
      this.paidOrders.add(event.orderId);
    if (event.type === 'breaker-changed') this.breaker = event.breaker.status;

    const { state, effects } = transition(before, event);

    // Answers to nothing in flight (late, or another request's) change nothing.
    if (stray) {
      expect(state).toBe(before);
      expect(effects).toEqual([]);
    }
    if (event.type === 'submit' && state.step === 'checking-session') this.sessionConfirmed = false;
    if (event.type === 'session-checked' && before.step === 'checking-session' && event.active)
      this.sessionConfirmed = true;
    if (event.type === 'session-ended') this.sessionConfirmed = false;

    for (const effect of effects)
      this.apply(effect, { before, event, paidSignal, resend: answered !== null });
    this.state = state;
    this.check();
  }

  private apply(
    effect: CheckoutEffect,
    context: { before: CheckoutState; event: CheckoutEvent; paidSignal: boolean; resend: boolean },
  ): void {
    switch (effect.type) {
      case 'send-order': {
        // Never two POST /orders in flight.
        expect(this.inFlight, 'a second POST while one is in flight').toBeNull();
        // An attempt key goes again only after an unknown outcome, never after a definite one.
        const known = this.keys.get(effect.key);
        if (known !== undefined)
          expect(known, `key ${effect.key} sent again after a ${known} outcome`).toBe('unknown');
        // Checked before any order is sent: the session (a resend is the same request).
        if (!context.resend)
          expect(this.sessionConfirmed, 'an order sent without checking the session').toBe(true);
        this.inFlight = { requestId: effect.requestId, key: effect.key };
        this.keys.set(effect.key, 'in-flight');
        break;
      }
      case 'empty-cart':
        // The cart is emptied only after a paid order.
        expect(context.paidSignal, `cart emptied after ${context.event.type}`).toBe(true);
        break;
      case 'save-attempt':
        this.stored = effect.attempt;
        break;
      default:
        break;
    }
  }

  private check(): void {
    const s = this.state;
    const message = checkoutMessage(s, { paymentLimit: 100 });
    const notice = pendingOrderNotice(s);
    const banner = breakerMessage({ ...s.breaker, probing: s.step === 'sending' }, 0);
    // Told "not sure": by the unknown messages, or by any message while the attempt's answer is lost.
    const attemptKey = s.attempt?.key;
    if (
      message?.id === 'unknown' ||
      message?.id === 'unknown-failed' ||
      (message?.charged === 'unknown' && attemptKey && this.keys.get(attemptKey) === 'unknown')
    ) {
      this.toldUnknown = true;
    }

    // "Not charged" is never said after an unknown outcome.
    if (this.toldUnknown) {
      for (const text of [
        message ? messageText(message) : '',
        notice,
        banner ? messageText(banner) : '',
      ]) {
        expect(text, 'said "not charged" after an unknown outcome').not.toMatch(NOT_CHARGED);
      }
    }
    // Success is shown only for a paid order.
    if (s.outcome?.kind === 'paid')
      expect(this.paidOrders.has(s.outcome.orderId), 'success for an order not paid').toBe(true);
    if (message?.tone === 'success' || /is paid/.test(notice)) expect(s.outcome?.kind).toBe('paid');
    // Place order is never enabled while a POST is in flight or the breaker is open.
    if (this.inFlight || this.breaker === 'open')
      expect(canSubmit(s), 'Place order enabled').toBe(false);
    // The machine agrees with the world about what is in flight.
    expect(s.step === 'sending').toBe(this.inFlight !== null);
    // The tab's storage always holds the machine's attempt.
    expect(this.stored).toEqual(s.attempt);
  }
}

test(
  `checkout invariants hold over ${NUM_RUNS} random event sequences`,
  { timeout: 120_000 },
  () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 60 }), (commands) => {
        const world = new World();
        for (const c of commands) world.play(c);
      }),
      { numRuns: NUM_RUNS, verbose: 1 },
    );
  },
);

test('the model reaches the states the invariants are about', { timeout: 60_000 }, () => {
  // A property that never meets a sent order proves nothing: count what random runs reach.
  const reached = new Set<string>();
  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 60 }), (commands) => {
      const world = new World();
      for (const c of commands) {
        world.play(c);
        reached.add(world.state.step);
        if (world.state.outcome) reached.add(world.state.outcome.kind);
        if (world.inFlight) reached.add('in-flight');
      }
    }),
    { numRuns: 2_000, seed: 8 },
  );
  for (const wanted of [
    'finishing',
    'sending',
    'looking-up',
    'locking',
    'paid',
    'unknown',
    'unknown-failed',
    'awaiting',
    'payment-failed',
    'session-ended',
    'busy-elsewhere',
    'declined',
  ]) {
    expect(reached).toContain(wanted);
  }
});
