import type { Order } from '@/domain/order';
import { describeOrderStatus } from '@/domain/order-status';
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
}

export interface PaymentIssuesReport {
  customerCount: number;
  orderCount: number;
  /** Newest first. */
  failed: readonly FailedOrder[];
  /** Failed orders / all orders, 0..1; null when there are no orders (no rate to speak of). */
  failureRate: number | null;
  revenueAtRiskCents: number;
  /** Distinct shoppers with at least one failed order. */
  affectedShoppers: number;
}

export function isPaymentFailed(order: Order): boolean {
  return describeOrderStatus(order.status).key === 'payment-failed';
}

export function summarisePaymentIssues(data: readonly ShopperOrders[]): PaymentIssuesReport {
  const failed: FailedOrder[] = [];
  let orderCount = 0;
  for (const { shopper, orders } of data) {
    orderCount += orders.length;
    for (const order of orders) {
      if (!isPaymentFailed(order)) continue;
      failed.push({
        id: order.id,
        shopper,
        date: order.date,
        dateText: order.dateText,
        totalCents: toCents(order.total),
      });
    }
  }
  failed.sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0));
  return {
    customerCount: data.length,
    orderCount,
    failed,
    failureRate: orderCount === 0 ? null : failed.length / orderCount,
    // Summed in integer cents, so six Java floats add up to exactly 479.20.
    revenueAtRiskCents: failed.reduce((sum, order) => sum + order.totalCents, 0),
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
