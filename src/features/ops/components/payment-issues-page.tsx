import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Freshness } from '@/components/ui/freshness';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { isApiError } from '@/lib/api-error';
import { downloadTextFile } from '@/lib/download-file';
import { formatDateTime, formatMoney } from '@/lib/format';
import { describeLoadError } from '@/lib/load-error';
import { paymentIssuesQuery } from '../api/payment-issues-query';
import { paymentIssuesCsv } from '../model/csv';
import {
  formatRate,
  type PaymentIssuesReport,
  summarisePaymentIssues,
} from '../model/payment-issues';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function exportCsv(report: PaymentIssuesReport): void {
  const stamp = new Date().toISOString().slice(0, 16).replace(/:/g, '-');
  // The byte order mark makes spreadsheet apps read the file as UTF-8.
  downloadTextFile(
    `payment-issues-${stamp}.csv`,
    `\uFEFF${paymentIssuesCsv(report)}`,
    'text/csv;charset=utf-8',
  );
}

function Summary({ report }: { report: PaymentIssuesReport }) {
  return (
    <section aria-labelledby="payment-summary">
      <h2 id="payment-summary">Summary</h2>
      <dl className="order-facts">
        <div>
          <dt>Failed orders</dt>
          <dd>
            {report.failed.length} of {plural(report.orderCount, 'order', 'orders')}
          </dd>
        </div>
        <div>
          <dt>Failure rate</dt>
          <dd>{report.failureRate === null ? 'No orders yet' : formatRate(report.failureRate)}</dd>
        </div>
        <div>
          <dt>Revenue at risk</dt>
          <dd>{formatMoney(report.revenueAtRiskCents / 100)}</dd>
        </div>
        <div>
          <dt>Recovered</dt>
          <dd>
            {formatMoney(report.recoveredCents / 100)} ·{' '}
            {plural(report.recoveredCount, 'order', 'orders')} won back
          </dd>
        </div>
        <div>
          <dt>Shoppers affected</dt>
          <dd>
            {report.affectedShoppers} of {plural(report.customerCount, 'customer', 'customers')}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function FailedOrders({ report }: { report: PaymentIssuesReport }) {
  let content;
  if (report.orderCount === 0) {
    content = (
      <p>
        There are no orders yet across {plural(report.customerCount, 'customer', 'customers')}, so
        no payment has failed. The failure rate needs at least one order.
      </p>
    );
  } else if (report.failed.length === 0) {
    content = <p>No payment has failed among {plural(report.orderCount, 'order', 'orders')}.</p>;
  } else {
    content = (
      <>
        <button type="button" onClick={() => exportCsv(report)}>
          Export CSV
        </button>
        <table className="orders-table">
          <caption className="visually-hidden">Orders whose payment failed, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Shopper</th>
              <th scope="col">Time</th>
              <th scope="col">Amount</th>
              <th scope="col">Recovered by</th>
            </tr>
          </thead>
          <tbody>
            {report.failed.map((order) => (
              <tr key={order.id}>
                <th scope="row">{order.id}</th>
                <td>{order.shopper.username}</td>
                <td>{order.date ? formatDateTime(order.date) : order.dateText}</td>
                <td>{formatMoney(order.totalCents / 100)}</td>
                <td>
                  {order.recoveredBy ? (
                    <>
                      <span aria-hidden="true">✓ </span>
                      {order.recoveredBy.id}, paid {formatMoney(order.recoveredBy.totalCents / 100)}
                      {order.recoveredBy.date
                        ? ` on ${formatDateTime(order.recoveredBy.date)}`
                        : ''}
                    </>
                  ) : (
                    'Not recovered'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  return (
    <section aria-labelledby="failed-orders">
      <h2 id="failed-orders">Failed orders</h2>
      {content}
    </section>
  );
}

/**
 * For support and QA: every order whose payment failed, across all customers (GET /customers,
 * then each customer's orders). Live: refetched on every visit and on focus, with a Refresh button.
 */
/** While the view is open (and the tab visible) it follows the orders: recoveries show up live. */
const REFRESH_MS = 15_000;

export function PaymentIssuesPage() {
  const query = useQuery({ ...paymentIssuesQuery(), refetchInterval: REFRESH_MS });
  const report = useMemo(
    () => (query.data ? summarisePaymentIssues(query.data) : undefined),
    [query.data],
  );
  const alertRef = useRef<HTMLDivElement>(null);
  const failedToLoad = !report && query.isError;
  useEffect(() => {
    if (failedToLoad) alertRef.current?.focus();
  }, [failedToLoad]);

  let body;
  if (report) {
    body = (
      <>
        <Summary report={report} />
        <FailedOrders report={report} />
      </>
    );
  } else if (query.error) {
    const copy = describeLoadError(query.error, 'the payment report');
    body = (
      <Alert
        ref={alertRef}
        title={copy.title}
        reference={isApiError(query.error) ? query.error.requestId : undefined}
      >
        <p>{copy.body}</p>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          Try again
        </button>
      </Alert>
    );
  } else {
    body = <Loading label="Loading the payment report…" lines={4} />;
  }

  return (
    <section>
      <PageHeading>Payment issues</PageHeading>
      <p className="muted">
        Orders whose payment failed, across every customer. For support and QA: not shown to
        shoppers.
      </p>
      {report ? (
        <Freshness
          updatedAt={query.dataUpdatedAt}
          refreshing={query.isFetching}
          stale={query.isRefetchError}
          onRefresh={() => void query.refetch()}
        />
      ) : null}
      {body}
    </section>
  );
}
