/**
 * Re-ordering a failed order: which socks go back in the cart, at which price, what is left out,
 * and the exact cart writes that get there. Pure: no React, no fetching.
 *
 * Sock Shop's cart takes one unit per `POST /cart` (any quantity is ignored) and sets a quantity
 * with `POST /cart/update`; both price the line from today's catalogue. So the plan's prices are
 * today's prices, and a line whose price differs from the failed order's is flagged for the shopper.
 */

export interface OrderedLine {
  itemId: string;
  quantity: number;
  unitPrice: number;
}

export interface FailedOrderInput {
  id: string;
  items: readonly OrderedLine[];
}

/** A sock as today's catalogue lists it. */
export interface CatalogueEntry {
  id: string;
  name: string;
  price: number;
  /** Units in stock: 0 or less means it cannot be added to a cart. */
  count: number;
  imageUrl?: string;
}

export interface CartLine {
  itemId: string;
  quantity: number;
  unitPrice: number;
}

export interface PlannedLine {
  itemId: string;
  name: string;
  quantity: number;
  /** What the failed order recorded, per unit. */
  orderedPrice: number;
  /** Today's catalogue price, per unit: what the shopper will pay. */
  price: number;
  priceChanged: boolean;
  imageUrl?: string;
}

export interface LeftOutLine {
  itemId: string;
  /** Today's name when the catalogue still knows the sock; Sock Shop orders carry no names. */
  name: string | undefined;
  quantity: number;
  orderedPrice: number;
  /** withdrawn: no longer in the catalogue; sold-out: listed with no stock. */
  reason: 'withdrawn' | 'sold-out';
}

/**
 * empty: nothing in the cart. holds-these: the cart already holds exactly these socks and
 * quantities (a checkout that failed keeps the cart). holds-others: anything else.
 */
export type CartState = 'empty' | 'holds-these' | 'holds-others';

export interface ReorderPlan {
  failedOrderId: string;
  lines: PlannedLine[];
  leftOut: LeftOutLine[];
  cart: CartState;
}

export type ReorderMode = 'add' | 'replace';

export type CartWrite =
  | { kind: 'add'; itemId: string }
  | { kind: 'set'; itemId: string; quantity: number }
  | { kind: 'remove'; itemId: string };

const cents = (amount: number) => Math.round(amount * 100);

/** Order lines by sock, quantities summed (upstream carts could keep duplicate lines). */
function mergeLines<T extends { itemId: string; quantity: number }>(lines: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const line of lines) {
    if (!(line.quantity > 0)) continue;
    const seen = byId.get(line.itemId);
    byId.set(
      line.itemId,
      seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line },
    );
  }
  return [...byId.values()];
}

function cartQuantities(cart: readonly CartLine[]): Map<string, CartLine> {
  return new Map(mergeLines(cart).map((line) => [line.itemId, line]));
}

export function planReorder(
  order: FailedOrderInput,
  catalogue: ReadonlyMap<string, CatalogueEntry>,
  cart: readonly CartLine[],
): ReorderPlan {
  const lines: PlannedLine[] = [];
  const leftOut: LeftOutLine[] = [];
  for (const item of mergeLines(order.items)) {
    const sock = catalogue.get(item.itemId);
    if (!sock || sock.count <= 0) {
      leftOut.push({
        itemId: item.itemId,
        name: sock?.name,
        quantity: item.quantity,
        orderedPrice: item.unitPrice,
        reason: sock ? 'sold-out' : 'withdrawn',
      });
      continue;
    }
    lines.push({
      itemId: item.itemId,
      name: sock.name,
      quantity: item.quantity,
      orderedPrice: item.unitPrice,
      price: sock.price,
      priceChanged: cents(sock.price) !== cents(item.unitPrice),
      ...(sock.imageUrl ? { imageUrl: sock.imageUrl } : {}),
    });
  }
  return { failedOrderId: order.id, lines, leftOut, cart: cartStateFor(lines, cart) };
}

function cartStateFor(lines: readonly PlannedLine[], cart: readonly CartLine[]): CartState {
  const held = cartQuantities(cart);
  if (held.size === 0) return 'empty';
  const same =
    held.size === lines.length &&
    lines.every((line) => held.get(line.itemId)?.quantity === line.quantity);
  return same ? 'holds-these' : 'holds-others';
}

/** The shopper must choose between adding and replacing only when the cart holds other socks. */
export function needsChoice(plan: ReorderPlan): boolean {
  return plan.lines.length > 0 && plan.cart === 'holds-others';
}

export function priceChanges(plan: ReorderPlan): PlannedLine[] {
  return plan.lines.filter((line) => line.priceChanged);
}

/**
 * The cart writes that turn `cart` (read just before writing) into what the shopper chose:
 * replace: exactly the plan's socks and quantities; add: the plan's quantities on top of the cart.
 * Removals come first. A new line is one `POST /cart` (one unit), then `POST /cart/update` when
 * more than one is wanted. A line already there is set, also when only its price is out of date
 * (the update prices it from today's catalogue).
 */
export function cartWrites(
  plan: ReorderPlan,
  cart: readonly CartLine[],
  mode: ReorderMode,
): CartWrite[] {
  const held = cartQuantities(cart);
  const wanted = new Set(plan.lines.map((line) => line.itemId));
  const writes: CartWrite[] = [];
  if (mode === 'replace') {
    for (const itemId of held.keys()) {
      if (!wanted.has(itemId)) writes.push({ kind: 'remove', itemId });
    }
  }
  for (const line of plan.lines) {
    const existing = held.get(line.itemId);
    if (!existing) {
      writes.push({ kind: 'add', itemId: line.itemId });
      if (line.quantity > 1)
        writes.push({ kind: 'set', itemId: line.itemId, quantity: line.quantity });
      continue;
    }
    const quantity = mode === 'add' ? existing.quantity + line.quantity : line.quantity;
    if (quantity !== existing.quantity || cents(existing.unitPrice) !== cents(line.price)) {
      writes.push({ kind: 'set', itemId: line.itemId, quantity });
    }
  }
  return writes;
}
