import type { Order } from '@/domain/order';
import { describeOrderStatus, isPaymentConfirmed } from '@/domain/order-status';
import { toCents } from '@/lib/format';

/**
 * The payment-issues report: which orders failed to take payment, across every customer, and what
 * that means in numbers. Pure: no React, no fetching. "Failed" is whatever the one status module
 * calls `payment-failed`, so this view and the shopper's order pages can never disagree.
 */
export interface Shopper {
  id: string;
  username: string;
}

export interface ShopperOrders {
  shopper: Shopper;
  orders: readonly Order[];
}

export interface FailedOrder {
  id: string;
  shopper: Shopper;
  date: Date | undefined;
  /** The date as the backend sent it, for when it cannot be parsed. */
  dateText: string;
  /** Rounded to cents: Java float totals (104.979996) count as 104.98. */
  totalCents: number;
  /** The later paid order that won this sale back, if any (see `matchRecoveries`). */
  recoveredBy?: RecoveringOrder;
}

export interface RecoveringOrder {
  id: string;
  date: Date | undefined;
  totalCents: number;
}

export interface PaymentIssuesReport {
  customerCount: number;
  orderCount: number;
  /** Newest first. */
  failed: readonly FailedOrder[];
  /** Failed orders / all orders, 0..1; null when there are no orders (no rate to speak of). */
  failureRate: number | null;
  /** Failed orders not recovered: what is still lost. */
  revenueAtRiskCents: number;
  /** Failed orders won back by a later paid order. */
  recoveredCount: number;
  /** The recovered failed orders' amounts (moved out of the amount at risk). */
  recoveredCents: number;
  /** Distinct shoppers with at least one failed order. */
  affectedShoppers: number;
}

export function isPaymentFailed(order: Order): boolean {
  return describeOrderStatus(order.status).key === 'payment-failed';
}

const time = (order: { date: Date | undefined }) => order.date?.getTime();

/** Units per sock in an order's lines. */
function units(order: Order): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of order.items) {
    if (item.quantity > 0) counts.set(item.itemId, (counts.get(item.itemId) ?? 0) + item.quantity);
  }
  return counts;
}

/**
 * Which of one customer's failed orders were won back, and by which paid order. A failed order is
 * recovered when the same customer LATER has a paid order containing the same socks, at least as
 * many of each. Nothing is counted twice: each unit of a paid order recovers at most one unit of
 * one failed order, so one paid order can recover two failed orders only if it holds both sets of
 * socks, and two failed orders of the same socks need two units (or two paid orders).
 *
 * Paid orders are taken oldest first; each recovers the newest failed orders before it that fit
 * (the latest failure is the one a shopper re-orders). A failed recovery is just another failed
 * order: it recovers nothing, and both stay at risk until a paid order covers them. Orders with an
 * unreadable date or no socks take no part: "later" cannot be told, or there is nothing to win back.
 * Returns failed order id -> the paid order that recovered it.
 */
export function matchRecoveries(orders: readonly Order[]): Map<string, Order> {
  const dated = orders.filter((order) => time(order) !== undefined && order.items.length > 0);
  const failed = dated.filter(isPaymentFailed).sort((a, b) => (time(b) ?? 0) - (time(a) ?? 0));
  const paid = dated
    .filter((order) => isPaymentConfirmed(order.status))
    .sort((a, b) => (time(a) ?? 0) - (time(b) ?? 0));
  const recovered = new Map<string, Order>();
  for (const payment of paid) {
    const left = units(payment);
    for (const candidate of failed) {
      if (recovered.has(candidate.id) || (time(candidate) ?? 0) >= (time(payment) ?? 0)) continue;
      const wanted = units(candidate);
      const fits = [...wanted].every(([itemId, quantity]) => (left.get(itemId) ?? 0) >= quantity);
      if (!fits) continue;
      for (const [itemId, quantity] of wanted) left.set(itemId, (left.get(itemId) ?? 0) - quantity);
      recovered.set(candidate.id, payment);
    }
  }
  return recovered;
}

export function summarisePaymentIssues(data: readonly ShopperOrders[]): PaymentIssuesReport {
  const failed: FailedOrder[] = [];
  let orderCount = 0;
  for (const { shopper, orders } of data) {
    orderCount += orders.length;
    const recoveries = matchRecoveries(orders);
    for (const order of orders) {
      if (!isPaymentFailed(order)) continue;
      const by = recoveries.get(order.id);
      failed.push({
        id: order.id,
        shopper,
        date: order.date,
        dateText: order.dateText,
        totalCents: toCents(order.total),
        ...(by ? { recoveredBy: { id: by.id, date: by.date, totalCents: toCents(by.total) } } : {}),
      });
    }
  }
  failed.sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0));
  const recovered = failed.filter((order) => order.recoveredBy);
  const sum = (list: readonly FailedOrder[]) =>
    list.reduce((total, order) => total + order.totalCents, 0);
  return {
    customerCount: data.length,
    orderCount,
    failed,
    failureRate: orderCount === 0 ? null : failed.length / orderCount,
    // Summed in integer cents, so six Java floats add up to exactly 479.20.
    revenueAtRiskCents: sum(failed) - sum(recovered),
    recoveredCount: recovered.length,
    recoveredCents: sum(recovered),
    affectedShoppers: new Set(failed.map((order) => order.shopper.id)).size,
  };
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** 0.75 → "75%", 1/3 → "33.3%". */
export function formatRate(rate: number): string {
  return percent.format(rate);
}

/** 47920 → "479.20": a plain decimal for spreadsheets (no currency sign, no grouping). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
