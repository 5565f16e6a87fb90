/**
 * Java `float` arithmetic, as the orders service does it.
 *
 * OrdersController.calculateTotal (orders 0.4.7):
 *   float amount = 0F; float shipping = 4.99F;
 *   amount += items.stream().mapToDouble(i -> i.getQuantity() * i.getUnitPrice()).sum();
 *   amount += shipping;
 * Each line is `int * float` (a float32 product), the lines are summed as doubles, the sum is
 * narrowed to float32, then 4.99F is added in float32. Jackson writes floats with
 * `Float.toString`, i.e. the shortest decimal that reads back as the same float32.
 * One "Holy" sock (99.99) therefore totals 104.979996, not 104.98.
 */

export const SHIPPING = 4.99;

/** The shortest decimal that reads back as the same float32: what Java's `Float.toString` prints
 * (Java 19+ exactly; older JDKs agree except in rare cases with one extra digit). Whole numbers come
 * back as integers (Java would print `15.0`; see `jackson.ts` for the pretty-printed form). */
export function javaFloat(value: number): number {
  const f = Math.fround(value);
  if (!Number.isFinite(f) || Number.isInteger(f)) return f;
  for (let digits = 1; digits <= 9; digits += 1) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
}

export interface PricedLine {
  quantity: number;
  unitPrice: number;
}

/** Order total as the orders service computes it (float32), ready to serialize. */
export function orderTotal(lines: readonly PricedLine[]): number {
  let sum = 0;
  for (const line of lines) {
    // int * float in Java is a float32 product (quantity is an int).
    sum += Math.fround(Math.trunc(line.quantity) * Math.fround(line.unitPrice));
  }
  let amount = Math.fround(sum);
  amount = Math.fround(amount + Math.fround(SHIPPING));
  return javaFloat(amount);
}
