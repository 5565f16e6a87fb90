import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'wouter';
import type { Order } from '@/domain/order';
import { ordersQuery } from '../api/order-queries';
import { useStatusChanges } from './use-status-changes';

/**
 * Header notifications: while a signed-in shopper browses, their orders are watched (polled only
 * while one can still change) and a status change is shown, in words, on whatever page is open.
 * The orders pages say it themselves, so the app turns this off there.
 */
export function OrderUpdates({
  enabled,
  orderActions,
}: {
  enabled: boolean;
  /** What the shopper can do with an order the notification names (the app fills it). */
  orderActions?: (order: Order) => ReactNode;
}) {
  const orders = useQuery({ ...ordersQuery(), enabled });
  const announcement = useStatusChanges(enabled ? orders.data : undefined);
  const [dismissed, setDismissed] = useState('');
  const visible = enabled && announcement !== '' && announcement !== dismissed;
  const named =
    visible && orderActions
      ? (orders.data ?? []).filter((order) => announcement.includes(`Order ${order.id} `))
      : [];

  return (
    <div role="status" className={visible ? 'order-updates' : undefined}>
      {visible ? (
        <p>
          <span aria-hidden="true">ℹ </span>
          {announcement} <Link href="/orders">See your orders</Link>{' '}
          <button type="button" className="link-button" onClick={() => setDismissed(announcement)}>
            Dismiss
          </button>
        </p>
      ) : null}
      {named.map((order) => (
        <div key={order.id}>{orderActions?.(order)}</div>
      ))}
    </div>
  );
}
