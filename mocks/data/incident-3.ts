import { orderTotal } from '../lib/money';
import { orderParties } from '../lib/order-parties';
import { SOCK, seedSocks } from './seed';
import type { Address, Card, CartItem, SeedCustomer, StoredOrder } from './types';

/**
 * INCIDENT-3 (shared/seed/incident-3-executive-summary.md): on 2025-10-30 the payment deployment
 * was scaled to 0 from 08:24 to 08:35 UTC. Two shoppers, Rayaan and parvaiz, placed eight orders:
 * six were saved as PAYMENT_FAILED (revenue at risk $479.20), two were paid.
 *
 * Verbatim from the report: the failed orders' times, amounts and owners, and the full ids of
 * ceb4a, ceb4c, ceb4d and ceb4e. Made up (the report does not say): the shoppers' last names,
 * addresses and cards, which socks make up each amount, and the two paid orders (ids ceb48 and
 * ceb49, which sit between ceb47 and ceb4a in the ObjectId counter sequence).
 * Note: the id of ceb4c encodes 08:26:42 while the report's table says 08:26:40; both are kept.
 */

export const INCIDENT_DAY = '2025-10-30';
export const PAYMENT_OUTAGE = {
  from: Date.parse('2025-10-30T08:24:00.000Z'),
  to: Date.parse('2025-10-30T08:35:00.000Z'),
} as const;

export const INCIDENT_USER_ID = {
  rayaan: '6902e8c1e2c84800016ceb41',
  parvaiz: '690311f2e2c84800016ceb43',
} as const;

export const incidentCustomers: readonly SeedCustomer[] = [
  {
    id: INCIDENT_USER_ID.rayaan,
    firstName: 'Rayaan',
    lastName: 'Demo',
    username: 'Rayaan',
    email: 'rayaan@example.com',
    password: 'password',
  },
  {
    id: INCIDENT_USER_ID.parvaiz,
    firstName: 'Parvaiz',
    lastName: 'Demo',
    username: 'parvaiz',
    email: 'parvaiz@example.com',
    password: 'password',
  },
];

export const incidentAddresses: readonly Address[] = [
  {
    id: '6902e8c1e2c84800016ceb42',
    customerId: INCIDENT_USER_ID.rayaan,
    street: 'Market Street',
    number: '12',
    country: 'United Kingdom',
    city: 'Manchester',
    postcode: 'M1 1AE',
  },
  {
    id: '690311f2e2c84800016ceb44',
    customerId: INCIDENT_USER_ID.parvaiz,
    street: 'Station Road',
    number: '7',
    country: 'United Kingdom',
    city: 'Leeds',
    postcode: 'LS1 4DY',
  },
];

export const incidentCards: readonly Card[] = [
  {
    id: '6902e8c1e2c84800016ceb45',
    customerId: INCIDENT_USER_ID.rayaan,
    longNum: '4111111111111111',
    expires: '12/27',
    ccv: '123',
  },
  {
    id: '690311f2e2c84800016ceb46',
    customerId: INCIDENT_USER_ID.parvaiz,
    longNum: '5555555555554444',
    expires: '11/27',
    ccv: '321',
  },
];

interface IncidentOrderSpec {
  id: string;
  who: keyof typeof INCIDENT_USER_ID;
  time: string;
  lines: ReadonlyArray<readonly [sockId: string, quantity: number]>;
  paid: boolean;
  shipmentId: string;
}

const specs: readonly IncidentOrderSpec[] = [
  {
    id: '6902f430e2c84800016ceb47',
    who: 'rayaan',
    time: '05:14:24.118',
    lines: [[SOCK.holy, 1]],
    paid: false,
    shipmentId: '5f0c2d8e-0d3b-4f7a-9c1e-3b7c2a9d0e47',
  },
  {
    id: '69031695e2c84800016ceb48',
    who: 'rayaan',
    time: '07:41:09.502',
    lines: [
      [SOCK.nerdLeg, 2],
      [SOCK.crossed, 1],
    ],
    paid: true,
    shipmentId: '8a1e6b3c-4d2f-4e8a-b5c7-1f9d3e2a0b48',
  },
  {
    id: '69031b9de2c84800016ceb49',
    who: 'parvaiz',
    time: '08:02:37.044',
    lines: [[SOCK.classic, 1]],
    paid: true,
    shipmentId: 'c3d9f1a7-6e2b-4b0c-8d4e-5a7f9b1c2d49',
  },
  {
    id: '690320cee2c84800016ceb4a',
    who: 'rayaan',
    time: '08:24:46.611',
    lines: [[SOCK.holy, 1]],
    paid: false,
    shipmentId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c4a',
  },
  {
    id: '690320eae2c84800016ceb4b',
    who: 'rayaan',
    time: '08:25:14.230',
    lines: [[SOCK.superSportXl, 1]],
    paid: false,
    shipmentId: '2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d4b',
  },
  {
    id: '69032142e2c84800016ceb4c',
    who: 'parvaiz',
    time: '08:26:40.872',
    lines: [[SOCK.holy, 1]],
    paid: false,
    shipmentId: '3d4e5f60-7182-4c9d-8e1f-2a3b4c5d6e4c',
  },
  {
    id: '690321a3e2c84800016ceb4d',
    who: 'parvaiz',
    time: '08:28:19.395',
    lines: [
      [SOCK.holy, 1],
      [SOCK.weaveSpecial, 1],
    ],
    paid: false,
    shipmentId: '4e5f6071-8293-4d0e-9f2a-3b4c5d6e7f4d',
  },
  {
    id: '690321b0e2c84800016ceb4e',
    who: 'parvaiz',
    time: '08:28:32.957',
    lines: [[SOCK.weaveSpecial, 1]],
    paid: false,
    shipmentId: '5f607182-93a4-4e1f-8a3b-4c5d6e7f804e',
  },
];

function priceOf(sockId: string): number {
  const sock = seedSocks.find((s) => s.id === sockId);
  if (!sock) throw new Error(`unknown sock ${sockId}`);
  return sock.price;
}

/** The eight orders of the report, oldest first. Paid ones stay PAID (frozen as reported). */
export function incidentOrders(): StoredOrder[] {
  return specs.map((spec, index) => {
    const customer = incidentCustomers.find((c) => c.id === INCIDENT_USER_ID[spec.who]);
    const address = incidentAddresses.find((a) => a.customerId === INCIDENT_USER_ID[spec.who]);
    const card = incidentCards.find((c) => c.customerId === INCIDENT_USER_ID[spec.who]);
    if (!customer || !address || !card) throw new Error('incident seed is inconsistent');
    const createdAt = Date.parse(`${INCIDENT_DAY}T${spec.time}Z`);
    const items: CartItem[] = spec.lines.map(([itemId, quantity], line) => ({
      id: `${spec.id.slice(0, 8)}e2c84800016cf${index}${line}`.slice(0, 24).padEnd(24, '0'),
      itemId,
      quantity,
      unitPrice: priceOf(itemId),
    }));
    return {
      id: spec.id,
      ...orderParties(customer, address, card),
      items,
      shipment: { id: spec.shipmentId, name: customer.id },
      createdAt,
      total: orderTotal(items),
      state: spec.paid ? 'PAID' : 'PAYMENT_FAILED',
      paidAt: spec.paid ? createdAt : null,
      shippedAt: null,
      deliveredAt: null,
      failureReason: spec.paid
        ? null
        : spec.time.startsWith('05')
          ? 'Payment service unavailable'
          : 'Connection refused: payment service scaled to 0',
      legacy: false,
    };
  });
}
