import * as z from 'zod/mini';
import { lastFour, parseSockShopDate } from '@/lib/format';
import { halEntityId } from '@/lib/hal';

/**
 * A Sock Shop order as GET /orders, GET /orders/<id> and GET /orders/search/customerId send it: a
 * Spring Data REST HAL entity with no top-level id (it is the last segment of `_links.self.href`),
 * Java-float money, `+0000` dates, full card numbers (masked right here, at the boundary) and, on
 * the incident's backend only, a `status`.
 *
 * Shared by every feature that reads orders (the shopper's orders, the ops payment-issues view),
 * so an order is validated and mapped by the same rules wherever it is shown.
 */
const href = z.object({ href: z.string() });

export const rawOrderSchema = z.object({
  id: z.optional(z.nullable(z.string())),
  customerId: z.optional(z.string()),
  address: z.optional(
    z.nullable(
      z.object({
        number: z.optional(z.nullable(z.string())),
        street: z.optional(z.nullable(z.string())),
        city: z.optional(z.nullable(z.string())),
        postcode: z.optional(z.nullable(z.string())),
        country: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  card: z.optional(z.nullable(z.object({ longNum: z.optional(z.nullable(z.string())) }))),
  items: z.array(
    z.object({
      itemId: z.string(),
      quantity: z.number(),
      unitPrice: z.number(),
    }),
  ),
  shipment: z.optional(z.nullable(z.object({ name: z.optional(z.string()) }))),
  date: z.string(),
  total: z.number(),
  // Kept as unknown: the status module decides what any value means.
  status: z.optional(z.unknown()),
  _links: z.optional(z.object({ self: href })),
});

export type RawOrder = z.infer<typeof rawOrderSchema>;

export interface OrderLine {
  itemId: string;
  quantity: number;
  unitPrice: number;
}

export interface Order {
  id: string;
  date: Date | undefined;
  dateText: string;
  total: number;
  items: OrderLine[];
  address: string[];
  /** Last four digits only. */
  cardLast4: string | undefined;
  shipped: boolean;
  /** Raw backend status (may be absent or anything at all). */
  status: unknown;
}

export function orderIdOf(raw: RawOrder): string | undefined {
  return halEntityId(raw.id, raw._links?.self.href);
}

function toOrder(raw: RawOrder): Order {
  const a = raw.address;
  const address = a
    ? [
        [a.number, a.street].filter(Boolean).join(' '),
        a.city ?? '',
        a.postcode ?? '',
        a.country ?? '',
      ].filter((line) => line.trim() !== '')
    : [];
  return {
    id: orderIdOf(raw) ?? '',
    date: parseSockShopDate(raw.date),
    dateText: raw.date,
    total: raw.total,
    items: raw.items.map(({ itemId, quantity, unitPrice }) => ({ itemId, quantity, unitPrice })),
    address,
    cardLast4: lastFour(raw.card?.longNum),
    shipped: raw.shipment !== null && raw.shipment !== undefined,
    status: raw.status,
  };
}

/**
 * Validates and maps one order. An order whose id cannot be read is malformed, rather than an order
 * silently missing from the shopper's list.
 */
export const orderSchema = z.pipe(
  rawOrderSchema.check(z.refine((raw) => orderIdOf(raw) !== undefined, 'no readable order id')),
  z.transform(toOrder),
);
