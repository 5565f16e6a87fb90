import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type CartLine,
  type CartWrite,
  type CatalogueEntry,
  cartWrites,
  needsChoice,
  planReorder,
  priceChanges,
} from '@/features/reorder/model/plan';

const NERD = 'nerd';
const HOLY = 'holy';
const CAT = 'cat';

const catalogue = new Map<string, CatalogueEntry>([
  [NERD, { id: NERD, name: 'Nerd leg', price: 7.99, count: 10 }],
  [HOLY, { id: HOLY, name: 'Holy', price: 99.99, count: 3 }],
  [CAT, { id: CAT, name: 'Cat socks', price: 15, count: 0 }],
]);

const order = (items: { itemId: string; quantity: number; unitPrice: number }[]) => ({
  id: 'failed-1',
  items,
});

/**
 * The real cart API, as a model: POST /cart adds one unit at today's price (any quantity is
 * ignored), POST /cart/update sets the quantity at today's price, DELETE removes the line.
 */
function runOnCart(cart: readonly CartLine[], writes: readonly CartWrite[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of cart) {
    if (line.quantity > 0) result.set(line.itemId, (result.get(line.itemId) ?? 0) + line.quantity);
  }
  for (const write of writes) {
    if (write.kind === 'remove') result.delete(write.itemId);
    else if (write.kind === 'add') result.set(write.itemId, (result.get(write.itemId) ?? 0) + 1);
    else result.set(write.itemId, write.quantity);
  }
  return result;
}

describe('planReorder', () => {
  test("same prices, empty cart: every sock at today's price, no choice to make", () => {
    const plan = planReorder(
      order([{ itemId: NERD, quantity: 2, unitPrice: 7.99 }]),
      catalogue,
      [],
    );
    expect(plan.lines).toEqual([
      expect.objectContaining({ itemId: NERD, quantity: 2, price: 7.99, priceChanged: false }),
    ]);
    expect(plan.leftOut).toEqual([]);
    expect(plan.cart).toBe('empty');
    expect(needsChoice(plan)).toBe(false);
  });

  test('a price that differs to the cent is flagged; Java float noise is not', () => {
    const plan = planReorder(
      order([
        { itemId: NERD, quantity: 1, unitPrice: 6.5 },
        { itemId: HOLY, quantity: 1, unitPrice: 99.989998 },
      ]),
      catalogue,
      [],
    );
    expect(priceChanges(plan)).toEqual([
      expect.objectContaining({ itemId: NERD, orderedPrice: 6.5, price: 7.99 }),
    ]);
  });

  test('a sock no longer in the catalogue is left out (withdrawn); one out of stock too (sold out)', () => {
    const plan = planReorder(
      order([
        { itemId: 'gone', quantity: 2, unitPrice: 12 },
        { itemId: CAT, quantity: 1, unitPrice: 15 },
        { itemId: NERD, quantity: 1, unitPrice: 7.99 },
      ]),
      catalogue,
      [],
    );
    expect(plan.lines.map((l) => l.itemId)).toEqual([NERD]);
    expect(plan.leftOut).toEqual([
      { itemId: 'gone', name: undefined, quantity: 2, orderedPrice: 12, reason: 'withdrawn' },
      { itemId: CAT, name: 'Cat socks', quantity: 1, orderedPrice: 15, reason: 'sold-out' },
    ]);
  });

  test('duplicate order lines of one sock are one line with the quantities summed', () => {
    const plan = planReorder(
      order([
        { itemId: NERD, quantity: 1, unitPrice: 7.99 },
        { itemId: NERD, quantity: 2, unitPrice: 7.99 },
      ]),
      catalogue,
      [],
    );
    expect(plan.lines).toEqual([expect.objectContaining({ itemId: NERD, quantity: 3 })]);
  });

  test('cart states: empty, already holding exactly these socks, holding others', () => {
    const items = [{ itemId: NERD, quantity: 2, unitPrice: 7.99 }];
    const line = (itemId: string, quantity: number) => ({ itemId, quantity, unitPrice: 7.99 });
    expect(planReorder(order(items), catalogue, [line(NERD, 0)]).cart).toBe('empty');
    expect(planReorder(order(items), catalogue, [line(NERD, 2)]).cart).toBe('holds-these');
    expect(planReorder(order(items), catalogue, [line(NERD, 1)]).cart).toBe('holds-others');
    const others = planReorder(order(items), catalogue, [line(HOLY, 1)]);
    expect(others.cart).toBe('holds-others');
    expect(needsChoice(others)).toBe(true);
  });
});

