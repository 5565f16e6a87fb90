/**
 * Sock Shop's order total: Σ quantity × unitPrice + 4.99 shipping (orders `calculateTotal`).
 * Computed in cents so the screen never shows float noise.
 */
export const SHIPPING_CENTS = 499;

export interface PricedLine {
  quantity: number;
  unitPrice: number;
}

export interface Totals {
  itemCount: number;
  subtotal: number;
  shipping: number;
  total: number;
}

/** One line's price in dollars, computed in cents. */
export function lineTotal(line: PricedLine): number {
  return (Math.round(line.unitPrice * 100) * line.quantity) / 100;
}

export function orderTotals(lines: readonly PricedLine[]): Totals {
  let cents = 0;
  let itemCount = 0;
  for (const line of lines) {
    cents += Math.round(line.unitPrice * 100) * line.quantity;
    itemCount += line.quantity;
  }
  const shipping = itemCount > 0 ? SHIPPING_CENTS : 0;
  return {
    itemCount,
    subtotal: cents / 100,
    shipping: shipping / 100,
    total: (cents + shipping) / 100,
  };
}
