import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureMock, setMockClock } from '../../mocks/config';
import { INCIDENT_USER_ID, PAYMENT_OUTAGE } from '../../mocks/data/incident-3';
import { SOCK } from '../../mocks/data/seed';
import { listOrders, resetDb } from '../../mocks/db';
import {
  getScenario,
  isScenarioName,
  scenarioNames,
  scenarios,
  setScenario,
} from '../../mocks/scenarios';
import { addToCart, api, listMyOrders, login, placeOrder, readJson } from './support';

afterEach(() => {
  vi.useRealTimers();
});

const ioError = {
  timestamp: expect.any(Number),
  status: 500,
  error: 'Internal Server Error',
  exception: 'java.lang.IllegalStateException',
  message: 'Unable to create order due to unspecified IO error.',
  path: '/orders',
};

async function paymentHealth(): Promise<string | undefined> {
  const body = (await readJson(await api('/health'))) as {
    health: Array<{ service: string; status: string }>;
  };
  return body.health.find((h) => h.service === 'payment')?.status;
}

async function loggedInWith(sockId: string): Promise<void> {
  await login();
  await addToCart(sockId);
}

describe('scenario registry', () => {
  it('describes every scenario in one line and starts healthy', () => {
    expect(scenarios.map((s) => s.name)).toEqual([...scenarioNames]);
    for (const s of scenarios) expect(s.description).toMatch(/^[^\n]{10,200}$/);
    expect(getScenario()).toBe('healthy');
    expect(isScenarioName('payment-down')).toBe(true);
    expect(isScenarioName('nope')).toBe(false);
  });

  it('is reset by resetDb', () => {
    setScenario('payment-down');
    resetDb();
    expect(getScenario()).toBe('healthy');
  });
});

describe('healthy', () => {
  it('authorises up to 100.00 and reports payment OK', async () => {
    await loggedInWith(SOCK.weaveSpecial);
    expect((await placeOrder()).status).toBe(201);
    expect(await paymentHealth()).toBe('OK');
  });
});

describe('payment-down', () => {
  it('saves the order as PAYMENT_FAILED with shipment null and answers 500 "unspecified IO error"', async () => {
    setScenario('payment-down');
    await loggedInWith(SOCK.weaveSpecial);
    const response = await placeOrder();
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await readJson(response)).toEqual(ioError);
    const [saved] = await listMyOrders();
    expect(saved).toMatchObject({ status: 'PAYMENT_FAILED', shipment: null, total: 22.14 });
    expect(await paymentHealth()).toBe('err');
  });
});

describe('payment-declined', () => {
  it('declines even a cheap order with 406', async () => {
    setScenario('payment-declined');
    await loggedInWith(SOCK.classic);
    const response = await placeOrder();
    expect(response.status).toBe(406);
    expect(await readJson(response)).toMatchObject({
      message: 'Payment declined: amount exceeds 100.00',
    });
    expect((await listMyOrders())[0]?.status).toBe('PAYMENT_FAILED');
  });
});

describe('payment-slow', () => {
  it('answers 500 "timeout from one of the services." after the orders timeout; PENDING meanwhile', async () => {
    setScenario('payment-slow');
    configureMock({ paymentTimeoutMs: 5_000 });
    await loggedInWith(SOCK.classic);
    // The orders service's wait for payment runs on a fake timer: no real time passes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let answered = false;
    const pending = placeOrder().finally(() => {
      answered = true;
    });
    // Wait for the order to be saved without moving the fake clock (setImmediate is real).
    while (listOrders().length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(listOrders().map((o) => o.state)).toEqual(['PENDING']);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(answered, 'no answer before the orders timeout').toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const response = await pending;
    vi.useRealTimers();
    expect(response.status).toBe(500);
    expect(await readJson(response)).toMatchObject({
      exception: 'java.lang.IllegalStateException',
      message: 'Unable to create order due to timeout from one of the services.',
    });
    expect((await listMyOrders())[0]).toMatchObject({ status: 'PAYMENT_FAILED', shipment: null });
  });
});

describe('payment-flaky', () => {
  async function outcomes(): Promise<number[]> {
    setScenario('payment-flaky');
    await loggedInWith(SOCK.classic);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await placeOrder()).status);
    return statuses;
  }

  it('fails about half of the payments, in the same sequence every time', async () => {
    const first = await outcomes();
    expect(new Set(first)).toEqual(new Set([201, 500]));
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThanOrEqual(3);
    expect(failures).toBeLessThanOrEqual(9);
    resetDb();
    expect(await outcomes()).toEqual(first);
  });

  it('follows the seed', async () => {
    const first = await outcomes();
    resetDb();
    configureMock({ flakySeed: 7 });
    expect(await outcomes()).not.toEqual(first);
  });
});

