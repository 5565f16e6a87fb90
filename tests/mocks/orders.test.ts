import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureMock, setMockClock } from '../../mocks/config';
import { SOCK, USER_ID } from '../../mocks/data/seed';
import { cartItems, listIdempotencyRecords, listOrders } from '../../mocks/db';
import { parseIdempotencyKey } from '../../mocks/handlers/orders';
import { jacksonPretty } from '../../mocks/lib/jackson';
import { javaFloat, orderTotal } from '../../mocks/lib/money';
import { setScenario } from '../../mocks/scenarios';
import { addToCart, api, listMyOrders, login, placeOrder, postJson, readJson } from './support';

interface CreatedOrder {
  id: string;
  customerId: string;
  customer: { id: null; username: string };
  address: { id: null };
  card: { id: null; longNum: string };
  items: Array<{ id: string; itemId: string; quantity: number; unitPrice: number }>;
  shipment: { id: string; name: string } | null;
  date: string;
  total: number;
  status?: string;
}

const idOf = (href: string): string => href.split('/').pop() ?? '';

afterEach(() => {
  vi.useRealTimers();
});

describe('POST /orders (healthy)', () => {
  it('answers 201 with the plain order (top-level id, null nested ids, PAID) and no Content-Type', async () => {
    await login();
    await addToCart(SOCK.nerdLeg);
    await addToCart(SOCK.nerdLeg);
    await addToCart(SOCK.crossed);

    const response = await placeOrder();
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBeNull();
    const order = (await readJson(response)) as CreatedOrder;
    expect(order.id).toMatch(/^[0-9a-f]{24}$/);
    expect(order).toMatchObject({
      customerId: USER_ID.user,
      customer: { id: null, username: 'user' },
      address: { id: null },
      card: { id: null, longNum: '5544154011345918' },
      shipment: { name: USER_ID.user },
      total: 38.29,
      status: 'PAID',
    });
    expect(order.shipment?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(order.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(order.items.map((i) => [i.itemId, i.quantity, i.unitPrice])).toEqual([
      [SOCK.nerdLeg, 2, 7.99],
      [SOCK.crossed, 1, 17.32],
    ]);
    // The front-end does not clear the cart: the UI calls DELETE /cart.
    expect(cartItems(USER_ID.user)).toHaveLength(2);
  });

  it('then GET /orders answers 201, a bare HAL array without ids, oldest first, no Content-Type', async () => {
    await login();
    await addToCart(SOCK.classic);
    const first = (await readJson(await placeOrder())) as CreatedOrder;
    await addToCart(SOCK.classic);
    const second = (await readJson(await placeOrder())) as CreatedOrder;

    const response = await api('/orders');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBeNull();
    const list = (await readJson(response)) as Array<
      Record<string, unknown> & { _links: { self: { href: string }; order: { href: string } } }
    >;
    expect(list).toHaveLength(2);
    for (const element of list) {
      expect(element).not.toHaveProperty('id');
      expect(element.status).toBe('PAID');
      expect(element._links.self.href).toMatch(/^http:\/\/orders\/orders\/[0-9a-f]{24}$/);
      expect(element._links.order.href).toBe(element._links.self.href);
      expect(JSON.stringify(element.items)).not.toContain('"id"');
    }
    expect(list.map((o) => idOf(o._links.self.href))).toEqual([first.id, second.id]);
    expect(list[1]?.total).toBe(28.99);
  });

  it('GET /orders/:id answers pretty-printed HAL (whole floats as 15.0); unknown id → 404 empty', async () => {
    await login();
    await addToCart(SOCK.superSportXl);
    const created = (await readJson(await placeOrder())) as CreatedOrder;

    const response = await api(`/orders/${created.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/hal+json;charset=UTF-8');
    const text = await response.text();
    expect(text).toContain('"unitPrice" : 15.0');
    expect(text).toContain(`"href" : "http://orders/orders/${created.id}"`);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('id');
    expect(parsed).toMatchObject({ status: 'PAID', total: 19.99 });

    const missing = await api('/orders/000000000000000000000000');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('');
  });

  it('places an order for an empty cart, like the real server (items [] and total 4.99)', async () => {
    await login();
    const order = (await readJson(await placeOrder())) as CreatedOrder;
    expect(order.items).toEqual([]);
    expect(order.total).toBe(4.99);
  });
});

describe('POST /orders failures', () => {
  it('not logged in: 500 {"message":"User not logged in.","error":{}} with a JSON Content-Type (GET too)', async () => {
    for (const method of ['POST', 'GET']) {
      const response = await api('/orders', { method });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await readJson(response)).toEqual({ message: 'User not logged in.', error: {} });
    }
  });

  it('no card saved: 406 InvalidOrderException, nothing saved', async () => {
    await postJson('/register', {
      username: 'nocard',
      password: 'pw',
      email: 'n@example.com',
      firstName: 'N',
      lastName: 'C',
    });
    await addToCart(SOCK.classic);
    const response = await placeOrder();
    expect(response.status).toBe(406);
    expect(await readJson(response)).toEqual({
      timestamp: expect.any(Number),
      status: 406,
      error: 'Not Acceptable',
      exception: 'works.weave.socks.orders.controllers.OrdersController$InvalidOrderException',
      message: 'Invalid order request. Order requires customer, address, card and items.',
      path: '/orders',
    });
    expect(listOrders()).toEqual([]);
  });

  it('over 100.00: 406 PaymentDeclinedException; the order is saved as PAYMENT_FAILED without shipment', async () => {
    await login();
    await addToCart(SOCK.holy);
    const response = await placeOrder();
    expect(response.status).toBe(406);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await readJson(response)).toMatchObject({
      status: 406,
      error: 'Not Acceptable',
      exception: 'works.weave.socks.orders.controllers.OrdersController$PaymentDeclinedException',
      message: 'Payment declined: amount exceeds 100.00',
      path: '/orders',
    });
    const [saved] = await listMyOrders();
    expect(saved).toMatchObject({ status: 'PAYMENT_FAILED', shipment: null, total: 104.979996 });
  });

  it('the decline threshold is configurable (HEAD payment uses 105)', async () => {
    configureMock({ declineOverAmount: 105 });
    await login();
    await addToCart(SOCK.holy);
    expect((await placeOrder()).status).toBe(201);
  });

  it('a stale session (logged_in without a session customer): GET /orders 201 [], POST drops the connection', async () => {
    document.cookie = 'logged_in=stale; Path=/';
    const list = await api('/orders');
    expect(list.status).toBe(201);
    expect(await list.text()).toBe('[]');
    await expect(placeOrder()).rejects.toThrow();
  });
});

describe('legacy (upstream) backend', () => {
  it('has no status field and does not save failed orders', async () => {
    configureMock({ legacy: true });
    await login();
    await addToCart(SOCK.holy);
    expect((await placeOrder()).status).toBe(406);
    expect(listOrders()).toEqual([]);

    await api(`/cart/${SOCK.holy}`, { method: 'DELETE' });
    await addToCart(SOCK.classic);
    const created = (await readJson(await placeOrder())) as CreatedOrder;
    expect(created).not.toHaveProperty('status');
    expect(created.shipment).not.toBeNull();
    const [listed] = await listMyOrders();
    expect(listed).not.toHaveProperty('status');
    expect(listOrders()).toHaveLength(1);
  });
});

describe('status lifecycle (computed lazily from timestamps)', () => {
  it('goes PAID → SHIPPED → DELIVERED after the configured delays (injected clock)', async () => {
    let now = Date.parse('2025-11-01T10:00:00Z');
    setMockClock(() => now);
    configureMock({ shippedAfterMs: 20_000, deliveredAfterMs: 40_000 });
    await login();
    await addToCart(SOCK.classic);
    const created = (await readJson(await placeOrder())) as CreatedOrder;
    expect(created.status).toBe('PAID');

    const statusNow = async () =>
      (await readJson(await api(`/orders/${created.id}`))) as { status: string };
    now += 19_999;
    expect((await statusNow()).status).toBe('PAID');
    now += 1;
    expect((await statusNow()).status).toBe('SHIPPED');
    now += 20_000;
    expect((await statusNow()).status).toBe('DELIVERED');
  });

  it('works with vi fake timers (Date) too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-11-01T10:00:00Z'));
    await login();
    await addToCart(SOCK.classic);
    await placeOrder();
    vi.setSystemTime(new Date('2025-11-01T10:00:25Z'));
    expect((await listMyOrders())[0]?.status).toBe('SHIPPED');
    vi.setSystemTime(new Date('2025-11-01T10:01:00Z'));
    expect((await listMyOrders())[0]?.status).toBe('DELIVERED');
  });

  it('shows PENDING (no shipment) until payment is authorised when pendingMs > 0', async () => {
    let now = Date.parse('2025-11-01T10:00:00Z');
    setMockClock(() => now);
    configureMock({ pendingMs: 2_000 });
    await login();
    await addToCart(SOCK.classic);
    const created = (await readJson(await placeOrder())) as CreatedOrder;
    expect(created).toMatchObject({ status: 'PENDING', shipment: null });
    now += 2_000;
    expect((await listMyOrders())[0]).toMatchObject({
      status: 'PAID',
      shipment: { name: USER_ID.user },
    });
  });
});

const key = (value: string) => ({ 'Idempotency-Key': value });

function expectNoDuplicateOrders(): void {
  const records = listIdempotencyRecords();
  const ids = records.map((r) => r.orderId).filter((id): id is string => id !== null);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(listOrders().filter((o) => o.id === id)).toHaveLength(1);
}

describe('Idempotency-Key on POST /orders (mock extension)', () => {
  it('replays the first result for the same key and cart: one order, one charge', async () => {
    await login();
    await addToCart(SOCK.classic);
    const first = await placeOrder(key('"checkout-1"'));
    const firstBody = await first.text();
    expect(first.status).toBe(201);

    // Bare and sf-string forms are the same key.
    const again = await placeOrder(key('checkout-1'));
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    expect(listOrders()).toHaveLength(1);
    expect(listIdempotencyRecords()).toEqual([
      expect.objectContaining({
        key: 'checkout-1',
        state: 'completed',
        uses: 2,
        orderId: (JSON.parse(firstBody) as { id: string }).id,
      }),
    ]);
    expectNoDuplicateOrders();
  });

  it('answers 409 while the first request is still in flight, then replays it', async () => {
    setScenario('orders-slow');
    await login();
    await addToCart(SOCK.classic);
    // The first answer waits on a fake timer: it stays in flight until the clock is moved.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    const firstPromise = placeOrder(key('slow-1'));
    await vi.waitUntil(() =>
      listIdempotencyRecords().some((r) => r.key === 'slow-1' && r.state === 'in-flight'),
    );
    const conflict = await placeOrder(key('slow-1'));
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('content-type')).toBe('application/problem+json');
    expect(await readJson(conflict)).toMatchObject({ status: 409 });

    await vi.advanceTimersByTimeAsync(15_000); // ordersSlowMs
    const first = await firstPromise;
    expect(first.status).toBe(201);
    const replayed = await placeOrder(key('slow-1'));
    expect(replayed.status).toBe(201);
    expect(listOrders()).toHaveLength(1);
    expectNoDuplicateOrders();
  });

  it('answers 422 when the key is reused with a different cart', async () => {
    await login();
    await addToCart(SOCK.classic);
    expect((await placeOrder(key('k-422'))).status).toBe(201);
    await addToCart(SOCK.classic);
    const reused = await placeOrder(key('k-422'));
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(listOrders()).toHaveLength(1);
  });

  it('replays failures too (no second order or charge), so a new attempt needs a new key', async () => {
    setScenario('payment-down');
    await login();
    await addToCart(SOCK.classic);
    const first = await placeOrder(key('down-1'));
    expect(first.status).toBe(500);
    setScenario('healthy');
    const retried = await placeOrder(key('down-1'));
    expect(retried.status).toBe(500);
    expect(await retried.text()).toBe(await first.text());
    expect(listOrders().map((o) => o.state)).toEqual(['PAYMENT_FAILED']);

    const fresh = await placeOrder(key('down-2'));
    expect(fresh.status).toBe(201);
    expect(listOrders().map((o) => o.state)).toEqual(['PAYMENT_FAILED', 'PAID']);
    expectNoDuplicateOrders();
  });

  it('does not record validation failures: the same key works once the card is added', async () => {
    await postJson('/register', {
      username: 'later',
      password: 'pw',
      email: 'l@example.com',
      firstName: 'L',
      lastName: 'A',
    });
    await addToCart(SOCK.classic);
    expect((await placeOrder(key('v-1'))).status).toBe(406);
    await postJson('/addresses', {
      number: '1',
      street: 'A St',
      city: 'B',
      postcode: 'C',
      country: 'D',
    });
    await postJson('/cards', { longNum: '4111111111111111', expires: '01/30', ccv: '111' });
    expect((await placeOrder(key('v-1'))).status).toBe(201);
  });

  it('scopes keys per customer', async () => {
    await login('user', 'password');
    await addToCart(SOCK.classic);
    expect((await placeOrder(key('shared'))).status).toBe(201);
    await login('user1', 'password');
    await addToCart(SOCK.classic);
    expect((await placeOrder(key('shared'))).status).toBe(201);
    expect(new Set(listOrders().map((o) => o.customerId)).size).toBe(2);
    expectNoDuplicateOrders();
  });

  it('reads the key as an RFC 8941 sf-string or bare', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8"')).toBe('8e03978e-40d5-43e8');
    expect(parseIdempotencyKey('"say \\"hi\\""')).toBe('say "hi"');
    expect(parseIdempotencyKey('bare-key')).toBe('bare-key');
    expect(parseIdempotencyKey(null)).toBeNull();
    expect(parseIdempotencyKey('"unterminated')).toBe('invalid');
    expect(parseIdempotencyKey('x'.repeat(256))).toBe('invalid');
  });

  it('rejects an empty key with 400 and behaves normally without a key', async () => {
    await login();
    expect((await placeOrder(key('""'))).status).toBe(400);
    expect((await placeOrder()).status).toBe(201);
    expect((await placeOrder()).status).toBe(201);
    expect(listOrders()).toHaveLength(2);
    expect(listIdempotencyRecords()).toEqual([]);
    expect((await api('/orders')).status).toBe(201);
  });
});

describe('Java float money', () => {
  it('totals one Holy sock like the real orders service: 104.979996, not 104.98', () => {
    const total = orderTotal([{ quantity: 1, unitPrice: 99.99 }]);
    expect(total).toBe(104.979996);
    expect(JSON.stringify({ total })).toBe('{"total":104.979996}');
  });

  it('keeps totals that survive float32 unchanged (reference 9.5: 38.29)', () => {
    expect(
      orderTotal([
        { quantity: 2, unitPrice: 7.99 },
        { quantity: 1, unitPrice: 17.32 },
      ]),
    ).toBe(38.29);
    expect(orderTotal([])).toBe(4.99);
  });

  it('prints the shortest decimal that reads back as the same float32', () => {
    expect(javaFloat(0.1)).toBe(0.1);
    expect(javaFloat(Math.fround(99.99) + Math.fround(4.99))).toBe(104.979996);
    expect(javaFloat(15)).toBe(15);
  });

  it('pretty-prints like Jackson, with whole floats as 15.0', () => {
    const text = jacksonPretty(
      { total: 15, quantity: 2, items: [{ unitPrice: 15 }], empty: [], none: {} },
      new Set(['total', 'unitPrice']),
    );
    expect(text).toBe(
      '{\n  "total" : 15.0,\n  "quantity" : 2,\n  "items" : [ {\n    "unitPrice" : 15.0\n  } ],\n  "empty" : [ ],\n  "none" : { }\n}',
    );
  });
});
