import { useEffect, useRef, useState } from 'react';
import { describeOrderStatus } from '@/domain/order-status';
import { track } from '@/lib/telemetry';

interface Change {
  orderId: string;
  from: string;
  to: string;
}

interface Seen {
  orders: readonly { id: string; status: unknown }[] | undefined;
  labels: ReadonlyMap<string, string>;
  changes: readonly Change[];
  announcement: string;
}

/**
 * Watches the statuses on screen: announces a change to screen readers, and reports changes and
 * unrecognised values to telemetry.
 */
export function useStatusChanges(
  orders: readonly { id: string; status: unknown }[] | undefined,
): string {
  const [seen, setSeen] = useState<Seen>({
    orders: undefined,
    labels: new Map(),
    changes: [],
    announcement: '',
  });

  // Derived while rendering (not in an effect), so the announcement lands with the new data.
  if (orders && orders !== seen.orders) {
    const labels = new Map(seen.labels);
    const changes: Change[] = [];
    for (const order of orders) {
      const label = describeOrderStatus(order.status).label;
      const before = seen.labels.get(order.id);
      if (before !== undefined && before !== label)
        changes.push({ orderId: order.id, from: before, to: label });
      labels.set(order.id, label);
    }
    setSeen({
      orders,
      labels,
      changes,
      announcement:
        changes.length > 0
          ? changes.map((change) => `Order ${change.orderId} is now ${change.to}.`).join(' ')
          : seen.announcement,
    });
  }

  useEffect(() => {
    for (const change of seen.changes) track({ type: 'order_status_changed', ...change });
  }, [seen.changes]);

  const reportedUnknown = useRef(new Set<string>());
  useEffect(() => {
    for (const order of orders ?? []) {
      if (
        describeOrderStatus(order.status).unrecognised &&
        !reportedUnknown.current.has(order.id)
      ) {
        reportedUnknown.current.add(order.id);
        track({
          type: 'order_status_unknown',
          orderId: order.id,
          raw: String(order.status).slice(0, 100),
        });
      }
    }
  }, [orders]);

  return seen.announcement;
}