describe('payment-recovers', () => {
  it('is down for the configured time after selection, then healthy', async () => {
    let now = Date.parse('2025-11-02T12:00:00Z');
    setMockClock(() => now);
    configureMock({ paymentRecoversAfterMs: 60_000 });
    setScenario('payment-recovers');
    await loggedInWith(SOCK.classic);
    expect((await placeOrder()).status).toBe(500);
    expect(await paymentHealth()).toBe('err');
    now += 60_000;
    expect((await placeOrder()).status).toBe(201);
    expect(await paymentHealth()).toBe('OK');
    expect((await listMyOrders()).map((o) => o.status)).toEqual(['PAYMENT_FAILED', 'PAID']);
  });
});

describe('orders-down', () => {
  it('answers 500 ECONNREFUSED on /orders, drops order-detail connections, saves nothing', async () => {
    setScenario('orders-down');
    await loggedInWith(SOCK.classic);
    for (const method of ['GET', 'POST']) {
      const response = await api('/orders', { method });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await readJson(response)).toEqual({
        message: 'connect ECONNREFUSED 10.96.45.17:80',
        error: {
          code: 'ECONNREFUSED',
          errno: 'ECONNREFUSED',
          syscall: 'connect',
          address: '10.96.45.17',
          port: 80,
        },
      });
    }
    await expect(api('/orders/000000000000000000000000')).rejects.toThrow();
    expect(listOrders()).toEqual([]);
  });
});

describe('orders-slow', () => {
  it('answers late, and the order is placed even when the client gave up', async () => {
    setScenario('orders-slow');
    configureMock({ ordersSlowMs: 150 });
    await loggedInWith(SOCK.classic);
    await expect(
      api('/orders', { method: 'POST', signal: AbortSignal.timeout(40) }),
    ).rejects.toThrow();
    expect((await listMyOrders()).map((o) => o.status)).toEqual(['PAID']);

    const started = Date.now();
    const response = await placeOrder();
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(130);
  });
});

describe('malformed', () => {
  it('sends truncated JSON, wrong types and 200-with-error bodies', async () => {
    setScenario('malformed');
    const catalogue = await api('/catalogue');
    expect(catalogue.status).toBe(200);
    await expect(readJson(catalogue)).rejects.toThrow(SyntaxError);

    const sock = (await readJson(await api(`/catalogue/${SOCK.classic}`))) as Record<
      string,
      unknown
    >;
    expect(typeof sock.price).toBe('string');

    await login();
    const orders = await api('/orders');
    expect(orders.status).toBe(200);
    expect(await readJson(orders)).toMatchObject({ status_code: 500 });

    const created = await placeOrder();
    expect(created.status).toBe(201);
    await expect(readJson(created)).rejects.toThrow(SyntaxError);
    expect(listOrders()).toHaveLength(1);

    const addedToCart = await addToCart(SOCK.classic);
    expect(addedToCart.status).toBe(200);
    expect(await readJson(addedToCart)).toMatchObject({ status_code: 500 });
  });

  it('sends cart lines with wrong types', async () => {
    await loggedInWith(SOCK.classic);
    setScenario('malformed');
    const [line] = (await readJson(await api('/cart'))) as Array<Record<string, unknown>>;
    expect(line).toMatchObject({ itemId: SOCK.classic, quantity: '1', unitPrice: null });
  });
});

