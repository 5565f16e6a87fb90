/** Small helpers for the mock-backend tests: plain fetch against the MSW server at `/api`. */

export function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`/api${path}`, { credentials: 'same-origin', ...init });
}

export function basic(username: string, password: string): string {
  return `Basic ${btoa(`${username}:${password}`)}`;
}

export function login(username = 'user', password = 'password'): Promise<Response> {
  return api('/login', { headers: { Authorization: basic(username, password) } });
}

export function postJson(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return api(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export function addToCart(id: string): Promise<Response> {
  return postJson('/cart', { id });
}

export function placeOrder(headers: Record<string, string> = {}): Promise<Response> {
  return api('/orders', { method: 'POST', headers });
}

export async function readJson(response: Response): Promise<unknown> {
  return JSON.parse(await response.text()) as unknown;
}

/** `document.cookie` as a record (what the app can see). */
export function documentCookies(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) out[name] = rest.join('=');
  }
  return out;
}

/** A session cookie for anonymous shopping: a product image sets md.sid (reference 13.1). */
export async function startAnonymousSession(): Promise<void> {
  const response = await api('/catalogue/images/holy_1.jpeg');
  await response.arrayBuffer();
}

export interface HalOrder {
  status?: string;
  total: number;
  shipment: { name: string } | null;
  items: Array<{ itemId: string; quantity: number; unitPrice: number }>;
  _links: { self: { href: string } };
  id?: string;
}

export async function listMyOrders(): Promise<HalOrder[]> {
  const response = await api('/orders');
  if (response.status !== 201) throw new Error(`GET /orders answered ${response.status}`);
  return (await readJson(response)) as HalOrder[];
}
