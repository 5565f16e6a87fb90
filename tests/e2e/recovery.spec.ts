import type { APIRequestContext, Page } from '@playwright/test';
import {
  NERD_LEG,
  axeViolations,
  cartToCheckout,
  expect,
  freshShopper,
  httpErrorLogged,
  orderSummary,
  placeOrderButton,
  mockUrl,
  placedOrderId,
  signIn,
  summaryLines,
  test,
} from './fixtures';

/**
 * Issue 12 on the LIVE build (no mock code) against the standalone mock API over real HTTP:
 * payment goes down, an order fails, payment comes back, the shopper presses "Order these again"
 * and pays; the operator build's payment-issues view then shows the failed order recovered.
 * The mock API's test controls (`/__mock/scenario`) switch payment down and back.
 */
const MOCK_API = process.env.E2E_MOCK_API_URL ?? '';
const OPS = process.env.E2E_OPS_URL ?? '';

async function setPayment(request: APIRequestContext, scenario: 'payment-down' | 'healthy') {
  const answer = await request.put(`${MOCK_API}/__mock/scenario`, { data: { name: scenario } });
  expect(answer.ok()).toBe(true);
}

/**
 * A new account with an address and a card, created through the API from the page (so the
 * browser holds the session cookies), as the register page and the checkout forms would.
 */
async function newShopperWithCard(page: Page) {
  const shopper = freshShopper();
  // A page with no product images: an image answer sets a new anonymous session cookie, which
  // could land after the sign-up's and replace it.
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const statuses = await page.evaluate(async (account) => {
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`/api${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      return `${response.status} ${await response.text()}`;
    };
    return [
      await post('/register', account),
      await post('/addresses', {
        number: '12',
        street: 'Test Street',
        city: 'Leeds',
        postcode: 'LS1 4AP',
        country: 'United Kingdom',
      }),
      await post('/cards', { longNum: '4111111111111111', expires: '12/30', ccv: '123' }),
    ];
  }, shopper);
  for (const status of statuses) expect(status).toMatch(/^200 \{"id":"\w+"\}$/);
  return shopper;
}

test.describe('order recovery on the live build', () => {
  test.use({ baseURL: process.env.E2E_LIVE_URL });

  test.afterEach(async ({ request }) => {
    await setPayment(request, 'healthy');
  });

  test('payment down, the order fails, payment back, "Order these again", paid; the ops view shows it recovered', async ({
    page,
    request,
    context,
    consoleErrors,
  }) => {
    consoleErrors.expect(
      httpErrorLogged(500, /\/api\/orders$/, 'payment-down: POST /orders answers 500, by design'),
    );
    await newShopperWithCard(page);

    // Payment is down: the order is saved as Payment failed.
    await setPayment(request, 'payment-down');
    await cartToCheckout(page, NERD_LEG);
    await placeOrderButton(page).click();
    await expect(
      orderSummary(page)
        .getByRole('alert')
        .filter({ hasText: 'We could not process your payment' }),
    ).toBeVisible();

    // Payment is back. The shopper opens the failed order from the orders list.
    await setPayment(request, 'healthy');
    await page.goto('/orders');
    const failedRow = page.getByRole('row').filter({ hasText: 'Payment failed' });
    await expect(failedRow).toHaveCount(1);
    const failedId = (await failedRow.getByRole('link', { name: /^Order / }).textContent()) ?? '';
    expect(failedId).toMatch(/\S/);

    // Click one: "Order these again" fills the cart and opens the checkout.
    await failedRow.getByRole('button', { name: /^Order these again/ }).click();
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(page.getByText(/You are ordering again the socks from order/)).toBeVisible();
    await expect(summaryLines(page)).toHaveText([/^1 × Nerd leg\b/]);

    // Click two: the shopper pays.
    await expect(placeOrderButton(page)).toBeEnabled();
    await placeOrderButton(page).click();
    const paidId = await placedOrderId(page);
    await expect(page.getByText(/Thank you! Your order is confirmed and paid\./)).toBeVisible();
    expect(paidId).not.toBe(failedId);

    // The operator build, on the same backend: the failed order is recovered by the paid one.
    const ops = await context.newPage();
    await ops.goto(`${OPS}/ops/payment-issues`);
    const table = ops.getByRole('table', { name: /orders whose payment failed/i });
    const row = table
      .getByRole('row')
      .filter({ has: ops.getByRole('rowheader', { name: failedId }) });
    await expect(row).toContainText(`✓ ${paidId}, paid $12.98`);
    await expect(ops.getByText('Recovered', { exact: true })).toBeVisible();
  });
});

/**
 * The incident replay on the demo build (mock backend in the page, ops view included): Rayaan,
 * one of INCIDENT-3's shoppers, wins back order ceb4b ($19.99) with payment healthy, and the
 * payment-issues view moves the amount from at risk to recovered.
 */
test.describe('incident replay on the demo build', () => {
  test('Rayaan recovers ceb4b; the ops view moves $19.99 from at risk to recovered', async ({
    page,
  }) => {
    const failedId = '690320eae2c84800016ceb4b';
    const fact = (term: string) =>
      page
        .locator('dt')
        .filter({ hasText: new RegExp(`^${term}$`) })
        .locator('xpath=following-sibling::dd[1]');
    await page.goto(mockUrl('/ops/payment-issues', { scenario: 'incident-3' }));
    await expect(fact('Revenue at risk')).toHaveText('$479.20');
    await expect(fact('Recovered')).toHaveText('$0.00 · 0 orders won back');

    await page.goto('/sign-in?next=/orders');
    await signIn(page, { username: 'Rayaan', password: 'password' });
    await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Order ${failedId}` }) });
    await expect(row.getByRole('button', { name: /^Order these again/ })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Rayaan's cart already holds a sock: the shopper chooses, in an accessible dialog.
    await page.evaluate(() =>
      fetch('/api/cart', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'a0a4f044-b040-410d-8ead-4de0446aec7e' }),
      }),
    );
    await row.getByRole('button', { name: /^Order these again/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Your cart already has socks in it' });
    await expect(dialog.getByRole('button', { name: 'Add to my cart' })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Replace my cart' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(page.getByText(/You are ordering again the socks from order/)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await expect(summaryLines(page)).toHaveText([/^1 × SuperSport XL\b/]);
    await expect(placeOrderButton(page)).toBeEnabled();
    await placeOrderButton(page).click();
    const paidId = await placedOrderId(page);

    // The mock db lives in the page's storage, so the ops view of this demo sees the new order.
    await page.goto('/ops/payment-issues');
    await expect(fact('Recovered')).toHaveText('$19.99 · 1 order won back');
    await expect(fact('Revenue at risk')).toHaveText('$459.21');
    const recovered = page
      .getByRole('table', { name: /orders whose payment failed/i })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: failedId }) });
    await expect(recovered).toContainText(`✓ ${paidId}, paid $19.99`);
  });
});