describe('legacy-backend', () => {
  it('has no status and does not save failed orders', async () => {
    setScenario('legacy-backend');
    await loggedInWith(SOCK.holy);
    expect((await placeOrder()).status).toBe(406);
    expect(listOrders()).toEqual([]);
    await api('/cart', { method: 'DELETE' });
    await addToCart(SOCK.classic);
    expect((await placeOrder()).status).toBe(201);
    const [order] = await listMyOrders();
    expect(order).toBeDefined();
    expect(order).not.toHaveProperty('status');
  });
});

describe('status-progression', () => {
  it('goes PENDING → PAID → SHIPPED → DELIVERED in configurable steps', async () => {
    let now = Date.parse('2025-11-03T09:00:00Z');
    setMockClock(() => now);
    setScenario('status-progression');
    await loggedInWith(SOCK.classic);
    const created = (await readJson(await placeOrder())) as { status: string; shipment: unknown };
    expect(created).toMatchObject({ status: 'PENDING', shipment: null });
    const seen: string[] = [];
    for (let step = 0; step < 4; step += 1) {
      seen.push((await listMyOrders())[0]?.status ?? '');
      now += 3_000;
    }
    expect(seen).toEqual(['PENDING', 'PAID', 'SHIPPED', 'DELIVERED']);
  });
});

describe('incident-3', () => {
  it('seeds Rayaan and parvaiz with the eight orders of the report (6 PAYMENT_FAILED, $479.20 at risk)', async () => {
    setScenario('incident-3');
    const orders = listOrders();
    expect(orders).toHaveLength(8);
    const failed = orders.filter((o) => o.state === 'PAYMENT_FAILED');
    expect(failed.map((o) => o.id.slice(-5))).toEqual([
      'ceb47',
      'ceb4a',
      'ceb4b',
      'ceb4c',
      'ceb4d',
      'ceb4e',
    ]);
    expect(failed.map((o) => o.total.toFixed(2))).toEqual([
      '104.98',
      '104.98',
      '19.99',
      '104.98',
      '122.13',
      '22.14',
    ]);
    expect(failed.reduce((sum, o) => sum + o.total, 0)).toBeCloseTo(479.2, 2);
    expect(failed.map((o) => new Date(o.createdAt).toISOString().slice(11, 19))).toEqual([
      '05:14:24',
      '08:24:46',
      '08:25:14',
      '08:26:40',
      '08:28:19',
      '08:28:32',
    ]);
    expect(orders.map((o) => o.id)).toContain('690320cee2c84800016ceb4a');
    expect(orders.filter((o) => o.state === 'PAID')).toHaveLength(2);

    expect((await login('Rayaan', 'password')).status).toBe(200);
    const rayaan = await listMyOrders();
    expect(rayaan.map((o) => o.status)).toEqual([
      'PAYMENT_FAILED',
      'PAID',
      'PAYMENT_FAILED',
      'PAYMENT_FAILED',
    ]);
    expect(rayaan.every((o) => o.status === 'PAID' || o.shipment === null)).toBe(true);
    expect((await login('parvaiz', 'password')).status).toBe(200);
    expect((await listMyOrders()).map((o) => o.status)).toEqual([
      'PAID',
      'PAYMENT_FAILED',
      'PAYMENT_FAILED',
      'PAYMENT_FAILED',
    ]);
    const shoppers: string[] = [INCIDENT_USER_ID.rayaan, INCIDENT_USER_ID.parvaiz];
    expect(orders.every((o) => shoppers.includes(o.customerId))).toBe(true);
  });

  it('has payment down from 08:24 to 08:35 UTC on 2025-10-30', async () => {
    let now = PAYMENT_OUTAGE.from + 60_000;
    setMockClock(() => now);
    setScenario('incident-3');
    await login('Rayaan', 'password');
    await addToCart(SOCK.weaveSpecial);
    expect(await paymentHealth()).toBe('err');
    const failed = await placeOrder();
    expect(failed.status).toBe(500);
    expect(await readJson(failed)).toEqual(ioError);
    now = PAYMENT_OUTAGE.to;
    expect(await paymentHealth()).toBe('OK');
    expect((await placeOrder()).status).toBe(201);
    expect(listOrders()).toHaveLength(10);
  });
});
