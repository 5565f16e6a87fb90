import { configureMock, getMockConfig, mockNow, type MockConfig } from './config';
import { seedHostile } from './data/hostile';
import type { StoredOrder } from './data/types';
import {
  addressesOf,
  cardsOf,
  findCustomerByUsername,
  insertOrder,
  listIdempotencyRecords,
  listOrders,
  listSocks,
  resetDb,
} from './db';
import { objectId, uuid } from './lib/ids';
import { orderTotal } from './lib/money';
import { orderParties } from './lib/order-parties';
import { getScenario, isScenarioName, setScenario } from './scenarios';
import { statusAt } from './services/order-status';

/**
 * Test controls of the standalone mock server, under `/__mock/` (no real Sock Shop has them; the
 * Sock Shop API itself is untouched). Browser tests of the live build use them to pick a scenario,
 * shrink delays, seed data and read what the backend recorded:
 *
 *   GET    /__mock/state        {scenario, config}
 *   POST   /__mock/reset        seed data, default knobs, healthy
 *   PUT    /__mock/scenario     {"name": "payment-down"}
 *   PATCH  /__mock/config       {"paymentTimeoutMs": 2000, ...} numeric knobs
 *   POST   /__mock/seed         {"name": "hostile"} → ids of the seeded orders
 *   POST   /__mock/orders       {"username", "state"?, "rawStatus"?} → {id}: an order placed earlier
 *   GET    /__mock/orders       every order: {id, customerId, status, total, items}
 *   GET    /__mock/idempotency  every Idempotency-Key record: {scope, key, state, orderId, uses}
 */
export const CONTROL_PREFIX = '/__mock/';

export interface ControlReply {
  status: number;
  body: unknown;
}

const NUMERIC_KNOBS = [
  'declineOverAmount',
  'paymentTimeoutMs',
  'ordersSlowMs',
  'paymentRecoversAfterMs',
  'flakySeed',
  'flakyFailureRate',
  'pendingMs',
  'shippedAfterMs',
  'deliveredAfterMs',
  'progressionStepMs',
  'latencyMs',
] as const satisfies readonly (keyof MockConfig)[];

function asObject(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('expected a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function configPatch(body: Record<string, unknown>): Partial<MockConfig> | string {
  const patch: Partial<MockConfig> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!(NUMERIC_KNOBS as readonly string[]).includes(name)) return `unknown knob ${name}`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      return `${name} must be a number >= 0`;
    }
    patch[name as (typeof NUMERIC_KNOBS)[number]] = value;
  }
  return patch;
}

function placeEarlierOrder(body: Record<string, unknown>): ControlReply {
  const username = typeof body.username === 'string' ? body.username : '';
  const customer = findCustomerByUsername(username);
  const address = customer && addressesOf(customer.id)[0];
  const card = customer && cardsOf(customer.id)[0];
  if (!customer || !address || !card) {
    return { status: 400, body: { error: `no shopper ${username} with an address and a card` } };
  }
  const state = body.state ?? 'PAID';
  if (state !== 'PAID' && state !== 'PAYMENT_FAILED' && state !== 'PENDING') {
    return { status: 400, body: { error: 'state must be PAID, PAYMENT_FAILED or PENDING' } };
  }
  const sock = listSocks()[0];
  if (!sock) return { status: 500, body: { error: 'empty catalogue' } };
  const now = mockNow();
  const items = [{ id: objectId(now), itemId: sock.id, quantity: 1, unitPrice: sock.price }];
  const order: StoredOrder = {
    id: objectId(now - 60_000),
    ...orderParties(customer, address, card),
    items,
    shipment: { id: uuid(), name: customer.id },
    createdAt: now - 60_000,
    total: orderTotal(items),
    state,
    paidAt: state === 'PAID' ? now - 60_000 : null,
    shippedAt: null,
    deliveredAt: null,
    failureReason: state === 'PAYMENT_FAILED' ? 'payment unavailable' : null,
    legacy: false,
    ...(typeof body.rawStatus === 'string' ? { rawStatus: body.rawStatus } : {}),
  };
  insertOrder(order);
  return { status: 201, body: { id: order.id } };
}

/** Answers a control request, or null when the path is not a control path. */
export function handleControl(method: string, path: string, rawBody: string): ControlReply | null {
  if (!path.startsWith(CONTROL_PREFIX)) return null;
  const what = path.slice(CONTROL_PREFIX.length).replace(/\/+$/, '');
  let body: Record<string, unknown>;
  try {
    body = asObject(rawBody);
  } catch {
    return { status: 400, body: { error: 'body must be a JSON object' } };
  }
  const at = mockNow();
  switch (`${method} ${what}`) {
    case 'GET state':
      return { status: 200, body: { scenario: getScenario(), config: getMockConfig() } };
    case 'POST reset':
      resetDb();
      return { status: 204, body: null };
    case 'PUT scenario': {
      const name = typeof body.name === 'string' ? body.name : '';
      if (!isScenarioName(name))
        return { status: 400, body: { error: `unknown scenario ${name}` } };
      setScenario(name);
      return { status: 204, body: null };
    }
    case 'PATCH config': {
      const patch = configPatch(body);
      if (typeof patch === 'string') return { status: 400, body: { error: patch } };
      configureMock(patch);
      return { status: 200, body: getMockConfig() };
    }
    case 'POST seed':
      if (body.name !== 'hostile') return { status: 400, body: { error: 'known seeds: hostile' } };
      return { status: 200, body: seedHostile() };
    case 'POST orders':
      return placeEarlierOrder(body);
    case 'GET orders':
      return {
        status: 200,
        body: listOrders().map((order) => ({
          id: order.id,
          customerId: order.customerId,
          status: order.rawStatus ?? statusAt(order, at),
          total: order.total,
          items: order.items.map(({ itemId, quantity }) => ({ itemId, quantity })),
        })),
      };
    case 'GET idempotency':
      return {
        status: 200,
        body: listIdempotencyRecords().map(({ scope, key, state, orderId, uses }) => ({
          scope,
          key,
          state,
          orderId,
          uses,
        })),
      };
    default:
      return { status: 404, body: { error: `no control ${method} ${path}` } };
  }
}
