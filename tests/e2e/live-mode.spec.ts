import {
  addAddressAndCard,
  HOLY,
  NERD_LEG,
  cartLink,
  cartToCheckout,
  expect,
  expectOrderStatus,
  freshShopper,
  httpErrorLogged,
  orderRow,
  orderSummary,
  placeOrderButton,
  placedOrderId,
  summaryLines,
  register,
  TEST_CARD,
  test,
} from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The LIVE build (no mock code, no service worker) on 4174: `vite preview` proxies /api to the
 * standalone mock Sock Shop API (mocks/http-server.ts) over real HTTP, with real cookies
 * (md.sid is HttpOnly). That server keeps its state for the whole run, so every test registers
 * its own shopper through the UI and adds an address and a card through the checkout forms.
 */
test.use({ baseURL: process.env.E2E_LIVE_URL });

/** Anonymous cart → checkout → "Sign in to check out" → "Create an account" → back to checkout. */
async function newShopperAtCheckout(page: Page, sock: { name: string }) {
  await cartToCheckout(page, sock);
  await page.getByRole('link', { name: 'Sign in to check out' }).click();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await register(page, freshShopper());
  await expect(page).toHaveURL(/\/checkout$/);
  // The anonymous cart was merged into the new account's cart.
  await expect(summaryLines(page)).toHaveText([new RegExp(`^1 × ${sock.name}\\b`)]);
}

async function expectCardNumberHidden(page: Page) {
  const text = (await page.locator('body').innerText()).replace(/[\s-]/g, '');
  expect(text).not.toContain(TEST_CARD.digits);
  expect(await page.content()).not.toContain(TEST_CARD.digits);
}

test.describe('live build over real HTTP (standalone mock API)', () => {
  test('a new shopper adds an address and a card, pays, and sees the order paid', async ({
    page,
    context,
  }) => {
    await newShopperAtCheckout(page, NERD_LEG);
    await addAddressAndCard(page);
    await expectCardNumberHidden(page);

    await placeOrderButton(page).click();
    const id = await placedOrderId(page);
    await expect(
      page.getByRole('status').filter({ hasText: 'Thank you! Your order is confirmed and paid.' }),
    ).toBeVisible();
    await expectOrderStatus(page, 'Paid');
    await expect(
      page.getByRole('definition').filter({ hasText: `•••• ${TEST_CARD.last4}` }),
    ).toBeVisible();
    await expect(cartLink(page, 0)).toBeVisible();
    await expectCardNumberHidden(page);

    // The session is a real HttpOnly cookie: the page cannot read it, and it survives a reload.
    const sid = (await context.cookies()).find((cookie) => cookie.name === 'md.sid');
    expect(sid, 'md.sid cookie').toMatchObject({ httpOnly: true });
    expect(await page.evaluate(() => document.cookie)).not.toContain('md.sid');
    await page.reload();
    await expectOrderStatus(page, 'Paid');

    await page.getByRole('link', { name: 'All orders' }).click();
    await expect(orderRow(page, id).getByRole('cell').last()).toHaveText(/Paid$/);
  });

  test('a declined payment over real HTTP gets the decline copy', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.expect(
      httpErrorLogged(
        406,
        /\/api\/orders$/,
        'the payment service declines 104.98 (> 100.00): POST /orders answers 406 by design',
      ),
    );
    await newShopperAtCheckout(page, HOLY);
    await addAddressAndCard(page);
    await placeOrderButton(page).click();
    const alert = orderSummary(page)
      .getByRole('alert')
      .filter({ hasText: 'Your payment was declined. You have not been charged.' });
    await expect(alert).toBeFocused();
    await expect(alert).toContainText('$100.00');
    await expect(placeOrderButton(page)).toBeEnabled();
  });

  test('no service worker: none registered, and /mockServiceWorker.js is not served as script', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Socks' })).toBeVisible();
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
    ).toBe(0);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    const response = await request.get('/mockServiceWorker.js');
    expect(response.headers()['content-type'] ?? '').not.toMatch(/javascript|ecmascript/i);
    expect(await response.text()).not.toContain('Mock Service Worker');

    // The catalogue came over the proxy from the standalone server, not from a mock in the page.
    const tags = await request.get('/api/tags');
    expect(tags.ok()).toBe(true);
  });
});
