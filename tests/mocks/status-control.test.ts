import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMockApi, type MockApi } from '../../mocks/http-server';
import { server } from '../../mocks/node';

/** PUT /__mock/orders/<id>/status on the standalone server (used by `npm run bench`). */
let mockApi: MockApi;

beforeAll(async () => {
  server.close();
  mockApi = await startMockApi({ port: 0 });
});

afterAll(async () => {
  await mockApi.close();
  server.listen({ onUnhandledRequest: 'error' });
});

async function call(method: string, path: string, body?: unknown, cookie = '') {
  const response = await fetch(`${mockApi.url}${path}`, {
    method,
    headers: cookie ? { Cookie: cookie } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function orderStatus(id: string): Promise<unknown> {
  const login = await fetch(`${mockApi.url}/login`, {
    headers: { Authorization: `Basic ${btoa('user:password')}` },
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${mockApi.url}/orders/${id}`, { headers: { Cookie: cookie } });
  return ((await response.json()) as { status?: unknown }).status;
}

test('an order moves PENDING → PAID → SHIPPED → DELIVERED on command, and the API shows it', async () => {
  const placed = await call('POST', '/__mock/orders', { username: 'user', state: 'PENDING' });
  const id = String(placed.body.id);
  expect(await orderStatus(id)).toBe('PENDING');
  for (const status of ['PAID', 'SHIPPED', 'DELIVERED']) {
    const before = Date.now();
    const reply = await call('PUT', `/__mock/orders/${id}/status`, { status });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe(status);
    expect(Number(reply.body.changedAt)).toBeGreaterThanOrEqual(before);
    expect(await orderStatus(id)).toBe(status);
  }
});

test('a payment failure, an unknown order and an unknown status', async () => {
  const placed = await call('POST', '/__mock/orders', { username: 'user', state: 'PENDING' });
  const id = String(placed.body.id);
  expect(
    (await call('PUT', `/__mock/orders/${id}/status`, { status: 'PAYMENT_FAILED' })).status,
  ).toBe(200);
  expect(await orderStatus(id)).toBe('PAYMENT_FAILED');
  expect((await call('PUT', '/__mock/orders/nope/status', { status: 'PAID' })).status).toBe(404);
  expect((await call('PUT', `/__mock/orders/${id}/status`, { status: 'LOST' })).status).toBe(400);
});
