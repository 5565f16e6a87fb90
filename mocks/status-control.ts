import { mockNow } from './config';
import type { OrderStatus } from './data/types';
import { findOrder, updateOrder } from './db';
import { statusAt } from './services/order-status';
import type { ControlReply } from './control';

/**
 * A test control of the standalone mock server: move one order to a new status now, the way the
 * backend's payment and shipping services would, so a browser test can time how long the change
 * takes to reach the screen (`npm run bench`).
 *
 *   PUT /__mock/orders/<id>/status   {"status": "PAID" | "PAYMENT_FAILED" | "SHIPPED" | "DELIVERED" | "PENDING"}
 *     → 200 {id, status, changedAt}   changedAt: the mock clock (epoch ms) when the change took effect
 *
 * Orders stay PENDING until this control (or a timer) decides them when `pendingMs` is large, and
 * PAID until it ships them when `shippedAfterMs` is large (PATCH /__mock/config).
 */
const PATH = /^\/__mock\/orders\/([^/]+)\/status\/?$/;
const TARGETS = ['PENDING', 'PAID', 'PAYMENT_FAILED', 'SHIPPED', 'DELIVERED'] as const;
type Target = (typeof TARGETS)[number];

function isTarget(value: unknown): value is Target {
  return typeof value === 'string' && (TARGETS as readonly string[]).includes(value);
}

/** Answers a status control request, or null when the path is not this control. */
export function handleStatusControl(
  method: string,
  path: string,
  rawBody: string,
): ControlReply | null {
  const match = PATH.exec(path);
  if (!match) return null;
  if (method !== 'PUT') return { status: 405, body: { error: 'use PUT' } };
  const id = decodeURIComponent(match[1] ?? '');
  const order = findOrder(id);
  if (!order) return { status: 404, body: { error: `no order ${id}` } };
  let status: unknown;
  try {
    status = (JSON.parse(rawBody || '{}') as { status?: unknown }).status;
  } catch {
    return { status: 400, body: { error: 'body must be JSON' } };
  }
  if (!isTarget(status)) return { status: 400, body: { error: `status: ${TARGETS.join(', ')}` } };
  const now = mockNow();
  const paidAt = order.paidAt !== null && order.paidAt <= now ? order.paidAt : now;
  switch (status) {
    case 'PENDING':
      updateOrder(id, { state: 'PENDING', paidAt: null, shippedAt: null, deliveredAt: null });
      break;
    case 'PAYMENT_FAILED':
      updateOrder(id, {
        state: 'PAYMENT_FAILED',
        paidAt: null,
        shippedAt: null,
        deliveredAt: null,
        failureReason: 'payment declined',
      });
      break;
    case 'PAID':
      updateOrder(id, { state: 'PAID', paidAt: now, shippedAt: null, deliveredAt: null });
      break;
    case 'SHIPPED':
      updateOrder(id, { state: 'PAID', paidAt, shippedAt: now, deliveredAt: null });
      break;
    case 'DELIVERED':
      updateOrder(id, {
        state: 'PAID',
        paidAt,
        shippedAt: order.shippedAt ?? now,
        deliveredAt: now,
      });
      break;
  }
  const updated = findOrder(id);
  const visible: OrderStatus | undefined = updated && statusAt(updated, now);
  return { status: 200, body: { id, status: visible, changedAt: now } };
}
