import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCK } from '../../mocks/data/seed';
import { startMockApi, type MockApi } from '../../mocks/http-server';
import { server } from '../../mocks/node';

/**
 * The standalone server over real HTTP. MSW's interceptors (started by the Vitest setup) would
 * capture these requests, so they are switched off for this file and back on at the end.
 */
let mockApi: MockApi;

beforeAll(async () => {
  server.close();
  mockApi = await startMockApi({ port: 0 });
});

afterAll(async () => {
  await mockApi.close();
  server.listen({ onUnhandledRequest: 'error' });
});

/** A minimal browser-like cookie jar. */
function client() {
  const jar = new Map<string, string>();
  return {
    jar,
    async request(path: string, init: RequestInit = {}): Promise<Response> {
      const headers = new Headers(init.headers);
      if (jar.size > 0) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
      const response = await fetch(`${mockApi.url}${path}`, {
        ...init,
        headers,
        redirect: 'manual',
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      return response;
    },
  };
}

describe('standalone mock API (npm run mock-api)', () => {
  it('listens on a free port and speaks the API at the root', async () => {
    expect(mockApi.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${mockApi.url}/catalogue/size`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ size: 10, err: null });
    expect((await fetch(`${mockApi.url}/api/catalogue`)).status).toBe(404);
  });

  it('logs in with real Set-Cookie headers (HttpOnly md.sid, logged_in), keeps a cart and places an order', async () => {
    const browser = client();
    const auth = `Basic ${Buffer.from('user:password').toString('base64')}`;
    const login = await browser.request('/login', { headers: { Authorization: auth } });
    expect(login.status).toBe(200);
    expect(await login.text()).toBe('Cookie is set');
    const setCookies = login.headers.getSetCookie();
    expect(setCookies).toHaveLength(2);
    expect(setCookies[0]).toMatch(/^md\.sid=s%3A.+; Path=\/; HttpOnly$/);
    expect(setCookies[1]).toMatch(/^logged_in=.+; Max-Age=3600; Path=\/; Expires=.+ GMT$/);

    const added = await browser.request('/cart', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: SOCK.weaveSpecial }),
    });
    expect(added.status).toBe(201);
    const cart = await browser.request('/cart');
    expect(cart.headers.get('content-type')).toBeNull();
    expect(await cart.json()).toEqual([
      expect.objectContaining({ itemId: SOCK.weaveSpecial, quantity: 1, unitPrice: 17.15 }),
    ]);

    const placed = await browser.request('/orders', { method: 'POST' });
    expect(placed.status).toBe(201);
    expect(placed.headers.get('content-type')).toBeNull();
    const order = (await placed.json()) as { id: string; total: number; status: string };
    expect(order).toMatchObject({ total: 22.14, status: 'PAID' });

    const list = await browser.request('/orders');
    expect(list.status).toBe(201);
    const [listed] = (await list.json()) as Array<{ _links: { self: { href: string } } }>;
    expect(listed?._links.self.href).toBe(`http://orders/orders/${order.id}`);

    const detail = await browser.request(`/orders/${order.id}`);
    expect(detail.headers.get('content-type')).toBe('application/hal+json;charset=UTF-8');
  });

  it('answers 401 to bad credentials and 500 to order routes without logged_in', async () => {
    const browser = client();
    const auth = `Basic ${Buffer.from('user:wrong').toString('base64')}`;
    expect((await browser.request('/login', { headers: { Authorization: auth } })).status).toBe(
      401,
    );
    const orders = await browser.request('/orders');
    expect(orders.status).toBe(500);
    expect(orders.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await orders.json()).toEqual({ message: 'User not logged in.', error: {} });
  });

  it('drops the connection where the real front-end crashes, and 301s trailing slashes', async () => {
    const browser = client();
    await expect(
      browser.request('/cart', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"id":""}',
      }),
    ).rejects.toThrow();
    const redirect = await browser.request('/tags/');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/tags');
  });
});
