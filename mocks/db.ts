import { z } from 'zod';
import { mockNow, resetMockConfig } from './config';
import {
  incidentAddresses,
  incidentCards,
  incidentCustomers,
  incidentOrders,
} from './data/incident-3';
import { seedAddresses, seedCards, seedCustomers, seedSocks, seedTags } from './data/seed';
import type {
  Address,
  Card,
  CartItem,
  Customer,
  IdempotencyRecord,
  SeedCustomer,
  Session,
  Sock,
  StoredOrder,
} from './data/types';
import { objectId, randomToken } from './lib/ids';
import { hashPassword } from './lib/sha256';
import { resetScenarioState } from './scenario-state';

/**
 * The stateful in-memory database behind every handler (catalogue, users, sessions, carts,
 * orders, idempotency records). `resetDb()` puts it back to the seed, and also resets the mock
 * config, the clock and the scenario.
 *
 * In the browser (only after `enableDbPersistence`, which `startMockWorker` calls) it is saved to
 * localStorage under `sockshop-mock-db`, with card numbers masked to their last 4 digits and CCVs
 * dropped. Nothing is ever persisted in Node or Vitest.
 */
export const DB_STORAGE_KEY = 'sockshop-mock-db';
const SNAPSHOT_VERSION = 1;

interface DbState {
  socks: Sock[];
  tags: string[];
  customers: Customer[];
  addresses: Address[];
  cards: Card[];
  sessions: Record<string, Session>;
  carts: Record<string, CartItem[]>;
  orders: StoredOrder[];
  idempotency: IdempotencyRecord[];
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function toStoredCustomer({ password, ...rest }: SeedCustomer, salt: string): Customer {
  return { ...rest, salt, passwordHash: hashPassword(password, salt) };
}

const storedSeedCustomers: readonly Customer[] = seedCustomers.map((c) =>
  toStoredCustomer(c, c.id),
);
const storedIncidentCustomers: readonly Customer[] = incidentCustomers.map((c) =>
  toStoredCustomer(c, c.id),
);

function seedState(): DbState {
  return {
    socks: clone([...seedSocks]),
    tags: [...seedTags],
    customers: clone([...storedSeedCustomers]),
    addresses: clone([...seedAddresses]),
    cards: clone([...seedCards]),
    sessions: {},
    carts: {},
    orders: [],
    idempotency: [],
  };
}

let db: DbState = seedState();
/** Changes on every reset: long-running handlers use it to notice that their world is gone. */
let generation = 0;

export function resetDb(): void {
  db = seedState();
  generation += 1;
  resetMockConfig();
  resetScenarioState();
  changed();
}

export function dbGeneration(): number {
  return generation;
}

// ---------------------------------------------------------------- catalogue

export function listSocks(): readonly Sock[] {
  return db.socks;
}

export function findSock(id: string): Sock | undefined {
  return db.socks.find((sock) => sock.id === id);
}

export function listTags(): readonly string[] {
  return db.tags;
}

/** Test seeding only (hostile data): a sock added to the catalogue, its tags to the tag list. */
export function addSock(sock: Sock): void {
  if (db.socks.some((s) => s.id === sock.id)) return;
  db.socks.push(clone(sock));
  for (const tag of sock.tag) if (!db.tags.includes(tag)) db.tags.push(tag);
  changed();
}

// ---------------------------------------------------------------- customers, addresses, cards

export function findCustomer(id: string | undefined): Customer | undefined {
  return id === undefined ? undefined : db.customers.find((c) => c.id === id);
}

/** Every customer, in the order they were created. */
export function listCustomers(): readonly Customer[] {
  return db.customers;
}

export function findCustomerByUsername(username: string): Customer | undefined {
  return db.customers.find((c) => c.username === username);
}

export interface NewCustomer {
  username: string;
  password: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** Returns null when the username is taken (the user service's unique index). */
export function createCustomer(input: NewCustomer): Customer | null {
  if (findCustomerByUsername(input.username)) return null;
  const customer = toStoredCustomer({ id: objectId(mockNow()), ...input }, randomToken(16));
  db.customers.push(customer);
  changed();
  return customer;
}

export function passwordMatches(customer: Customer, password: string): boolean {
  return hashPassword(password, customer.salt) === customer.passwordHash;
}

export function addressesOf(customerId: string): readonly Address[] {
  return db.addresses.filter((a) => a.customerId === customerId);
}

export function cardsOf(customerId: string): readonly Card[] {
  return db.cards.filter((c) => c.customerId === customerId);
}

export function addAddress(
  customerId: string,
  fields: Omit<Address, 'id' | 'customerId'>,
): Address {
  const address: Address = { id: objectId(mockNow()), customerId, ...fields };
  db.addresses.push(address);
  changed();
  return address;
}

export function addCard(customerId: string, fields: Omit<Card, 'id' | 'customerId'>): Card {
  const card: Card = { id: objectId(mockNow()), customerId, ...fields };
  db.cards.push(card);
  changed();
  return card;
}

// ---------------------------------------------------------------- sessions

/** A new express-session id (32 URL-safe characters). Not stored until `saveSession`. */
export function newSessionId(): string {
  return randomToken(32);
}

export function findSession(id: string): Session | undefined {
  return db.sessions[id];
}

export function saveSession(session: Session): void {
  db.sessions[session.id] = { ...session };
  changed();
}

// ---------------------------------------------------------------- carts (keyed by owner: customer id or session id)

export function cartItems(owner: string): CartItem[] {
  return clone(db.carts[owner] ?? []);
}

/** Carts service POST /carts/{id}/items: a new line, or +1 on an existing one. */
export function addCartItem(owner: string, itemId: string, unitPrice: number): CartItem {
  const cart = (db.carts[owner] ??= []);
  const existing = cart.find((item) => item.itemId === itemId);
  if (existing) {
    existing.quantity += 1;
    changed();
    return clone(existing);
  }
  const item: CartItem = { id: objectId(mockNow()), itemId, quantity: 1, unitPrice };
  cart.push(item);
  changed();
  return clone(item);
}

/** Carts service PATCH: false when the item is not in the cart. */
export function updateCartItem(
  owner: string,
  itemId: string,
  quantity: number,
  unitPrice: number,
): boolean {
  const item = db.carts[owner]?.find((i) => i.itemId === itemId);
  if (!item) return false;
  item.quantity = quantity;
  item.unitPrice = unitPrice;
  changed();
  return true;
}

export function removeCartItem(owner: string, itemId: string): boolean {
  const cart = db.carts[owner];
  const index = cart ? cart.findIndex((i) => i.itemId === itemId) : -1;
  if (!cart || index < 0) return false;
  cart.splice(index, 1);
  changed();
  return true;
}

export function clearCart(owner: string): void {
  delete db.carts[owner];
  changed();
}

/** Carts service GET /carts/{customer}/merge?sessionId=: moves the anonymous lines into the
 * customer's cart (quantities of the same item are added up) and deletes the anonymous cart. */
export function mergeCarts(fromOwner: string, toOwner: string): void {
  const from = db.carts[fromOwner];
  if (!from || fromOwner === toOwner) return;
  const target = (db.carts[toOwner] ??= []);
  for (const item of from) {
    const existing = target.find((i) => i.itemId === item.itemId);
    if (existing) existing.quantity += item.quantity;
    else target.push({ ...item });
  }
  delete db.carts[fromOwner];
  changed();
}

// ---------------------------------------------------------------- orders

export function insertOrder(order: StoredOrder): void {
  db.orders.push(clone(order));
  changed();
}

export function updateOrder(id: string, patch: Partial<Omit<StoredOrder, 'id'>>): void {
  const order = db.orders.find((o) => o.id === id);
  if (!order) return;
  Object.assign(order, clone(patch));
  changed();
}

export function findOrder(id: string): StoredOrder | undefined {
  const order = db.orders.find((o) => o.id === id);
  return order ? clone(order) : undefined;
}

/** Every stored order, in insertion (Mongo natural) order. */
export function listOrders(): StoredOrder[] {
  return clone(db.orders);
}

export function ordersOf(customerId: string): StoredOrder[] {
  return clone(db.orders.filter((o) => o.customerId === customerId));
}

// ---------------------------------------------------------------- idempotency records

export function findIdempotencyRecord(scope: string, key: string): IdempotencyRecord | undefined {
  const record = db.idempotency.find((r) => r.scope === scope && r.key === key);
  return record ? clone(record) : undefined;
}

export function saveIdempotencyRecord(record: IdempotencyRecord): void {
  const index = db.idempotency.findIndex((r) => r.scope === record.scope && r.key === record.key);
  if (index >= 0) db.idempotency[index] = clone(record);
  else db.idempotency.push(clone(record));
  changed();
}

export function listIdempotencyRecords(): IdempotencyRecord[] {
  return clone(db.idempotency);
}

// ---------------------------------------------------------------- scenario data

/** Adds the INCIDENT-3 shoppers, their address/card and their eight orders (once). */
export function seedIncident3(): void {
  for (const customer of storedIncidentCustomers) {
    if (!db.customers.some((c) => c.id === customer.id)) db.customers.push(clone(customer));
  }
  for (const address of incidentAddresses) {
    if (!db.addresses.some((a) => a.id === address.id)) db.addresses.push(clone(address));
  }
  for (const card of incidentCards) {
    if (!db.cards.some((c) => c.id === card.id)) db.cards.push(clone(card));
  }
  const missing = incidentOrders().filter((order) => !db.orders.some((o) => o.id === order.id));
  if (missing.length > 0) {
    // Older than anything placed in this session: keep them first in natural order.
    db.orders = [...missing, ...db.orders];
  }
  changed();
}

// ---------------------------------------------------------------- browser persistence

let persistence: Storage | null = null;
let writeScheduled = false;

function changed(): void {
  if (!persistence || writeScheduled) return;
  writeScheduled = true;
  queueMicrotask(() => {
    writeScheduled = false;
    writeSnapshot();
  });
}

function writeSnapshot(): void {
  if (!persistence) return;
  try {
    persistence.setItem(DB_STORAGE_KEY, snapshotForStorage());
  } catch {
    // Quota exceeded or storage blocked: the mock keeps working in memory.
  }
}

/** `0000000000005918`: zeros except the last 4 digits. */
export function maskCardNumber(longNum: string): string {
  const digits = longNum.replace(/\D/g, '');
  const last4 = digits.slice(-4);
  return '0'.repeat(Math.max(digits.length - 4, 0)) + last4;
}

/** Masks every `longNum` and drops every `ccv` anywhere inside a JSON value. */
function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'ccv') continue;
      out[key] =
        key === 'longNum' && typeof inner === 'string' ? maskCardNumber(inner) : maskDeep(inner);
    }
    return out;
  }
  return value;
}

