import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { ordersQuery } from '../api/order-queries';
import { useStatusChanges } from './use-status-changes';

/**
 * Header notifications: while a signed-in shopper browses, their orders are watched (polled only
 * while one can still change) and a status change is shown, in words, on whatever page is open.
 * The orders pages say it themselves, so the app turns this off there.
 */
export function OrderUpdates({ enabled }: { enabled: boolean }) {
  const orders = useQuery({ ...ordersQuery(), enabled });
  const announcement = useStatusChanges(enabled ? orders.data : undefined);
  const [dismissed, setDismissed] = useState('');
  const visible = enabled && announcement !== '' && announcement !== dismissed;

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
    </div>
  );
}
