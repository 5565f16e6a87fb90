import { delay, http, HttpResponse } from 'msw';
import { expect, onTestFinished, test, vi } from 'vitest';
import { getSocks } from '@/features/catalogue/api/get-socks';
import { getSock } from '@/features/catalogue/api/get-sock';
import { signIn } from '@/features/auth/api/auth';
import { getAddress, getCard } from '@/features/checkout/api/payment-details';
import { placeOrder } from '@/features/checkout/api/place-order';
import { getOrder } from '@/features/orders/api/get-order';
import { getOrders } from '@/features/orders/api/get-orders';
import { apiRequest } from '@/lib/api-client';
import { ApiError, type ApiErrorKind } from '@/lib/api-error';
import { formatMoney, parseSockShopDate } from '@/lib/format';
import { server } from '../../mocks/node';
import { halOrder as fixture } from '../utils/fixtures';

/** A response the way the real front-end sends most bodies: no Content-Type header at all. */
function bare(body: unknown, status = 200): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = new HttpResponse(text, { status });
  response.headers.delete('Content-Type');
  return response;
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const halOrder = (id: string, extra: Record<string, unknown> = {}) =>
  fixture(id, {
    items: [{ itemId: '03fef6ac-1896-4ce8-bd69-b798f85c6e0b', quantity: 1, unitPrice: 99.99 }],
    date: '2017-03-16T15:42:28.620+0000',
    total: 104.979996,
    ...extra,
  });

/** What signing in leaves in the browser: the `logged_in` cookie GET /orders needs. */
const signedIn = () => {
  document.cookie = 'logged_in=test-session; Path=/';
};

test('GET /orders: 201, no Content-Type, ids only in links, sorted newest first, card masked', async () => {
  signedIn();
  server.use(
    http.get('*/api/orders', () =>
      bare(
        [
          halOrder('58c9054322fd3c0001d2d0a1', {
            date: '2017-03-15T09:12:03.117+0000',
            total: 22.14,
          }),
          halOrder('58cab2a4e4b0ffd7d3d35a3f'),
        ],
        201,
      ),
    ),
  );
  const orders = await getOrders();
  expect(orders.map((order) => order.id)).toEqual([
    '58cab2a4e4b0ffd7d3d35a3f',
    '58c9054322fd3c0001d2d0a1',
  ]);
  expect(orders[0]?.date?.toISOString()).toBe('2017-03-16T15:42:28.620Z');
  expect(formatMoney(orders[0]?.total ?? 0)).toBe('$104.98');
  expect(orders[0]?.cardLast4).toBe('5918');
  expect(JSON.stringify(orders)).not.toContain('5544154011345918');
  expect(orders[0]?.status).toBeUndefined();
});

test('GET /orders/<id>: pretty-printed HAL with a status from the incident backend', async () => {
  server.use(
    http.get('*/api/orders/:id', ({ params }) =>
      HttpResponse.text(
        JSON.stringify(
          halOrder(String(params.id), { status: 'PAYMENT_FAILED', shipment: null }),
          null,
          2,
        ),
        {
          headers: { 'Content-Type': 'application/hal+json;charset=UTF-8' },
        },
      ),
    ),
  );
  const order = await getOrder('6900953ac1f4320001b50703');
  expect(order.id).toBe('6900953ac1f4320001b50703');
  expect(order.status).toBe('PAYMENT_FAILED');
  expect(order.shipped).toBe(false);
});

test('an order whose id cannot be read is malformed, not silently dropped', async () => {
  signedIn();
  server.use(http.get('*/api/orders', () => bare([halOrder('<script>')], 201)));
  expect((await failureOf(getOrders())).kind).toBe('malformed');
  const noLinks: Record<string, unknown> = halOrder('x');
  delete noLinks._links;
  server.use(http.get('*/api/orders', () => bare([noLinks], 201)));
  expect((await failureOf(getOrders())).kind).toBe('malformed');
});

