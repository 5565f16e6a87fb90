/**
 * A Sock Shop order exactly as GET /orders and GET /orders/<id> send it (HAL, no top-level id,
 * full card number, Java-float total, `+0000` date). Override any field per test.
 */
export const DEMO_CUSTOMER_ID = '57a98d98e4b00679b4a830b2';

export function halOrder(id: string, overrides: Record<string, unknown> = {}) {
  return {
    customerId: DEMO_CUSTOMER_ID,
    customer: { firstName: 'User', lastName: 'Name', username: 'user', addresses: [], cards: [] },
    address: {
      number: '246',
      street: 'Whitelees Road',
      city: 'Glasgow',
      postcode: 'G67 3DL',
      country: 'United Kingdom',
    },
    card: { longNum: '5544154011345918', expires: '08/19', ccv: '958' },
    items: [{ itemId: 'a0a4f044-b040-410d-8ead-4de0446aec7e', quantity: 2, unitPrice: 7.99 }],
    shipment: { name: DEMO_CUSTOMER_ID },
    date: '2025-10-30T08:24:46.000+0000',
    total: 20.969999,
    _links: {
      self: { href: `http://orders/orders/${id}` },
      order: { href: `http://orders/orders/${id}` },
    },
    ...overrides,
  };
}
