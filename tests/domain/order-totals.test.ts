import { expect, test } from 'vitest';
import { lineTotal, orderTotals } from '@/domain/order-totals';

test('a line costs quantity × unit price, in whole cents', () => {
  expect(lineTotal({ quantity: 3, unitPrice: 7.99 })).toBe(23.97);
  expect(lineTotal({ quantity: 1, unitPrice: 104.979996 })).toBe(104.98);
  expect(lineTotal({ quantity: 0, unitPrice: 12 })).toBe(0);
});

test('an order adds its lines, counts its socks and adds $4.99 shipping', () => {
  expect(
    orderTotals([
      { quantity: 2, unitPrice: 7.99 },
      { quantity: 1, unitPrice: 17.15 },
    ]),
  ).toEqual({ itemCount: 3, subtotal: 33.13, shipping: 4.99, total: 38.12 });
});

test('an empty order has no shipping and costs nothing', () => {
  expect(orderTotals([])).toEqual({ itemCount: 0, subtotal: 0, shipping: 0, total: 0 });
});
