import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { paymentIssuesCsv, csvCell, toCsv } from '@/features/ops/model/csv';
import { summarisePaymentIssues } from '@/features/ops/model/payment-issues';
import type { Order } from '@/domain/order';
import { SOCK } from '../mocks/data/seed';
import { server } from '../mocks/node';
import { setScenario } from '../mocks/scenarios';
import { addToCart, login, placeOrder } from './mocks/support';
import { renderApp, screen, within } from './utils/render';

const ROUTE = '/ops/payment-issues';

/** INCIDENT-3's failed orders as the report lists them: id, shopper, amount. */
const FAILED = [
  ['6902f430e2c84800016ceb47', 'Rayaan', '$104.98'],
  ['690320cee2c84800016ceb4a', 'Rayaan', '$104.98'],
  ['690320eae2c84800016ceb4b', 'Rayaan', '$19.99'],
  ['69032142e2c84800016ceb4c', 'parvaiz', '$104.98'],
  ['690321a3e2c84800016ceb4d', 'parvaiz', '$122.13'],
  ['690321b0e2c84800016ceb4e', 'parvaiz', '$22.14'],
] as const;

function fact(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no value for ${term}`);
  return dd;
}

async function failedOrdersTable() {
  return screen.findByRole('table', { name: /orders whose payment failed/i });
}

describe('payment-issues view', () => {
  test('INCIDENT-3: six failed of eight orders (75%), $479.20 at risk, each failed order listed', async () => {
    setScenario('incident-3');
    renderApp(ROUTE);

    expect(await screen.findByRole('heading', { level: 1, name: 'Payment issues' })).toBeVisible();
    const table = await failedOrdersTable();
    expect(fact('Failed orders')).toHaveTextContent('6 of 8 orders');
    expect(fact('Failure rate')).toHaveTextContent('75%');
    expect(fact('Revenue at risk')).toHaveTextContent('$479.20');
    expect(fact('Shoppers affected')).toHaveTextContent('2 of 5 customers');

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    for (const [id, shopper, amount] of FAILED) {
      const row = within(table).getByRole('rowheader', { name: id }).closest('tr');
      if (!row) throw new Error(`no row for ${id}`);
      expect(within(row).getByRole('cell', { name: shopper })).toBeInTheDocument();
      expect(within(row).getByRole('cell', { name: amount })).toBeInTheDocument();
      expect(within(row).getByRole('cell', { name: /30 Oct 2025, \d\d:\d\d UTC/ })).toBeVisible();
    }
    // The two paid orders are not payment issues.
    expect(screen.queryByText('69031695e2c84800016ceb48')).not.toBeInTheDocument();
    expect(screen.queryByText('69031b9de2c84800016ceb49')).not.toBeInTheDocument();
    // Newest first.
    expect(rows[0]).toHaveTextContent('690321b0e2c84800016ceb4e');
    expect(rows.at(-1)).toHaveTextContent('6902f430e2c84800016ceb47');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  test('healthy with no orders: an honest empty state, no made-up rate', async () => {
    renderApp(ROUTE);

    expect(
      await screen.findByText(
        /There are no orders yet across 3 customers, so no payment has failed/,
      ),
    ).toBeVisible();
    expect(fact('Failed orders')).toHaveTextContent('0 of 0 orders');
    expect(fact('Failure rate')).toHaveTextContent('No orders yet');
    expect(fact('Failure rate')).not.toHaveTextContent('%');
    expect(fact('Revenue at risk')).toHaveTextContent('$0.00');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
  });

  test('Refresh shows a payment that failed after the page was loaded', async () => {
    setScenario('incident-3');
    const { user } = renderApp(ROUTE);
    await failedOrdersTable();
    expect(fact('Failed orders')).toHaveTextContent('6 of 8 orders');

    // Another of Rayaan's orders fails while the page is open.
    setScenario('payment-down');
    expect((await login('Rayaan', 'password')).status).toBe(200);
    expect((await addToCart(SOCK.holy)).status).toBe(201);
    expect((await placeOrder()).status).toBe(500);

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('7 of 9 orders')).toBeVisible();
    expect(fact('Failure rate')).toHaveTextContent('77.8%');
    expect(fact('Revenue at risk')).toHaveTextContent('$584.18');
    expect(within(await failedOrdersTable()).getAllByRole('row')).toHaveLength(8);
  });

  test('a failing backend: an error with a reference and a retry that recovers', async () => {
    // Orders unreachable: every order search drops the connection (retried, then given up).
    setScenario('orders-down');
    const { user } = renderApp(ROUTE);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load the payment report.");
    expect(alert).toHaveTextContent(/Reference: [0-9A-F]{8}/);
    expect(alert).toHaveFocus();
    expect(screen.queryByText('Failure rate')).not.toBeInTheDocument();

    setScenario('healthy');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/There are no orders yet/)).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('an unreadable customer list is an error, not an empty report', async () => {
    server.use(
      http.get('*/api/customers', () =>
        HttpResponse.text(JSON.stringify({ _embedded: { customer: [{ username: 'no-id' }] } })),
      ),
    );
    renderApp(ROUTE);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "We couldn't read the payment report.",
    );
    expect(screen.queryByText(/no orders yet/i)).not.toBeInTheDocument();
  });
});

describe('payment-issues CSV', () => {
  test('plain cells stay as they are; commas, quotes and line breaks are quoted', () => {
    expect(csvCell('Rayaan')).toBe('Rayaan');
    expect(csvCell('104.98')).toBe('104.98');
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell('')).toBe('');
  });

  test('cells a spreadsheet would run as a formula are neutralised with a leading apostrophe', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvCell('=cmd|" /C calc"!A0, x')).toBe('"\'=cmd|"" /C calc""!A0, x"');
    // Only the first character matters.
    expect(csvCell('a=b')).toBe('a=b');
  });

  test('rows end with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
  });

  test('the report as CSV: one line per failed order, newest first, amounts in cents-exact decimals, and the order that won it back', () => {
    const order = (
      id: string,
      status: unknown,
      total: number,
      minute: number,
      sock: string,
    ): Order => ({
      id,
      date: new Date(Date.UTC(2025, 9, 30, 8, minute)),
      dateText: '',
      total,
      items: [{ itemId: sock, quantity: 1, unitPrice: total }],
      address: [],
      cardLast4: undefined,
      shipped: false,
      status,
    });
    const report = summarisePaymentIssues([
      {
        shopper: { id: 'c1', username: '=HYPERLINK("x")' },
        orders: [
          order('o1', 'PAYMENT_FAILED', 104.979996, 24, 'sock-a'),
          // Paid later with the same sock: wins o1 back.
          order('o2', 'PAID', 104.979996, 25, 'sock-a'),
          order('o3', 'payment-failed', 22.139999, 28, 'sock-b'),
        ],
      },
      {
        shopper: { id: 'c2', username: 'parvaiz, jr' },
        orders: [order('o4', 'SHIPPED', 5, 30, 'sock-b')],
      },
    ]);
    expect(report.failureRate).toBe(0.5);
    expect(report.revenueAtRiskCents).toBe(2214);
    expect(paymentIssuesCsv(report)).toBe(
      [
        'order_id,shopper,customer_id,time_utc,amount_usd,status,recovered_by_order_id,recovered_by_time_utc,recovered_by_amount_usd',
        'o3,"\'=HYPERLINK(""x"")",c1,2025-10-30T08:28:00.000Z,22.14,PAYMENT_FAILED,,,',
        'o1,"\'=HYPERLINK(""x"")",c1,2025-10-30T08:24:00.000Z,104.98,PAYMENT_FAILED,o2,2025-10-30T08:25:00.000Z,104.98',
        '',
      ].join('\r\n'),
    );
  });
});
