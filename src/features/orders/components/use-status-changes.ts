import { useEffect, useRef, useState } from 'react';
import { describeOrderStatus } from '@/domain/order-status';
import { track } from '@/lib/telemetry';

/**
 * Watches the statuses on screen: announces a change to screen readers, and reports changes and
 * unrecognised values to telemetry.
 */
export function useStatusChanges(orders: readonly { id: string; status: unknown }[] | undefined): string {
  const previous = useRef(new Map<string, string>());
  const reportedUnknown = useRef(new Set<string>());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!orders) return;
    const changes: string[] = [];
    for (const order of orders) {
      const view = describeOrderStatus(order.status);
      const before = previous.current.get(order.id);
      if (before !== undefined && before !== view.label) {
        changes.push(`Order ${order.id} is now ${view.label}.`);
        track({ type: 'order_status_changed', orderId: order.id, from: before, to: view.label });
      }
      previous.current.set(order.id, view.label);
      if (view.unrecognised && !reportedUnknown.current.has(order.id)) {
        reportedUnknown.current.add(order.id);
        track({ type: 'order_status_unknown', orderId: order.id, raw: String(order.status).slice(0, 100) });
      }
    }
    if (changes.length > 0) setAnnouncement(changes.join(' '));
  }, [orders]);

  return announcement;
}
