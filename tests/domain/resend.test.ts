import { expect, test } from 'vitest';
import { withResend } from '@/features/checkout/model/resend';
import { ApiError, type ApiErrorKind } from '@/lib/api-error';

function failingThen<T>(kinds: ApiErrorKind[], result: T) {
  let calls = 0;
  const send = async () => {
    const kind = kinds[calls];
    calls += 1;
    if (kind) throw new ApiError(kind, 'req', { method: 'POST', path: '/orders' });
    return result;
  };
  return { send, calls: () => calls };
}

test('by default (a backend that ignores idempotency keys) an order is sent once, whatever happens', async () => {
  const { send, calls } = failingThen(['network'], 'placed');
  await expect(withResend(send, { retries: 0, baseDelayMs: 1 })).rejects.toMatchObject({
    kind: 'network',
  });
  expect(calls()).toBe(1);
});

test('with a backend that honours keys, a lost answer is asked again, twice at most', async () => {
  const recovered = failingThen(['timeout', 'conflict'], 'placed');
  await expect(withResend(recovered.send, { retries: 2, baseDelayMs: 1 })).resolves.toBe('placed');
  expect(recovered.calls()).toBe(3);

  const lost = failingThen(['network', 'network', 'network', 'network'], 'placed');
  await expect(withResend(lost.send, { retries: 2, baseDelayMs: 1 })).rejects.toMatchObject({
    kind: 'network',
  });
  expect(lost.calls()).toBe(3);
});

test('a definite answer is never asked again', async () => {
  for (const kind of [
    'payment-declined',
    'payment-unavailable',
    'upstream-timeout',
    'server',
  ] as const) {
    const { send, calls } = failingThen([kind], 'placed');
    await expect(withResend(send, { retries: 2, baseDelayMs: 1 })).rejects.toMatchObject({ kind });
    expect(calls()).toBe(1);
  }
});