test.each<[string, number, unknown, ApiErrorKind]>([
  [
    'payment declined',
    406,
    {
      timestamp: 1489679010815,
      status: 406,
      error: 'Not Acceptable',
      exception: 'works.weave.socks.orders.controllers.OrdersController$PaymentDeclinedException',
      message: 'Payment declined: amount exceeds 100.00',
      path: '/orders',
    },
    'payment-declined',
  ],
  [
    'invalid order',
    406,
    {
      status: 406,
      exception: 'works.weave.socks.orders.controllers.OrdersController$InvalidOrderException',
      message: 'Invalid order request. Order requires customer, address, card and items.',
    },
    'invalid-order',
  ],
  [
    'payment unreachable',
    500,
    {
      status: 500,
      exception: 'java.lang.IllegalStateException',
      message: 'Unable to create order due to unspecified IO error.',
    },
    'payment-unavailable',
  ],
  [
    'payment too slow for the orders service',
    500,
    {
      status: 500,
      exception: 'java.lang.IllegalStateException',
      message: 'Unable to create order due to timeout from one of the services.',
    },
    'upstream-timeout',
  ],
  [
    'orders service unreachable',
    500,
    {
      message: 'connect ECONNREFUSED 10.96.0.12:80',
      error: {
        code: 'ECONNREFUSED',
        errno: 'ECONNREFUSED',
        syscall: 'connect',
        address: '10.96.0.12',
        port: 80,
      },
    },
    'service-unavailable',
  ],
  ['not signed in', 500, { message: 'User not logged in.', error: {} }, 'not-signed-in'],
  ['idempotent request still in flight', 409, { title: 'conflict' }, 'conflict'],
  ['key reused with another cart', 422, { title: 'mismatch' }, 'unprocessable'],
  ['gateway', 503, '', 'service-unavailable'],
  ['any other server error', 500, 'Internal Server Error', 'server'],
])('POST /orders, %s -> %s', async (_name, status, body, kind) => {
  server.use(http.post('*/api/orders', () => bare(body, status)));
  const error = await failureOf(placeOrder({ idempotencyKey: 'k-1', requestId: 'req-1' }));
  expect(error.kind).toBe(kind);
  expect(error.status).toBe(status);
  expect(error.requestId).toBe('req-1');
});

test('POST /orders sends the idempotency key as a quoted string and the request id, and reads the new order', async () => {
  server.use(
    http.post('*/api/orders', ({ request }) => {
      if (request.headers.get('Idempotency-Key') !== '"key-123"') return bare('', 400);
      if (request.headers.get('X-Request-ID') !== 'req-9') return bare('', 400);
      return bare({ id: '58cab2a4e4b0ffd7d3d35a3f', total: 38.29, status: 'PAID' }, 201);
    }),
  );
  const placed = await placeOrder({ idempotencyKey: 'key-123', requestId: 'req-9' });
  expect(placed).toEqual({ id: '58cab2a4e4b0ffd7d3d35a3f', total: 38.29, status: 'PAID' });
});

test('reads and writes go to the network, never the HTTP cache, with same-origin cookies', async () => {
  server.use(
    http.get('*/api/cart', ({ request }) =>
      request.cache === 'no-store' && request.credentials === 'same-origin'
        ? bare([])
        : bare('', 400),
    ),
  );
  await expect(apiRequest('/cart')).resolves.toBeUndefined();
});

test('"200 with an error body" is an error: 404 becomes not-found, 500 becomes server', async () => {
  server.use(
    http.get('*/api/catalogue/:id', ({ params }) =>
      params.id === 'gone'
        ? bare({ error: 'not found', status_code: 404, status_text: 'Not Found' })
        : bare({ error: 'Invalid Id Hex', status_code: 500, status_text: 'Internal Server Error' }),
    ),
  );
  expect((await failureOf(getSock('gone'))).kind).toBe('not-found');
  expect((await failureOf(getSock('bad'))).kind).toBe('server');
});

