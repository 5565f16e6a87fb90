import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { Freshness } from '@/components/ui/freshness';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import type { Order } from '@/domain/order';
import { describeOrderStatus } from '@/domain/order-status';
import { formatDateTime, formatMoney } from '@/lib/format';
import { ordersQuery } from '../api/order-queries';
import { StatusBadge } from './status-badge';
import { useStatusChanges } from './use-status-changes';

/** The column name inside a cell, shown only where the table is laid out as cards (phones). */
function CellLabel({ children }: { children: ReactNode }) {
  return (
    <span className="cell-label" aria-hidden="true">
      {children}:{' '}
    </span>
  );
}

export function OrdersPage({
  orderActions,
}: {
  /** What the shopper can do with an order, shown in its row (the app fills it). */
  orderActions?: (order: Order) => ReactNode;
} = {}) {
  const orders = useQuery(ordersQuery());
  const announcement = useStatusChanges(orders.data);

  let body;
  if (orders.data) {
    body =
      orders.data.length === 0 ? (
        <p>
          You have no orders yet. <Link href="/">Browse socks</Link>
        </p>
      ) : (
        <table className="orders-table">
          <caption className="visually-hidden">Your orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Date</th>
              <th scope="col">Items</th>
              <th scope="col">Total</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.data.map((order) => {
              const count = order.items.reduce((sum, item) => sum + item.quantity, 0);
              return (
                <tr key={order.id}>
                  <th scope="row" className="cell-order">
                    <Link
                      href={`/orders/${encodeURIComponent(order.id)}`}
                      aria-label={`Order ${order.id}`}
                    >
                      {order.id}
                    </Link>
                  </th>
                  <td className="cell-date">
                    <CellLabel>Date</CellLabel>
                    {formatDateTime(order.date)}
                  </td>
                  <td className="cell-items">
                    <CellLabel>Items</CellLabel>
                    {count}
                  </td>
                  <td className="cell-total">
                    <CellLabel>Total</CellLabel>
                    {formatMoney(order.total)}
                  </td>
                  <td className="cell-status">
                    <StatusBadge view={describeOrderStatus(order.status)} />
                    {orderActions?.(order)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      );
  } else if (orders.error) {
    body = (
      <LoadErrorAlert
        error={orders.error}
        what="your orders"
        onRetry={() => void orders.refetch()}
      />
    );
  } else {
    body = <Loading label="Loading your orders…" lines={4} />;
  }

  return (
    <section>
      <PageHeading>Your orders</PageHeading>
      {orders.data ? (
        <Freshness
          updatedAt={orders.dataUpdatedAt}
          refreshing={orders.isFetching}
          stale={orders.isRefetchError}
          onRefresh={() => void orders.refetch()}
        />
      ) : null}
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
      {body}
    </section>
  );
}
