import type { HttpHandler } from 'msw';
import { getMockConfig, mockNow, sleep } from '../config';
import type {
  CartItem,
  Customer,
  IdempotencyRecord,
  StoredOrder,
  StoredResponse,
} from '../data/types';
import {
  addressesOf,
  cardsOf,
  cartItems,
  dbGeneration,
  findCustomer,
  findIdempotencyRecord,
  findOrder,
  insertOrder,
  ordersOf,
  saveIdempotencyRecord,
  updateOrder,
} from '../db';
import { javaDate } from '../lib/dates';
import { objectId, uuid } from '../lib/ids';
import { jacksonPretty, type JsonValue } from '../lib/jackson';
import { orderTotal } from '../lib/money';
import { orderParties } from '../lib/order-parties';
import {
  connectionReset,
  emptyReply,
  nodeError,
  reply,
  route,
  springError,
  type HandlerOptions,
  type RequestContext,
} from '../lib/http';
import { getScenario } from '../scenarios';
import { statusAt, hasShipment } from '../services/order-status';
import { authorisePayment } from '../services/payment';

const ORDERS = 'http://orders/orders';
const FLOAT_KEYS = new Set(['total', 'unitPrice']);
const HAL_JSON = 'application/hal+json;charset=UTF-8';
const PROBLEM_JSON = 'application/problem+json';

const INVALID_ORDER = 'works.weave.socks.orders.controllers.OrdersController$InvalidOrderException';
const PAYMENT_DECLINED =
  'works.weave.socks.orders.controllers.OrdersController$PaymentDeclinedException';
const ILLEGAL_STATE = 'java.lang.IllegalStateException';
const IO_ERROR = 'Unable to create order due to unspecified IO error.';
const TIMEOUT = 'Unable to create order due to timeout from one of the services.';

/** Upstream Sock Shop: no status field, failed orders never stored. */
export function isLegacyBackend(): boolean {
  return getMockConfig().legacy || getScenario() === 'legacy-backend';
}

// ---------------------------------------------------------------- serialization

/** `POST /orders` 201 body: plain Jackson JSON with `id`, nested user-service ids null. */
function orderCreatedJson(order: StoredOrder, at: number): Record<string, JsonValue> {
  const json: Record<string, JsonValue> = {
    id: order.id,
    customerId: order.customerId,
    customer: { id: null, ...order.customer, addresses: [], cards: [] },
    address: { id: null, ...order.address },
    card: { id: null, ...order.card },
    items: order.items.map((item) => ({ ...item })),
    shipment: hasShipment(order, at) ? { ...order.shipment } : null,
    date: javaDate(order.createdAt),
    total: order.total,
  };
  if (!isLegacyBackend()) json.status = order.rawStatus ?? statusAt(order, at);
  return json;
}

/** Spring Data REST HAL entity: no `id` anywhere, `_links.self`/`_links.order`. */
function orderHalJson(order: StoredOrder, at: number): Record<string, JsonValue> {
  const href = `${ORDERS}/${order.id}`;
  const json: Record<string, JsonValue> = {
    customerId: order.customerId,
    customer: { ...order.customer, addresses: [], cards: [] },
    address: { ...order.address },
    card: { ...order.card },
    items: order.items.map(({ itemId, quantity, unitPrice }) => ({ itemId, quantity, unitPrice })),
    shipment: hasShipment(order, at) ? { name: order.shipment.name } : null,
    date: javaDate(order.createdAt),
    total: order.total,
  };
  if (!isLegacyBackend()) json.status = order.rawStatus ?? statusAt(order, at);
  json._links = { self: { href }, order: { href } };
  return json;
}

function truncated(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length * 0.6)));
}

// ---------------------------------------------------------------- idempotency (mock extension)

