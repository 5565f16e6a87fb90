import {
  addSockToCart,
  cartToCheckout,
  expect,
  httpErrorLogged,
  mockUrl,
  NERD_LEG,
  orderSummary,
  placeOrderButton,
  signIn,
  signInFromHeader,
  summaryLines,
  test,
} from './fixtures';

const PAYMENT_FAILED_TITLE = 'We could not process your payment. You have not been charged.';

test('QA picks a scenario in the QA panel, and the checkout lives through it', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect(
    httpErrorLogged(
      500,
      /\/api\/orders$/,
      'payment-down chosen in the QA panel: POST /orders answers 500 by design',
    ),
  );
  await page.goto('/');
  await page.getByRole('button', { name: 'QA: healthy' }).click();
  await page.getByRole('radio', { name: 'payment-down' }).check();
  await expect(page.getByRole('button', { name: 'QA: payment-down' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Scenario switched to payment-down.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'QA: payment-down' }).click();

  // The choice holds for the tab, across navigation.
  await cartToCheckout(page, NERD_LEG);
  await page.getByRole('link', { name: 'Sign in to check out' }).click();
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'QA: payment-down' })).toBeVisible();

  await placeOrderButton(page).click();
  await expect(orderSummary(page).getByRole('alert')).toContainText(PAYMENT_FAILED_TITLE);
  await expect(summaryLines(page)).toHaveText([/^1 × Nerd leg\b/]);
});

// What this test shows: under payment-flaky, a double click sends one POST per attempt, each
// settled attempt gets a new key, and the backend holds one order per key. It never sends a key
// twice; the same key really sent twice (a lost answer resent) is tests/e2e/idempotency.spec.ts.
test('payment-flaky: double clicks send one order request per attempt, each attempt with its own key', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect(
    httpErrorLogged(
      500,
      /\/api\/orders$/,
      'payment-flaky: about half the payments fail with a 500 by design',
    ),
  );
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/orders') {
      keys.push(request.headers()['idempotency-key'] ?? '(none)');
    }
  });

  await page.goto(mockUrl('/', { scenario: 'payment-flaky' }));
  await signInFromHeader(page);
  const outcomes: string[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) {
    // One more pair of socks each time (a failed attempt keeps the cart, so it grows).
    await page.goto('/');
    await addSockToCart(page, NERD_LEG);
    await page.goto('/checkout');
    const button = placeOrderButton(page);
    await expect(button).toBeEnabled();
    // An impatient shopper: a double click every time.
    await button.dblclick();
    const paid = page.getByText('Thank you! Your order is confirmed and paid.');
    const failed = orderSummary(page).getByRole('alert').filter({ hasText: PAYMENT_FAILED_TITLE });
    await expect(paid.or(failed)).toBeVisible();
    outcomes.push((await paid.isVisible()) ? 'paid' : 'failed');
  }
  expect(outcomes).toContain('paid');
  expect(outcomes).toContain('failed');

  // What the backend recorded (the mock db, as the demo build keeps it in localStorage).
  const recorded = await page.evaluate(() => {
    const db = JSON.parse(localStorage.getItem('sockshop-mock-db') ?? '{}') as {
      orders?: { id: string; state: string }[];
      idempotency?: { key: string; orderId: string | null }[];
    };
    return { orders: db.orders ?? [], idempotency: db.idempotency ?? [] };
  });
  const sentKeys = new Set(keys);
  expect(keys).toHaveLength(6); // one POST per attempt, whatever the double clicks
  expect(sentKeys.size).toBe(6); // each settled attempt got a new key
  expect(recorded.orders).toHaveLength(6);
  const orderIds = recorded.idempotency.map((record) => record.orderId);
  expect(new Set(orderIds).size).toBe(orderIds.length);
  expect(new Set(recorded.idempotency.map((record) => `"${record.key}"`))).toEqual(sentKeys);
});