describe('cartWrites', () => {
  test('a new line is one POST /cart, then POST /cart/update for more than one', () => {
    const plan = planReorder(
      order([
        { itemId: NERD, quantity: 3, unitPrice: 7.99 },
        { itemId: HOLY, quantity: 1, unitPrice: 99.99 },
      ]),
      catalogue,
      [],
    );
    expect(cartWrites(plan, [], 'replace')).toEqual([
      { kind: 'add', itemId: NERD },
      { kind: 'set', itemId: NERD, quantity: 3 },
      { kind: 'add', itemId: HOLY },
    ]);
  });

  test('add keeps the cart and tops up a sock already in it; replace removes the others first', () => {
    const cart = [
      { itemId: NERD, quantity: 1, unitPrice: 7.99 },
      { itemId: HOLY, quantity: 1, unitPrice: 99.99 },
    ];
    const plan = planReorder(
      order([{ itemId: NERD, quantity: 2, unitPrice: 7.99 }]),
      catalogue,
      cart,
    );
    expect(cartWrites(plan, cart, 'add')).toEqual([{ kind: 'set', itemId: NERD, quantity: 3 }]);
    expect(cartWrites(plan, cart, 'replace')).toEqual([
      { kind: 'remove', itemId: HOLY },
      { kind: 'set', itemId: NERD, quantity: 2 },
    ]);
  });

  test("a cart already holding these socks at today's prices needs no write; an old price is refreshed", () => {
    const plan = planReorder(
      order([{ itemId: NERD, quantity: 2, unitPrice: 7.99 }]),
      catalogue,
      [],
    );
    expect(cartWrites(plan, [{ itemId: NERD, quantity: 2, unitPrice: 7.99 }], 'replace')).toEqual(
      [],
    );
    expect(cartWrites(plan, [{ itemId: NERD, quantity: 2, unitPrice: 6.5 }], 'replace')).toEqual([
      { kind: 'set', itemId: NERD, quantity: 2 },
    ]);
  });

  test('withdrawn socks are never written (POST /cart with an unknown id adds a $0 line)', () => {
    const plan = planReorder(order([{ itemId: 'gone', quantity: 1, unitPrice: 5 }]), catalogue, []);
    expect(cartWrites(plan, [], 'replace')).toEqual([]);
  });

  const ids = [NERD, HOLY, CAT, 'gone'];
  const lines = fc.array(
    fc.record({
      itemId: fc.constantFrom(...ids),
      quantity: fc.integer({ min: 0, max: 5 }),
      unitPrice: fc.constantFrom(7.99, 99.99, 15, 6.5),
    }),
    { maxLength: 6 },
  );

  test('property: replace leaves exactly the plan in the cart; add leaves cart + plan', () => {
    fc.assert(
      fc.property(lines, lines, (ordered, cart) => {
        const plan = planReorder(order(ordered), catalogue, cart);
        const wanted = new Map(plan.lines.map((l) => [l.itemId, l.quantity]));
        expect(runOnCart(cart, cartWrites(plan, cart, 'replace'))).toEqual(wanted);

        const before = runOnCart(cart, []);
        const sum = new Map(before);
        for (const [id, q] of wanted) sum.set(id, (sum.get(id) ?? 0) + q);
        expect(runOnCart(cart, cartWrites(plan, cart, 'add'))).toEqual(sum);
        // Only socks on sale today are ever added or set.
        for (const write of cartWrites(plan, cart, 'add')) {
          if (write.kind !== 'remove') expect(wanted.has(write.itemId)).toBe(true);
        }
      }),
    );
  });
});
