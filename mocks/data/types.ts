/** Entities of the mock backend, shaped after the real services' documents. */

export interface Sock {
  id: string;
  name: string;
  description: string;
  imageUrl: string[];
  price: number;
  count: number;
  tag: string[];
}

/** A customer as seeded (the plain password is what the real seed hash verifies to). */
export interface SeedCustomer {
  id: string;
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  password: string;
}

/** A customer as stored: the password only as a salted SHA-256. */
export interface Customer {
  id: string;
  firstName: string;
  lastName: string;
  username: string;
  email: string;
  salt: string;
  passwordHash: string;
}

export interface Address {
  id: string;
  customerId: string;
  street: string;
  number: string;
  country: string;
  city: string;
  postcode: string;
}

export interface Card {
  id: string;
  customerId: string;
  longNum: string;
  expires: string;
  ccv: string;
}

export interface Session {
  id: string;
  customerId?: string;
}

export interface CartItem {
  id: string;
  itemId: string;
  quantity: number;
  unitPrice: number;
}

/** Status values of the incident's backend (reference section 6). */
export type OrderStatus =
  'CREATED' | 'PENDING' | 'PAID' | 'PAYMENT_FAILED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';

/** What is stored; the visible status is derived from it at read time (see services/order-status.ts). */
export interface StoredOrder {
  id: string;
  customerId: string;
  customer: { firstName: string; lastName: string; username: string };
  address: { number: string; street: string; city: string; postcode: string; country: string };
  card: { longNum: string; expires: string; ccv: string };
  items: CartItem[];
  /** Created with the order; only shown once the order is paid. */
  shipment: { id: string; name: string };
  createdAt: number;
  total: number;
  /** Stored state: PENDING (payment not decided yet), PAID (authorised, effective from `paidAt`),
   * PAYMENT_FAILED or CANCELLED. SHIPPED/DELIVERED are derived from the timestamps. */
  state: 'PENDING' | 'PAID' | 'PAYMENT_FAILED' | 'CANCELLED';
  paidAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  /** Why payment failed, as the orders log would say it. */
  failureReason: string | null;
  /** Saved by an upstream (legacy) backend: serialized without `status`. */
  legacy: boolean;
  /** Test seeding only: a status value sent exactly as written instead of the derived one (a
   * backend that writes `shipped`, or hostile text), to prove how the storefront reads it. */
  rawStatus?: string;
}

export interface StoredResponse {
  status: number;
  /** The exact body bytes as text. */
  body: string;
  contentType: string | null;
}

export interface IdempotencyRecord {
  /** Customer id: keys are scoped per customer. */
  scope: string;
  key: string;
  /** Cart contents the key was first used with. */
  fingerprint: string;
  state: 'in-flight' | 'completed';
  response: StoredResponse | null;
  orderId: string | null;
  createdAt: number;
  /** How many requests used the key (first one included). */
  uses: number;
}
