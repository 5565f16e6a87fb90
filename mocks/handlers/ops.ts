import type { HttpHandler } from 'msw';
import type { Customer } from '../data/types';
import { incidentCustomers } from '../data/incident-3';
import { seedCustomers } from '../data/seed';
import { findCustomer, listOrders } from '../db';
import { rawJson, route, type HandlerOptions } from '../lib/http';

const USER = 'http://user';

/** A customer as the user service lists it (the same document as GET /customers/:id). */
function customerJson(c: Customer) {
  const self = `${USER}/customers/${c.id}`;
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    username: c.username,
    id: c.id,
    _links: {
      addresses: { href: `${self}/addresses` },
      cards: { href: `${self}/cards` },
      customer: { href: self },
      self: { href: self },
    },
  };
}

/**
 * The customers the db holds, in seed order: the demo users, the INCIDENT-3 shoppers once that
 * scenario has added them, and every customer who has placed an order. db.ts has no list
 * accessor, so a customer who registered and never ordered is not listed (it has no orders for
 * the ops view to count anyway).
 */
function listedCustomers(): Customer[] {
  const ids = new Set<string>([
    ...seedCustomers.map((c) => c.id),
    ...incidentCustomers.map((c) => c.id),
    ...listOrders().map((order) => order.customerId),
  ]);
  return [...ids].flatMap((id) => findCustomer(id) ?? []);
}

/**
 * Routes used by the ops payment-issues view. `GET /customers` is relayed by the real front-end to
 * the user service with no authentication (reference 2.3): 200, no Content-Type,
 * `{"_embedded":{"customer":[…]}}` with every customer. Each customer's orders come from
 * `GET /orders/search/customerId` (handlers/orders.ts).
 */
export function opsHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    route('get', '/customers', options, (ctx) =>
      rawJson(ctx, 200, { _embedded: { customer: listedCustomers().map(customerJson) } }),
    ),
  ];
}