/** Stored response bodies are text (possibly truncated on purpose): mask them as text too. */
function maskBodyText(body: string): string {
  try {
    return JSON.stringify(maskDeep(JSON.parse(body)));
  } catch {
    return body
      .replace(
        /("longNum"\s*:\s*")(\d*)(?=")/g,
        (_, head: string, digits: string) => head + maskCardNumber(digits),
      )
      .replace(/"ccv"\s*:\s*"[^"]*"?/g, '"ccv":""');
  }
}

/** The db as it may be written to browser storage: no full card number, no CCV, no in-flight
 * idempotency records (they cannot survive a reload). */
export function snapshotForStorage(): string {
  const snapshot = {
    version: SNAPSHOT_VERSION,
    customers: db.customers,
    addresses: db.addresses,
    cards: db.cards.map(({ ccv: _ccv, ...card }) => ({
      ...card,
      longNum: maskCardNumber(card.longNum),
    })),
    sessions: db.sessions,
    carts: db.carts,
    orders: db.orders.map((order) => ({
      ...order,
      card: { longNum: maskCardNumber(order.card.longNum), expires: order.card.expires },
    })),
    idempotency: db.idempotency
      .filter((r) => r.state === 'completed')
      .map((r) => ({
        ...r,
        response: r.response ? { ...r.response, body: maskBodyText(r.response.body) } : null,
      })),
  };
  return JSON.stringify(snapshot);
}

const cartItemSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
});

const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  customers: z.array(
    z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      username: z.string(),
      email: z.string(),
      salt: z.string(),
      passwordHash: z.string(),
    }),
  ),
  addresses: z.array(
    z.object({
      id: z.string(),
      customerId: z.string(),
      street: z.string(),
      number: z.string(),
      country: z.string(),
      city: z.string(),
      postcode: z.string(),
    }),
  ),
  cards: z.array(
    z.object({ id: z.string(), customerId: z.string(), longNum: z.string(), expires: z.string() }),
  ),
  sessions: z.record(z.string(), z.object({ id: z.string(), customerId: z.string().optional() })),
  carts: z.record(z.string(), z.array(cartItemSchema)),
  orders: z.array(
    z.object({
      id: z.string(),
      customerId: z.string(),
      customer: z.object({ firstName: z.string(), lastName: z.string(), username: z.string() }),
      address: z.object({
        number: z.string(),
        street: z.string(),
        city: z.string(),
        postcode: z.string(),
        country: z.string(),
      }),
      card: z.object({ longNum: z.string(), expires: z.string() }),
      items: z.array(cartItemSchema),
      shipment: z.object({ id: z.string(), name: z.string() }),
      createdAt: z.number(),
      total: z.number(),
      state: z.enum(['PENDING', 'PAID', 'PAYMENT_FAILED', 'CANCELLED']),
      paidAt: z.number().nullable(),
      shippedAt: z.number().nullable(),
      deliveredAt: z.number().nullable(),
      failureReason: z.string().nullable(),
      legacy: z.boolean(),
      rawStatus: z.string().optional(),
    }),
  ),
  idempotency: z.array(
    z.object({
      scope: z.string(),
      key: z.string(),
      fingerprint: z.string(),
      state: z.enum(['in-flight', 'completed']),
      response: z
        .object({ status: z.number(), body: z.string(), contentType: z.string().nullable() })
        .nullable(),
      orderId: z.string().nullable(),
      createdAt: z.number(),
      uses: z.number(),
    }),
  ),
});

