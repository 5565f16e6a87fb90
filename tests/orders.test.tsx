import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { server } from '../mocks/node';
import { halOrder as fixture } from './utils/fixtures';
import { headerReady, renderApp, screen, signInAs, waitFor, within } from './utils/render';

function halOrder(id: string, status: unknown, minute: number) {
  return fixture(id, {
    shipment: status === 'PAYMENT_FAILED' ? null : { name: '57a98d98e4b00679b4a830b2' },
    date: `2025-10-30T08:${String(minute).padStart(2, '0')}:00.000+0000`,
    ...(status === undefined ? {} : { status }),
  });
}

const STATUSES: [string, unknown, string][] = [
  ['6900000000000000000000a1', 'CREATED', 'Order received'],
  ['6900000000000000000000a2', 'PENDING', 'Payment pending'],
  ['6900000000000000000000a3', 'PAID', 'Paid'],
  ['6900000000000000000000a4', 'PAYMENT_FAILED', 'Payment failed'],
  ['6900000000000000000000a5', 'SHIPPED', 'Shipped'],
  ['6900000000000000000000a6', 'DELIVERED', 'Delivered'],
  ['6900000000000000000000a7', 'CANCELLED', 'Cancelled'],
  ['6900000000000000000000a8', undefined, 'Paid'],
  ['6900000000000000000000a9', 'REFUNDED', 'Status unavailable'],
  ['6900000000000000000000b0', 'shipped', 'Status unavailable'],
];

function rowOf(id: string) {
  const link = screen.getByRole('link', { name: `Order ${id}` });
  const row = link.closest('tr');
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

test('the orders list shows every status in words, newest first, and "Shipped" only for SHIPPED', async () => {
  server.use(
    http.get('*/api/orders', () =>
      HttpResponse.json(
        STATUSES.map(([id, status], index) => halOrder(id, status, index + 10)),
        { status: 201 },
      ),
    ),
  );
  await signInAs();
  renderApp('/orders');
  await screen.findByRole('table');

  for (const [id, , label] of STATUSES) {
    expect(within(rowOf(id)).getByText(label, { exact: false })).toBeInTheDocument();
  }
  const shippedRows = screen
    .getAllByRole('row')
    .filter((row) => /\bShipped\b/.test(row.textContent ?? ''));
  expect(shippedRows).toHaveLength(1);
  expect(shippedRows[0]).toHaveTextContent('6900000000000000000000a5');

  const ids = screen.getAllByRole('link', { name: /^Order / }).map((link) => link.textContent);
  expect(ids[0]).toContain('6900000000000000000000b0');
  expect(ids.at(-1)).toContain('6900000000000000000000a1');
  expect(within(rowOf(STATUSES[0]![0])).getByText('$20.97')).toBeInTheDocument();
});

test.each(STATUSES)(
  'order detail for %s (%s) reads "%s" with its timeline',
  async (id, status, label) => {
    server.use(http.get('*/api/orders/:id', () => HttpResponse.json(halOrder(id, status, 30))));
    await signInAs();
    renderApp(`/orders/${id}`);
    const facts = await screen.findByText('Status');
    const statusBlock = facts.closest('div');
    expect(statusBlock).toHaveTextContent(label);
    const timeline = screen.getByRole('list', { name: 'Order progress' });
    if (status === 'PAYMENT_FAILED') {
      expect(timeline).toHaveTextContent('Payment: failed');
      expect(timeline).toHaveTextContent('Shipped: will not happen');
    }
    if (status !== 'SHIPPED' && status !== 'DELIVERED') {
      expect(timeline).not.toHaveTextContent('Shipped: done');
    }
    expect(screen.getByText('•••• 5918')).toBeInTheDocument();
    expect(screen.queryByText(/5544154011345918/)).not.toBeInTheDocument();
  },
);

test('regression: an order seen as PENDING that fails on the backend shows "Payment failed" without reload', async () => {
  const id = '690320cee2c84800016ceb4a';
  let status = 'PENDING';
  server.use(http.get('*/api/orders/:id', () => HttpResponse.json(halOrder(id, status, 24))));
  await signInAs();
  renderApp(`/orders/${id}`);
  expect(
    await screen.findByText('Payment pending', { selector: '.status *, .status' }),
  ).toBeInTheDocument();

  status = 'PAYMENT_FAILED';
  const failed = await screen.findByText(
    'Payment failed',
    { selector: '.status *, .status' },
    { timeout: 5_000 },
  );
  expect(failed).toBeInTheDocument();
  expect(screen.getByText(`Order ${id} is now Payment failed.`)).toBeInTheDocument();
  expect(screen.queryByText(/\bShipped\b(?!:)/)).not.toBeInTheDocument();
});

test('a failed refresh keeps the last good list and says it may be out of date', async () => {
  let failing = false;
  server.use(
    http.get('*/api/orders', () =>
      failing
        ? HttpResponse.json({ message: 'boom', error: {} }, { status: 500 })
        : HttpResponse.json([halOrder('6900000000000000000000c1', 'PAID', 5)], { status: 201 }),
    ),
  );
  await signInAs();
  const { user } = renderApp('/orders');
  await screen.findByRole('link', { name: 'Order 6900000000000000000000c1' });
  failing = true;
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  expect(await screen.findByText(/may be out of date/i)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Order 6900000000000000000000c1' })).toBeInTheDocument();
});

test('a signed-out shopper is asked to sign in to see orders', async () => {
  renderApp('/orders');
  const main = await screen.findByRole('main');
  expect(await within(main).findByRole('link', { name: 'Sign in' })).toHaveAttribute(
    'href',
    '/sign-in?next=%2Forders',
  );
});

test('an order page for an unknown id says so', async () => {
  await signInAs();
  renderApp('/orders/ffffffffffffffffffffffff');
  expect(await screen.findByText("We couldn't find this order.")).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled());
});

test('header notification: a status change shows on any page while the shopper browses, and can be dismissed', async () => {
  const id = '6900000000000000000000d1';
  let status = 'PENDING';
  server.use(
    http.get('*/api/orders', () => HttpResponse.json([halOrder(id, status, 1)], { status: 201 })),
  );
  await signInAs();
  const { user, queryClient } = renderApp('/');
  await screen.findByRole('list', { name: 'Socks' });
  expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  // The header has read the order while it was pending: the change is news.
  await headerReady(queryClient);

  status = 'PAYMENT_FAILED';
  const notice = await screen.findByText(
    `Order ${id} is now Payment failed.`,
    {},
    { timeout: 5_000 },
  );
  expect(notice.closest('[role="status"]')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'See your orders' })).toHaveAttribute('href', '/orders');

  await user.click(screen.getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByText(`Order ${id} is now Payment failed.`)).not.toBeInTheDocument();
});