test('no address or card saved: 200 {"status_code":500} means "none", and a card shows only its last 4', async () => {
  server.use(
    http.get('*/api/address', () => bare({ status_code: 500 })),
    http.get('*/api/card', () => bare({ number: '5918' })),
  );
  await expect(getAddress()).resolves.toBeNull();
  await expect(getCard()).resolves.toEqual({ last4: '5918' });
});

test('an unknown tag answers null, which is an empty catalogue', async () => {
  server.use(http.get('*/api/catalogue', () => bare('null')));
  await expect(getSocks(['nope'])).resolves.toEqual([]);
});

test('malformed bodies become a typed error: truncated JSON and wrong types', async () => {
  server.use(http.get('*/api/catalogue', () => bare('[{"id":"a","name":"Tru')));
  const truncated = await failureOf(getSocks([]));
  expect(truncated.kind).toBe('malformed');
  expect(truncated.details.body).toContain('Tru');

  server.use(http.get('*/api/catalogue', () => bare([{ id: 1, name: null, price: 'cheap' }])));
  const wrongTypes = await failureOf(getSocks([]));
  expect(wrongTypes.kind).toBe('malformed');
  expect(wrongTypes.details.issues).toMatch(/id|name|price/);
});

test('a dead backend is a network error; a hanging one is a timeout', async () => {
  server.use(http.get('*/api/cart', () => HttpResponse.error()));
  expect((await failureOf(apiRequest('/cart'))).kind).toBe('network');

  server.use(
    http.get('*/api/cart', async () => {
      await delay(1_000);
      return bare([]);
    }),
  );
  expect((await failureOf(apiRequest('/cart', { timeoutMs: 50 }))).kind).toBe('timeout');
});

test('sign-in sends Basic auth (UTF-8 safe); 401 is unauthorized', async () => {
  server.use(
    http.get('*/api/login', ({ request }) =>
      request.headers.get('Authorization') ===
      `Basic ${Buffer.from('zoë:pässword').toString('base64')}`
        ? bare('Cookie is set')
        : bare('', 401),
    ),
  );
  await expect(signIn('zoë', 'pässword')).resolves.toBeUndefined();
  expect((await failureOf(signIn('zoë', 'wrong'))).kind).toBe('unauthorized');
});

test('Sock Shop dates parse with a +0000 offset; garbage does not', () => {
  expect(parseSockShopDate('2025-10-30T08:24:46.000+0000')?.toISOString()).toBe(
    '2025-10-30T08:24:46.000Z',
  );
  expect(parseSockShopDate('yesterday')).toBeUndefined();
});

test('GET /orders without the logged_in cookie fails as "not signed in" at once, without asking', async () => {
  let asked = 0;
  server.use(
    http.get('*/api/orders', () => {
      asked += 1;
      return bare(
        { error: 'Internal Server Error', message: 'User not logged in.', status_code: 500 },
        500,
      );
    }),
  );
  const failure = await failureOf(getOrders());
  expect(failure.kind).toBe('not-signed-in');
  expect(asked).toBe(0);

  signedIn();
  await failureOf(getOrders());
  expect(asked).toBe(1);
});

test('where the browser can yield, a request goes out only after the main thread was given back', async () => {
  let resume = () => {};
  const yielded = vi.fn(() => new Promise<void>((resolve) => (resume = resolve)));
  vi.stubGlobal('scheduler', { yield: yielded });
  const sent: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    sent.push(new URL(request.url).pathname);
  };
  server.events.on('request:start', listener);
  onTestFinished(() => {
    server.events.removeListener('request:start', listener);
    vi.unstubAllGlobals();
  });

  const socks = getSocks([]);
  // Whatever ran in the same task (here: every pending microtask) has not sent it yet.
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
  expect(yielded).toHaveBeenCalledTimes(1);
  expect(sent).toEqual([]);

  resume();
  expect((await socks).length).toBeGreaterThan(0);
  expect(sent).toEqual(['/api/catalogue']);
});
