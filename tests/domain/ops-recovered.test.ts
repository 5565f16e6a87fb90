import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Order } from '@/domain/order';
import { matchRecoveries, summarisePaymentIssues } from '@/features/ops/model/payment-issues';

const NERD = 'nerd';
const HOLY = 'holy';

let next = 0;
function order(
  status: string | undefined,
  minute: number,
  items: [string, number][],
  total = 10,
): Order {
  next += 1;
  return {
    id: `o${next}-${status ?? 'none'}-${minute}`,
    date: new Date(Date.UTC(2025, 9, 30, 8, minute)),
    dateText: '',
    total,
    items: items.map(([itemId, quantity]) => ({ itemId, quantity, unitPrice: 1 })),
    address: [],
    cardLast4: undefined,
    shipped: false,
    status,
  };
}

const shopper = { id: 'c1', username: 'Rayaan' };

describe('recovered failed orders', () => {
  test('a later paid order with the same socks recovers the failed one: its amount moves from at risk to recovered', () => {
    const failed = order('PAYMENT_FAILED', 1, [[NERD, 2]], 20.97);
    const paid = order('PAID', 5, [[NERD, 2]], 20.97);
    const report = summarisePaymentIssues([{ shopper, orders: [failed, paid] }]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.recoveredBy?.id).toBe(paid.id);
    expect(report.recoveredCount).toBe(1);
    expect(report.recoveredCents).toBe(2097);
    expect(report.revenueAtRiskCents).toBe(0);
  });

  test('a paid order containing more socks still recovers; one missing a sock, or fewer of it, does not', () => {
    const failed = order('PAYMENT_FAILED', 1, [
      [NERD, 2],
      [HOLY, 1],
    ]);
    expect(
      matchRecoveries([
        failed,
        order('SHIPPED', 2, [
          [NERD, 3],
          [HOLY, 1],
          ['x', 1],
        ]),
      ]).size,
    ).toBe(1);
    expect(matchRecoveries([failed, order('PAID', 2, [[NERD, 2]])]).size).toBe(0);
    expect(
      matchRecoveries([
        failed,
        order('PAID', 2, [
          [NERD, 1],
          [HOLY, 1],
        ]),
      ]).size,
    ).toBe(0);
  });

  test('only a LATER paid order counts, and only a paid one', () => {
    const failed = order('PAYMENT_FAILED', 10, [[NERD, 1]]);
    expect(matchRecoveries([order('PAID', 5, [[NERD, 1]]), failed]).size).toBe(0);
    expect(matchRecoveries([failed, order('PENDING', 12, [[NERD, 1]])]).size).toBe(0);
    expect(matchRecoveries([failed, order('CANCELLED', 12, [[NERD, 1]])]).size).toBe(0);
    // Upstream Sock Shop stores only paid orders (no status): such an order counts as paid.
    expect(matchRecoveries([failed, order(undefined, 12, [[NERD, 1]])]).size).toBe(1);
  });

  test('another customer paying for the same socks recovers nothing', () => {
    const report = summarisePaymentIssues([
      { shopper, orders: [order('PAYMENT_FAILED', 1, [[NERD, 1]], 12.98)] },
      { shopper: { id: 'c2', username: 'parvaiz' }, orders: [order('PAID', 5, [[NERD, 1]])] },
    ]);
    expect(report.recoveredCount).toBe(0);
    expect(report.revenueAtRiskCents).toBe(1298);
  });

  test('a recovery that fails again: the first stays at risk, the new one is failed too, nothing recovered', () => {
    const first = order('PAYMENT_FAILED', 1, [[NERD, 1]], 12.98);
    const again = order('PAYMENT_FAILED', 5, [[NERD, 1]], 12.98);
    const report = summarisePaymentIssues([{ shopper, orders: [first, again] }]);
    expect(report.failed.map((f) => f.id)).toEqual([again.id, first.id]);
    expect(report.recoveredCount).toBe(0);
    expect(report.recoveredCents).toBe(0);
    expect(report.revenueAtRiskCents).toBe(2596);
  });

  test('one paid order never recovers two failed orders of the same socks (no double count)', () => {
    const first = order('PAYMENT_FAILED', 1, [[NERD, 1]], 12.98);
    const again = order('PAYMENT_FAILED', 5, [[NERD, 1]], 12.98);
    const paid = order('PAID', 9, [[NERD, 1]], 12.98);
    const report = summarisePaymentIssues([{ shopper, orders: [first, again, paid] }]);
    expect(report.recoveredCount).toBe(1);
    // The latest failure is the one re-ordered.
    expect(report.failed.find((f) => f.id === again.id)?.recoveredBy?.id).toBe(paid.id);
    expect(report.failed.find((f) => f.id === first.id)?.recoveredBy).toBeUndefined();
    expect(report.recoveredCents + report.revenueAtRiskCents).toBe(2596);
    // Two units paid for cover both.
    const both = summarisePaymentIssues([
      { shopper, orders: [first, again, order('PAID', 9, [[NERD, 2]], 20.97)] },
    ]);
    expect(both.recoveredCount).toBe(2);
  });

  test('property: recovered + at risk is always the failed total, and no paid unit is used twice', () => {
    const arbitraryOrder = fc.record({
      status: fc.constantFrom('PAID', 'PAYMENT_FAILED', 'SHIPPED', 'PENDING'),
      minute: fc.integer({ min: 0, max: 59 }),
      items: fc.array(fc.tuple(fc.constantFrom(NERD, HOLY, 'x'), fc.integer({ min: 1, max: 3 })), {
        minLength: 1,
        maxLength: 3,
      }),
      total: fc.integer({ min: 500, max: 20_000 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryOrder, { maxLength: 8 }), (specs) => {
        const orders = specs.map((s) => order(s.status, s.minute, s.items, s.total / 100));
        const report = summarisePaymentIssues([{ shopper, orders }]);
        const failedTotal = report.failed.reduce((sum, f) => sum + f.totalCents, 0);
        expect(report.recoveredCents + report.revenueAtRiskCents).toBe(failedTotal);

        const used = new Map<string, Map<string, number>>();
        for (const [failedId, paid] of matchRecoveries(orders)) {
          const failed = orders.find((o) => o.id === failedId);
          if (!failed?.date || !paid.date) throw new Error('undated');
          expect(paid.date.getTime()).toBeGreaterThan(failed.date.getTime());
          const tally = used.get(paid.id) ?? new Map<string, number>();
          for (const item of failed.items)
            tally.set(item.itemId, (tally.get(item.itemId) ?? 0) + item.quantity);
          used.set(paid.id, tally);
        }
        for (const [paidId, tally] of used) {
          const paid = orders.find((o) => o.id === paidId);
          for (const [itemId, quantity] of tally) {
            const available = (paid?.items ?? [])
              .filter((item) => item.itemId === itemId)
              .reduce((sum, item) => sum + item.quantity, 0);
            expect(quantity).toBeLessThanOrEqual(available);
          }
        }
      }),
    );
  });
});
