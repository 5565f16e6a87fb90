import { expect, test } from 'vitest';
import {
  attemptEnded,
  attemptStarted,
  type BreakerState,
  canAttempt,
  closedBreaker,
  paymentFailed,
  paymentSucceeded,
  statusAt,
} from '@/features/checkout/model/payment-breaker';

/** The payment breaker's states and cool-down, on an injected clock (no real time passes). */

const SETTINGS = { threshold: 3, cooldownMs: 30_000 };

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function failTimes(state: BreakerState, times: number, now: number): BreakerState {
  let next = state;
  for (let i = 0; i < times; i += 1) next = paymentFailed(next, now, SETTINGS);
  return next;
}

test('closed: failures under the threshold are counted, ordering stays allowed', () => {
  const t = clock();
  const twice = failTimes(closedBreaker, 2, t.now());
  expect(twice).toMatchObject({ status: 'closed', consecutiveFailures: 2 });
  expect(canAttempt(twice, t.now())).toBe(true);
});

test('a success in between starts the count again', () => {
  const t = clock();
  const state = failTimes(paymentSucceeded(), 2, t.now());
  expect(failTimes(paymentSucceeded(), 1, t.now()).consecutiveFailures).toBe(1);
  expect(paymentFailed(state, t.now(), SETTINGS).status).toBe('open');
});

test('open at the threshold: blocked for exactly the cool-down, then half-open', () => {
  const t = clock();
  const open = failTimes(closedBreaker, 3, t.now());
  expect(open).toMatchObject({ status: 'open', openUntil: t.now() + 30_000 });
  expect(statusAt(open, t.now())).toBe('open');
  expect(canAttempt(open, t.now())).toBe(false);
  t.advance(29_999);
  expect(statusAt(open, t.now())).toBe('open');
  expect(canAttempt(open, t.now())).toBe(false);
  t.advance(1);
  expect(statusAt(open, t.now())).toBe('half-open');
  expect(canAttempt(open, t.now())).toBe(true);
});

test('half-open lets exactly one probe through', () => {
  const t = clock();
  const open = failTimes(closedBreaker, 3, t.now());
  t.advance(30_000);
  const probing = attemptStarted(open, t.now());
  expect(probing).toMatchObject({ status: 'half-open', probing: true });
  expect(canAttempt(probing, t.now())).toBe(false);
  // A probe that says nothing about payments (a decline, say) frees the slot again.
  expect(canAttempt(attemptEnded(probing), t.now())).toBe(true);
});

test('a probe that fails opens it again for a new cool-down; one that works closes it', () => {
  const t = clock();
  const open = failTimes(closedBreaker, 3, t.now());
  t.advance(30_000);
  const probing = attemptStarted(open, t.now());
  const reopened = paymentFailed(probing, t.now(), SETTINGS);
  expect(reopened).toMatchObject({ status: 'open', openUntil: t.now() + 30_000, probing: false });
  t.advance(30_000);
  expect(statusAt(reopened, t.now())).toBe('half-open');
  expect(paymentSucceeded()).toEqual(closedBreaker);
});

test('starting an order while closed changes nothing; ending one while not probing neither', () => {
  const t = clock();
  expect(attemptStarted(closedBreaker, t.now())).toBe(closedBreaker);
  expect(attemptEnded(closedBreaker)).toBe(closedBreaker);
});

test('a failure under the threshold only counts: the breaker stays closed, no cool-down, no probe', () => {
  const t = clock();
  expect(paymentFailed(closedBreaker, t.now(), SETTINGS)).toEqual({
    status: 'closed',
    consecutiveFailures: 1,
    openUntil: 0,
    probing: false,
  });
  expect(statusAt(closedBreaker, t.now())).toBe('closed');
});

test('the threshold and the cool-down are the settings, not fixed numbers', () => {
  const t = clock();
  const once = { threshold: 1, cooldownMs: 5_000 };
  expect(paymentFailed(closedBreaker, t.now(), once)).toEqual({
    status: 'open',
    consecutiveFailures: 1,
    openUntil: t.now() + 5_000,
    probing: false,
  });
  const five = { threshold: 5, cooldownMs: 5_000 };
  let state = closedBreaker;
  for (let i = 0; i < 4; i += 1) state = paymentFailed(state, t.now(), five);
  expect(state.status).toBe('closed');
  expect(paymentFailed(state, t.now(), five).status).toBe('open');
});

test('while open (cool-down not over) starting an order changes nothing and no probe is taken', () => {
  const t = clock();
  const open = failTimes(closedBreaker, 3, t.now());
  t.advance(10_000);
  expect(attemptStarted(open, t.now())).toBe(open);
  expect(canAttempt({ ...open, probing: false }, t.now())).toBe(false);
});

test('a probe that ends without a word on payments frees the slot and keeps the rest', () => {
  const t = clock();
  const open = failTimes(closedBreaker, 3, t.now());
  t.advance(30_000);
  const probing = attemptStarted(open, t.now());
  expect(attemptEnded(probing)).toEqual({ ...probing, probing: false });
});

test('a failed probe opens it again on its own, whatever the count says', () => {
  const t = clock();
  const open = failTimes(closedBreaker, 3, t.now());
  t.advance(30_000);
  // The threshold now asks for more failures than were counted (settings changed meanwhile):
  // the probe's failure still opens the breaker for a new cool-down.
  const raised = { threshold: 10, cooldownMs: 30_000 };
  const reopened = paymentFailed(attemptStarted(open, t.now()), t.now(), raised);
  expect(reopened).toEqual({
    status: 'open',
    consecutiveFailures: 4,
    openUntil: t.now() + 30_000,
    probing: false,
  });
});