/** Replaces the db with a stored snapshot. Seed cards get their full number and CCV back from
 * the seed; other cards keep the masked number and an empty CCV. Returns false (db untouched)
 * when the snapshot is missing or unreadable. */
export function restoreSnapshot(json: string | null): boolean {
  if (!json) return false;
  let parsed: z.infer<typeof snapshotSchema>;
  try {
    const result = snapshotSchema.safeParse(JSON.parse(json));
    if (!result.success) return false;
    parsed = result.data;
  } catch {
    return false;
  }
  const next = seedState();
  next.customers = parsed.customers;
  next.addresses = parsed.addresses;
  next.cards = parsed.cards.map((card) => {
    const seeded = [...seedCards, ...incidentCards].find((s) => s.id === card.id);
    return seeded ? clone(seeded) : { ...card, ccv: '' };
  });
  next.sessions = parsed.sessions;
  next.carts = parsed.carts;
  next.orders = parsed.orders.map((order) => ({ ...order, card: { ...order.card, ccv: '' } }));
  next.idempotency = parsed.idempotency;
  db = next;
  generation += 1;
  return true;
}

/** Browser only: from now on every change is written to `storage` (masked). */
export function enableDbPersistence(storage: Storage): void {
  persistence = storage;
}

export function disableDbPersistence(): void {
  persistence = null;
}

/** Loads the persisted db, if any. Call after `enableDbPersistence`. */
export function loadPersistedDb(): boolean {
  if (!persistence) return false;
  let raw: string | null = null;
  try {
    raw = persistence.getItem(DB_STORAGE_KEY);
  } catch {
    return false;
  }
  return restoreSnapshot(raw);
}
