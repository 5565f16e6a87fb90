import { expect, test } from 'vitest';
import {
  type CheckoutEffect,
  type CheckoutEvent,
  initialCheckoutState,
  transition,
} from '@/features/checkout/model/checkout-machine';
import { isLostAnswer, resendDelayMs } from '@/features/checkout/model/resend';
import type { ApiErrorKind } from '@/lib/api-error';

/** When a lost POST /orders answer is asked again by itself: the machine's resend rule. */

const CART = { fingerprint: 'ax1@799', total: 12.98 };

/** Sends one order with `resendRetries`, answers every POST with `kinds` in turn; returns the POSTs. */
function sendsFor(resendRetries: number, kinds: ApiErrorKind[]) {
  const posts: Extract<CheckoutEffect, { type: 'send-order' }>[] = [];
  let state = initialCheckoutState({ resendRetries });
  const play = (event: CheckoutEvent) => {
    const next = transition(state, event);
    state = next.state;
    for (const effect of next.effects) if (effect.type === 'send-order') posts.push(effect);
  };
  play({ type: 'submit', via: 'click', cart: CART, requestId: 'req', freshKey: 'key', now: 1 });
  play({ type: 'session-checked', active: true });
  play({ type: 'cart-read', cart: CART });
  play({ type: 'lock-acquired' });
  for (const kind of kinds) play({ type: 'answer-failed', requestId: 'req', kind });
  return { posts, state };
}

test('by default (a backend that ignores idempotency keys) an order is sent once, whatever happens', () => {
  const { posts, state } = sendsFor(0, ['network', 'network']);
  expect(posts).toHaveLength(1);
  expect(state.outcome?.kind).toBe('unknown');
});

test('with a backend that honours keys, a lost answer is asked again, twice at most, same key and request', () => {
  const { posts, state } = sendsFor(2, ['timeout', 'conflict', 'network', 'network']);
  expect(posts).toEqual([
    { type: 'send-order', key: 'key', requestId: 'req', delayMs: 0 },
    { type: 'send-order', key: 'key', requestId: 'req', delayMs: 500 },
    { type: 'send-order', key: 'key', requestId: 'req', delayMs: 1_000 },
  ]);
  expect(state.outcome?.kind).toBe('unknown');
});

test('a definite answer, or an upstream timeout, is never asked again', () => {
  for (const kind of [
    'payment-declined',
    'payment-unavailable',
    'upstream-timeout',
    'server',
    'malformed',
  ] as const) {
    expect(sendsFor(2, [kind]).posts).toHaveLength(1);
  }
});

test('lost answers are the network, our timeout and "still in flight" (409); delays double', () => {
  expect(
    ['network', 'timeout', 'conflict'].every((kind) => isLostAnswer(kind as ApiErrorKind)),
  ).toBe(true);
  expect(isLostAnswer('upstream-timeout')).toBe(false);
  expect(isLostAnswer('malformed')).toBe(false);
  expect([0, 1, 2, 3].map((n) => resendDelayMs(n))).toEqual([500, 1_000, 2_000, 4_000]);
  expect(resendDelayMs(1, 100)).toBe(200);
});
