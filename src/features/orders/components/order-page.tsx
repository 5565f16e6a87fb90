import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { Link } from 'wouter';
import { Alert } from '@/components/ui/alert';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { Freshness } from '@/components/ui/freshness';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import type { ProductLookup } from '@/components/ui/product-info';
import type { Order } from '@/domain/order';
import { describeOrderStatus, isPaymentConfirmed, PAID_ORDER_TITLE } from '@/domain/order-status';
import { lineTotal } from '@/domain/order-totals';
import { formatDateTime, formatMoney } from '@/lib/format';
import { orderQuery } from '../api/order-queries';
import { StatusBadge } from './status-badge';
import { StatusTimeline } from './status-timeline';
import { useStatusChanges } from './use-status-changes';

interface OrderPageProps {
  id: string;
  products: ProductLookup;
  /** Opened straight after checkout: show the outcome. */
  justPlaced: boolean;
  /** What the shopper can do with this order (the app fills it, e.g. "Order these again"). */
  orderActions?: (order: Order) => ReactNode;
}

function Outcome({ order }: { order: Order }) {
  const view = describeOrderStatus(order.status);
  if (view.key === 'payment-failed') {
    return <Alert title="Payment failed: this order will not ship. You have not been charged." />;
  }
  if (isPaymentConfirmed(order.status)) {
    return (
      <Alert tone="info" title={PAID_ORDER_TITLE}>
        <p>We will keep this page up to date as it ships.</p>
      </Alert>
    );
  }
  return (
    <Alert tone="warning" title="Your order is not confirmed yet.">
      <p>{view.description} This page updates by itself.</p>
    </Alert>
  );
}

export function OrderPage({ id, products, justPlaced, orderActions }: OrderPageProps) {
  const order = useQuery(orderQuery(id));
  const asList = useMemo(() => (order.data ? [order.data] : undefined), [order.data]);
  const announcement = useStatusChanges(asList);

  if (!order.data) {
    if (order.error) {
      return (
        <section>
          <PageHeading>Order {id}</PageHeading>
          <LoadErrorAlert
            error={order.error}
            what="this order"
            onRetry={() => void order.refetch()}
          />
          <p>
            <Link href="/orders">All orders</Link>
          </p>
        </section>
      );
    }
    return (
      <section>
        <PageHeading>Order {id}</PageHeading>
        <Loading label="Loading order…" />
      </section>
    );
  }

  const data = order.data;
  const view = describeOrderStatus(data.status);
  return (
    <section>
      <PageHeading>Order {data.id}</PageHeading>
      {justPlaced ? <Outcome order={data} /> : null}
      <Freshness
        updatedAt={order.dataUpdatedAt}
        refreshing={order.isFetching}
        stale={order.isRefetchError}
        onRefresh={() => void order.refetch()}
      />
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
      <dl className="order-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge view={view} />
            <p className="muted">{view.description}</p>
            {orderActions?.(data)}
          </dd>
        </div>
        <div>
          <dt>Placed</dt>
          <dd>{formatDateTime(data.date)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{formatMoney(data.total)}</dd>
        </div>
        <div>
          <dt>Shipping address</dt>
          <dd>
            {data.address.length > 0
              ? data.address.map((line) => (
                  <span key={line} className="address-line">
                    {line}
                  </span>
                ))
              : 'Not recorded'}
          </dd>
        </div>
        <div>
          <dt>Card</dt>
          <dd>{data.cardLast4 ? `•••• ${data.cardLast4}` : 'Not recorded'}</dd>
        </div>
      </dl>
      <h2>Progress</h2>
      <StatusTimeline view={view} />
      <h2>Items</h2>
      <table className="order-items">
        <caption className="visually-hidden">
          Items in order {data.id}, at the prices charged
        </caption>
        <thead>
          <tr>
            <th scope="col">Sock</th>
            <th scope="col">Quantity</th>
            <th scope="col">Unit price</th>
            <th scope="col">Line total</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={item.itemId}>
              <th scope="row">{products.get(item.itemId)?.name ?? 'Sock'}</th>
              <td>{item.quantity}</td>
              <td>{formatMoney(item.unitPrice)}</td>
              <td>{formatMoney(lineTotal(item))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        The total includes shipping and is the amount recorded with the order.
      </p>
      <p>
        <Link href="/orders">All orders</Link>
      </p>
    </section>
  );
}
