import { describe, expect, test } from 'vitest';
import {
  classifyFailure,
  embeddedErrorStatus,
  parseBody,
  truncateBody,
} from '@/lib/classify-failure';

/** Failure bodies exactly as the Sock Shop services write them (API reference 2.1, 3.5). */
const spring = (exception: string, message: string) => ({
  timestamp: 1761813067000,
  status: 500,
  error: 'Internal Server Error',
  exception,
  message,
  path: '/orders',
});

describe('parseBody', () => {
  test('an empty or blank body is fine and holds nothing', () => {
    expect(parseBody('')).toEqual({ json: undefined, ok: true });
    expect(parseBody(' \n ')).toEqual({ json: undefined, ok: true });
  });
  test('JSON is parsed; anything else is unreadable, never thrown', () => {
    expect(parseBody('{"a":1}')).toEqual({ json: { a: 1 }, ok: true });
    expect(parseBody('[{"id":"a","na')).toEqual({ json: undefined, ok: false });
  });
});

describe('embeddedErrorStatus (200 with an error body)', () => {
  test.each([
    [{ error: 'Internal Server Error', status_code: 500, status_text: 'x' }, 500],
    [{ status_code: 400 }, 400],
    [{ status_code: 399 }, undefined],
    [{ status_code: '500' }, undefined],
    [[{ status_code: 500 }], undefined],
    [null, undefined],
    ['status_code 500', undefined],
    [{ id: 'a' }, undefined],
  ])('%j → %s', (body, expected) => {
    expect(embeddedErrorStatus(body)).toBe(expected);
  });
});

describe('classifyFailure', () => {
  test('"User not logged in." means signed out', () => {
    expect(classifyFailure(500, { message: 'User not logged in.' })).toEqual({
      kind: 'not-signed-in',
      exception: undefined,
      backendMessage: 'User not logged in.',
    });
  });

  test('the orders service exceptions', () => {
    const declined =
      'works.weave.socks.orders.controllers.OrdersController$PaymentDeclinedException';
    const invalid = 'works.weave.socks.orders.controllers.OrdersController$InvalidOrderException';
    expect(classifyFailure(406, spring(declined, 'Payment declined'))).toEqual({
      kind: 'payment-declined',
      exception: declined,
      backendMessage: 'Payment declined',
    });
    expect(classifyFailure(406, spring(invalid, 'No address')).kind).toBe('invalid-order');
    const io = 'Unable to create order due to unspecified IO error.';
    const timeout = 'Unable to create order due to timeout from one of the services.';
    expect(classifyFailure(500, spring('java.lang.IllegalStateException', io)).kind).toBe(
      'payment-unavailable',
    );
    expect(classifyFailure(500, spring('java.lang.IllegalStateException', timeout)).kind).toBe(
      'upstream-timeout',
    );
    expect(classifyFailure(500, { exception: 'java.lang.IllegalStateException' }).kind).toBe(
      'payment-unavailable',
    );
    // Another exception is a plain server error, not a payment outcome.
    expect(classifyFailure(500, spring('java.lang.NullPointerException', 'x')).kind).toBe('server');
  });

  test('the Node front-end: an unreachable service by its error code, other codes by status', () => {
    const refused = {
      message: 'connect ECONNREFUSED 10.96.45.17:80',
      error: { code: 'ECONNREFUSED' },
    };
    expect(classifyFailure(500, refused)).toEqual({
      kind: 'service-unavailable',
      exception: undefined,
      backendMessage: 'connect ECONNREFUSED 10.96.45.17:80',
    });
    for (const code of [
      'ECONNREFUSED',
      'ECONNRESET',
      'ENOTFOUND',
      'EAI_AGAIN',
      'ETIMEDOUT',
      'EHOSTUNREACH',
      'ESOCKETTIMEDOUT',
    ]) {
      expect(classifyFailure(500, { error: { code } }).kind, code).toBe('service-unavailable');
    }
    expect(classifyFailure(500, { error: { code: 'EPROTO' } }).kind).toBe('server');
    expect(classifyFailure(500, { error: { code: 42 } }).kind).toBe('server');
  });

  test('the backend message is `message`, else a string `error`', () => {
    expect(classifyFailure(500, { message: 'm', error: 'e' }).backendMessage).toBe('m');
    expect(classifyFailure(500, { error: 'Not Found' }).backendMessage).toBe('Not Found');
    expect(classifyFailure(500, { message: 42, exception: 7 })).toEqual({
      kind: 'server',
      exception: undefined,
      backendMessage: undefined,
    });
  });

  test('bodies that are not objects are classified by status alone', () => {
    expect(classifyFailure(500, [{ message: 'User not logged in.' }]).kind).toBe('server');
    expect(classifyFailure(500, 'User not logged in.').kind).toBe('server');
    expect(classifyFailure(500, null).kind).toBe('server');
  });

  test.each([
    [401, 'unauthorized'],
    [404, 'not-found'],
    [409, 'conflict'],
    [422, 'unprocessable'],
    [502, 'service-unavailable'],
    [503, 'service-unavailable'],
    [504, 'service-unavailable'],
    [500, 'server'],
    [400, 'server'],
  ])('status %i with no known body is %s', (status, kind) => {
    expect(classifyFailure(status, undefined)).toEqual({
      kind,
      exception: undefined,
      backendMessage: undefined,
    });
  });
});

test('truncateBody keeps 2000 characters and marks the cut', () => {
  const exact = 'x'.repeat(2_000);
  expect(truncateBody(exact)).toBe(exact);
  expect(truncateBody(`${exact}yz`)).toBe(`${exact}…`);
});
