import { expect, test } from 'vitest';
import { orderSchema } from '@/domain/order';

/** A Sock Shop order as GET /orders/<id> sends it (HAL, no top-level id). */
function rawOrder(patch: Record<string, unknown> = {}) {
  return {
    customerId: 'c1',
    address: {
      number: '246',
      street: 'Whitelees Road',
      city: 'Glasgow',
      postcode: 'G67 3DL',
      country: 'United Kingdom',
    },
    card: { longNum: '5544154011345918' },
    items: [{ itemId: 'sock-1', quantity: 2, unitPrice: 7.99, id: 'line-1' }],
    shipment: { name: 'c1' },
    date: '2025-10-30T08:31:07.000+0000',
    total: 20.97,
    status: 'PAID',
    _links: { self: { href: 'http://orders/orders/6902f0e3e2c84800016ceb4a' } },
    ...patch,
  };
}

test('an order is mapped with its id from the link, its lines, address and the last four digits', () => {
  expect(orderSchema.parse(rawOrder())).toEqual({
    id: '6902f0e3e2c84800016ceb4a',
    date: new Date('2025-10-30T08:31:07.000Z'),
    dateText: '2025-10-30T08:31:07.000+0000',
    total: 20.97,
    items: [{ itemId: 'sock-1', quantity: 2, unitPrice: 7.99 }],
    address: ['246 Whitelees Road', 'Glasgow', 'G67 3DL', 'United Kingdom'],
    cardLast4: '5918',
    shipped: true,
    status: 'PAID',
  });
});

test('missing or blank address parts leave no empty lines; a missing number keeps the street', () => {
  const order = orderSchema.parse(
    rawOrder({
      address: { number: null, street: 'Whitelees Road', city: '  ', postcode: null },
    }),
  );
  expect(order.address).toEqual(['Whitelees Road']);
  expect(orderSchema.parse(rawOrder({ address: null })).address).toEqual([]);
  expect(
    orderSchema.parse(rawOrder({ address: { number: '4', country: 'Wales' } })).address,
  ).toEqual(['4', 'Wales']);
});

test('no shipment (null or absent) is not shipped; no card has no last four', () => {
  expect(orderSchema.parse(rawOrder({ shipment: null })).shipped).toBe(false);
  expect(orderSchema.parse(rawOrder({ shipment: undefined })).shipped).toBe(false);
  expect(orderSchema.parse(rawOrder({ card: null })).cardLast4).toBeUndefined();
  expect(orderSchema.parse(rawOrder({ card: undefined })).cardLast4).toBeUndefined();
});

test('a top-level id (POST /orders answer) is used as it is', () => {
  expect(orderSchema.parse(rawOrder({ id: 'abc123', _links: undefined })).id).toBe('abc123');
});

test('an order whose id cannot be read is refused', () => {
  expect(orderSchema.safeParse(rawOrder({ _links: undefined })).success).toBe(false);
});
