import type { HttpHandler } from 'msw';
import { listCustomers } from '../db';
import { rawJson, route, type HandlerOptions } from '../lib/http';
import { customerJson } from './user';

/**
 * Routes used by the ops payment-issues view. `GET /customers` is relayed by the real front-end to
 * the user service with no authentication (reference 2.3): 200, no Content-Type,
 * `{"_embedded":{"customer":[…]}}` with every customer. Each customer's orders come from
 * `GET /orders/search/customerId` (handlers/orders.ts).
 */
export function opsHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    route('get', '/customers', options, (ctx) =>
      rawJson(ctx, 200, { _embedded: { customer: listCustomers().map(customerJson) } }),
    ),
  ];
}
