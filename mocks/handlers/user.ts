import type { HttpHandler } from 'msw';
import { mockNow } from '../config';
import type { Address, Customer } from '../data/types';
import {
  addAddress,
  addCard,
  addressesOf,
  cardsOf,
  createCustomer,
  findCustomer,
  findCustomerByUsername,
  mergeCarts,
  passwordMatches,
  saveSession,
} from '../db';
import { loggedInSetCookie } from '../lib/cookies';
import {
  cartOwner,
  emptyReply,
  field,
  keepSession,
  malformedBody,
  rawJson,
  readJsonBody,
  reply,
  route,
  type HandlerOptions,
  type RequestContext,
} from '../lib/http';

const USER = 'http://user';

/** A customer as the user service sends it (GET /customers/:id and the GET /customers list). */
export function customerJson(c: Customer) {
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

function addressJson(a: Address) {
  const self = `${USER}/addresses/${a.id}`;
  return {
    street: a.street,
    number: a.number,
    country: a.country,
    city: a.city,
    postcode: a.postcode,
    id: a.id,
    _links: { address: { href: self }, self: { href: self } },
  };
}

/** The user service's answer for an id that is not a Mongo ObjectId (e.g. a session id). */
const invalidIdHex = {
  error: 'Invalid Id Hex',
  status_code: 500,
  status_text: 'Internal Server Error',
};
const userNotFound = { error: 'not found', status_code: 404, status_text: 'Not Found' };
const noneSaved = { status_code: 500 };

function decodeBasic(header: string | null): { username: string; password: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  try {
    const binary = atob(match[1].trim());
    const text = new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
    const colon = text.indexOf(':');
    if (colon < 0) return null;
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return null;
  }
}

/** Session gets the customer; the anonymous cart (owned by the session id) is merged in. */
function signIn(ctx: RequestContext, customer: Customer): string[] {
  ctx.session.customerId = customer.id;
  saveSession(ctx.session);
  mergeCarts(ctx.session.id, customer.id);
  return [loggedInSetCookie(ctx.session.id, mockNow())];
}

/** The user service answer when writing an address/card for `owner`. */
function ownerProblem(owner: string): object | null {
  if (!/^[0-9a-f]{24}$/i.test(owner)) return invalidIdHex;
  return findCustomer(owner) ? null : userNotFound;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value == null ? '' : String(value);

export function userHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    route('get', '/login', options, (ctx) => {
      keepSession(ctx);
      const credentials = decodeBasic(ctx.request.headers.get('authorization'));
      const customer = credentials ? findCustomerByUsername(credentials.username) : undefined;
      if (!credentials || !customer || !passwordMatches(customer, credentials.password)) {
        return emptyReply(ctx, 401);
      }
      return reply(ctx, {
        status: 200,
        body: 'Cookie is set',
        contentType: 'text/html; charset=utf-8',
        setCookies: signIn(ctx, customer),
      });
    }),

    route('post', '/register', options, async (ctx) => {
      keepSession(ctx);
      const body = await readJsonBody(ctx.request);
      if (!body.ok) return malformedBody(ctx);
      const username = field(body.value, 'username');
      const password = field(body.value, 'password');
      if (
        typeof username !== 'string' ||
        username === '' ||
        typeof password !== 'string' ||
        password === ''
      ) {
        return emptyReply(ctx, 500);
      }
      const customer = createCustomer({
        username,
        password,
        email: text(field(body.value, 'email')),
        firstName: text(field(body.value, 'firstName')),
        lastName: text(field(body.value, 'lastName')),
      });
      if (!customer) return emptyReply(ctx, 500);
      return reply(ctx, {
        status: 200,
        body: JSON.stringify({ id: customer.id }),
        contentType: 'application/json; charset=utf-8',
        setCookies: signIn(ctx, customer),
      });
    }),

    route('get', '/customers/:id', options, (ctx) => {
      // The :id is ignored: the session's customer is used, whatever the logged_in cookie says.
      const customer = findCustomer(ctx.session.customerId);
      return rawJson(ctx, 200, customer ? customerJson(customer) : invalidIdHex);
    }),

    route('get', '/address', options, (ctx) => {
      const first = addressesOf(cartOwner(ctx))[0];
      return rawJson(ctx, 200, first ? addressJson(first) : noneSaved);
    }),

    route('get', '/card', options, (ctx) => {
      const first = cardsOf(cartOwner(ctx))[0];
      return rawJson(ctx, 200, first ? { number: first.longNum.slice(-4) } : noneSaved);
    }),

    route('post', '/addresses', options, async (ctx) => {
      const body = await readJsonBody(ctx.request);
      if (!body.ok) return malformedBody(ctx);
      const owner = cartOwner(ctx);
      const problem = ownerProblem(owner);
      if (problem) return rawJson(ctx, 200, problem);
      const address = addAddress(owner, {
        street: text(field(body.value, 'street')),
        number: text(field(body.value, 'number')),
        country: text(field(body.value, 'country')),
        city: text(field(body.value, 'city')),
        postcode: text(field(body.value, 'postcode')),
      });
      return rawJson(ctx, 200, { id: address.id });
    }),

    route('post', '/cards', options, async (ctx) => {
      const body = await readJsonBody(ctx.request);
      if (!body.ok) return malformedBody(ctx);
      const owner = cartOwner(ctx);
      const problem = ownerProblem(owner);
      if (problem) return rawJson(ctx, 200, problem);
      const card = addCard(owner, {
        longNum: text(field(body.value, 'longNum')),
        expires: text(field(body.value, 'expires')),
        ccv: text(field(body.value, 'ccv')),
      });
      return rawJson(ctx, 200, { id: card.id });
    }),
  ];
}