/** `Idempotency-Key` as an RFC 8941 sf-string (`"abc"`) or bare (`abc`, as Stripe sends it). */
export function parseIdempotencyKey(header: string | null): string | null | 'invalid' {
  if (header === null) return null;
  let key = header.trim();
  if (key.startsWith('"')) {
    if (key.length < 2 || !key.endsWith('"')) return 'invalid';
    key = key.slice(1, -1).replace(/\\(["\\])/g, '$1');
  }
  if (key === '' || key.length > 255) return 'invalid';
  return key;
}

/** The cart contents a key is bound to. */
function cartFingerprint(items: readonly CartItem[]): string {
  return items
    .map((item) => `${item.itemId}x${item.quantity}@${item.unitPrice}`)
    .sort()
    .join(',');
}

function problem(
  ctx: RequestContext,
  status: 400 | 409 | 422,
  title: string,
  detail: string,
): Response {
  return reply(ctx, {
    status,
    body: JSON.stringify({ type: 'about:blank', title, status, detail }),
    contentType: PROBLEM_JSON,
  });
}

function replay(ctx: RequestContext, stored: StoredResponse): Response {
  return reply(ctx, {
    status: stored.status,
    body: stored.body,
    contentType: stored.contentType,
    headers: { 'Idempotent-Replayed': 'true' },
  });
}

// ---------------------------------------------------------------- POST /orders

interface Outcome {
  response: StoredResponse;
  orderId: string | null;
}

const ordersUnreachable = {
  message: 'connect ECONNREFUSED 10.96.45.17:80',
  error: {
    code: 'ECONNREFUSED',
    errno: 'ECONNREFUSED',
    syscall: 'connect',
    address: '10.96.45.17',
    port: 80,
  },
};

function relayed(status: number, body: unknown): StoredResponse {
  return { status, body: JSON.stringify(body), contentType: null };
}

/**
 * The orders service of the incident's backend (reference section 6): the order is saved first
 * (CREATED → PENDING), then payment decides PAID or PAYMENT_FAILED. A declined payment is saved
 * as PAYMENT_FAILED too (the status is saved before payment is asked). Legacy (upstream): the
 * order is saved only once payment is authorised, without status.
 */
async function runOrder(customer: Customer, items: CartItem[]): Promise<Outcome | 'reset'> {
  const generation = dbGeneration();
  const config = getMockConfig();
  const legacy = isLegacyBackend();
  const address = addressesOf(customer.id)[0];
  const card = cardsOf(customer.id)[0];
  if (!address || !card) throw new Error('runOrder needs an address and a card');
  const now = mockNow();
  const order: StoredOrder = {
    id: objectId(now),
    ...orderParties(customer, address, card),
    items,
    shipment: { id: uuid(), name: customer.id },
    createdAt: now,
    total: orderTotal(items),
    state: 'PENDING',
    paidAt: null,
    shippedAt: null,
    deliveredAt: null,
    failureReason: null,
    legacy,
  };
  if (!legacy) insertOrder(order);

  const failed = (reason: string): void => {
    if (!legacy) updateOrder(order.id, { state: 'PAYMENT_FAILED', failureReason: reason });
  };

  const payment = authorisePayment(order.total);
  switch (payment.kind) {
    case 'timeout': {
      await sleep(config.paymentTimeoutMs);
      if (dbGeneration() !== generation) return 'reset';
      failed('Timeout waiting for the payment service');
      return {
        response: relayed(500, springError(500, ILLEGAL_STATE, TIMEOUT)),
        orderId: legacy ? null : order.id,
      };
    }
    case 'unreachable':
      failed(payment.reason);
      return {
        response: relayed(500, springError(500, ILLEGAL_STATE, IO_ERROR)),
        orderId: legacy ? null : order.id,
      };
    case 'declined':
      failed(payment.message);
      return {
        response: relayed(406, springError(406, PAYMENT_DECLINED, payment.message)),
        orderId: legacy ? null : order.id,
      };
    case 'authorised': {
      const progression = getScenario() === 'status-progression';
      const step = config.progressionStepMs;
      const paidAt = progression ? now + step : now + config.pendingMs;
      const paid: Partial<StoredOrder> = legacy
        ? { state: 'PAID', paidAt: now }
        : {
            state: 'PAID',
            paidAt,
            shippedAt: progression ? paidAt + step : paidAt + config.shippedAfterMs,
            deliveredAt: progression ? paidAt + 2 * step : paidAt + config.deliveredAfterMs,
          };
      if (legacy) insertOrder({ ...order, ...paid });
      else updateOrder(order.id, paid);
      const saved = findOrder(order.id);
      if (!saved) return 'reset';
      let body = JSON.stringify(orderCreatedJson(saved, now));
      if (getScenario() === 'malformed') body = truncated(body);
      return { response: { status: 201, body, contentType: null }, orderId: order.id };
    }
  }
}

async function placeOrder(ctx: RequestContext): Promise<Response> {
  if (!ctx.loggedInCookie) return nodeError(ctx, 'User not logged in.');
  // logged_in without a customer in the session: the front-end dereferences an error body and dies.
  const customer = findCustomer(ctx.session.customerId);
  if (!customer) return connectionReset();
  if (getScenario() === 'orders-down') {
    return nodeError(ctx, ordersUnreachable.message, ordersUnreachable.error);
  }

  const items = cartItems(customer.id);
  const fingerprint = cartFingerprint(items);
  const key = parseIdempotencyKey(ctx.request.headers.get('idempotency-key'));
  if (key === 'invalid') {
    return problem(
      ctx,
      400,
      'Invalid Idempotency-Key',
      'The Idempotency-Key header must be a non-empty string of at most 255 characters.',
    );
  }
  if (key !== null) {
    const record = findIdempotencyRecord(customer.id, key);
    if (record) {
      if (record.fingerprint !== fingerprint) {
        return problem(
          ctx,
          422,
          'Idempotency-Key reused',
          'This Idempotency-Key was already used with a different cart.',
        );
      }
      if (record.state === 'in-flight' || !record.response) {
        return problem(
          ctx,
          409,
          'Request in progress',
          'A request with this Idempotency-Key is still being processed. Retry later.',
        );
      }
      saveIdempotencyRecord({ ...record, uses: record.uses + 1 });
      return replay(ctx, record.response);
    }
  }

  // Validation failures are not recorded under the key: the same key may be retried once fixed.
  if (!addressesOf(customer.id)[0] || !cardsOf(customer.id)[0]) {
    const body = springError(
      406,
      INVALID_ORDER,
      'Invalid order request. Order requires customer, address, card and items.',
    );
    return reply(ctx, { status: 406, body: JSON.stringify(body) });
  }

  const generation = dbGeneration();
  let record: IdempotencyRecord | null = null;
  if (key !== null) {
    record = {
      scope: customer.id,
      key,
      fingerprint,
      state: 'in-flight',
      response: null,
      orderId: null,
      createdAt: mockNow(),
      uses: 1,
    };
    saveIdempotencyRecord(record);
  }

  const outcome = await runOrder(customer, items);
  if (outcome === 'reset') return connectionReset();
  if (getScenario() === 'orders-slow') await sleep(getMockConfig().ordersSlowMs);
  if (dbGeneration() !== generation) return connectionReset();
  if (record)
    saveIdempotencyRecord({
      ...record,
      state: 'completed',
      response: outcome.response,
      orderId: outcome.orderId,
    });
  return reply(ctx, {
    status: outcome.response.status,
    body: outcome.response.body,
    contentType: outcome.response.contentType,
  });
}

// ---------------------------------------------------------------- handlers

export function ordersHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    route('get', '/orders', options, (ctx) => {
      if (!ctx.loggedInCookie) return nodeError(ctx, 'User not logged in.');
      if (getScenario() === 'orders-down')
        return nodeError(ctx, ordersUnreachable.message, ordersUnreachable.error);
      if (getScenario() === 'malformed') {
        return reply(ctx, {
          status: 200,
          body: JSON.stringify({
            error: 'Internal Server Error',
            status_code: 500,
            status_text: 'Internal Server Error',
          }),
        });
      }
      const at = mockNow();
      // A stale session (no customer) queries custId=undefined: 201 [].
      const orders = ctx.session.customerId === undefined ? [] : ordersOf(ctx.session.customerId);
      return reply(ctx, {
        status: 201,
        body: JSON.stringify(orders.map((order) => orderHalJson(order, at))),
      });
    }),

    route('post', '/orders', options, (ctx) => placeOrder(ctx)),

    route('get', '/orders/search/customerId', options, (ctx) => {
      if (getScenario() === 'orders-down') return connectionReset();
      const url = new URL(ctx.request.url);
      const custId = url.searchParams.get('custId') ?? '';
      const at = mockNow();
      const body = {
        _embedded: { customerOrders: ordersOf(custId).map((order) => orderHalJson(order, at)) },
        _links: { self: { href: `${ORDERS}/search/customerId${url.search}` } },
      };
      return reply(ctx, {
        status: 200,
        body: jacksonPretty(body, FLOAT_KEYS),
        contentType: HAL_JSON,
      });
    }),

    route('get', '/orders/:id', options, (ctx, params) => {
      // The front-end pipes this with no error handler: orders down crashes the process.
      if (getScenario() === 'orders-down') return connectionReset();
      const order = findOrder(params.id ?? '');
      if (!order) return emptyReply(ctx, 404);
      let body = jacksonPretty(orderHalJson(order, mockNow()), FLOAT_KEYS);
      if (getScenario() === 'malformed') body = truncated(body);
      return reply(ctx, {
        status: 200,
        body,
        contentType: HAL_JSON,
        headers: { 'X-Application-Context': 'orders:80' },
      });
    }),
  ];
}
