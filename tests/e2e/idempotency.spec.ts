import {
  DEMO_USER,
  NERD_LEG,
  controlMock,
  expect,
  expectOrderStatus,
  placeOrderButton,
  placedOrderId,
  signIn,
  test,
} from './fixtures';

/**
 * Server-side idempotency, in the browser: the live build built with
 * VITE_BACKEND_HONOURS_IDEMPOTENCY=true (playwright.config.ts, E2E_IDEMPOTENT_URL) against the
 * standalone mock API, which honours `Idempotency-Key`. The first answer to POST /orders is lost
 * on the way back (the request reached the backend and was processed; the connection drops before
 * the answer arrives), so the storefront asks again under the same key. The backend must see the
 * key twice and hold exactly one order.
 */
test.use({ baseURL: process.env.E2E_IDEMPOTENT_URL });

const NERD_LEG_ID = 'a0a4f044-b040-410d-8ead-4de0446aec7e';

test.beforeEach(async () => {
  await controlMock('POST', 'reset');
});

test.afterEach(async () => {
  await controlMock('POST', 'reset');
});

test('a lost order answer is asked again under the same key, and the backend holds one order', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect({
    text: /ERR_CONNECTION_RESET|ERR_FAILED/,
    url: /\/api\/orders$/,
    reason: 'the test drops the first answer to POST /orders on purpose (a lost answer)',
  });
  await page.goto('/sign-in');
  await signIn(page, DEMO_USER);
  await page.goto(`/socks/${NERD_LEG_ID}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${NERD_LEG.name} added to your cart.` }),
  ).toBeVisible();

  // The first POST /orders reaches the backend; its answer never reaches the page.
  const sent: { key: string | undefined; answered: number; lost: boolean }[] = [];
  await page.route('**/api/orders', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    const key = request.headers()['idempotency-key'];
    if (sent.length === 0) {
      const response = await route.fetch();
      sent.push({ key, answered: response.status(), lost: true });
      return route.abort('connectionreset');
    }
    const response = await route.fetch();
    sent.push({ key, answered: response.status(), lost: false });
    return route.fulfill({ response });
  });

  await page.goto('/checkout');
  await placeOrderButton(page).click();
  const id = await placedOrderId(page);
  await expectOrderStatus(page, 'Paid');

  // The same key, really sent twice, and the second answer was a replay of the first.
  expect(sent).toHaveLength(2);
  const [first, second] = sent;
  expect(first).toMatchObject({ answered: 201, lost: true }); // processed, answer lost
  expect(first?.key).toBeTruthy();
  expect(second).toMatchObject({ key: first?.key, answered: 201, lost: false });

  // The backend: one key record used twice, and one order, the one the page shows.
  const records = (await controlMock('GET', 'idempotency')) as {
    key: string;
    uses: number;
    orderId: string | null;
  }[];
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ uses: 2, orderId: id });
  expect(`"${records[0]?.key}"`).toBe(first?.key);
  const orders = (await controlMock('GET', 'orders')) as { id: string }[];
  expect(orders.map((order) => order.id)).toEqual([id]);
});
