import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { HOSTILE, HOSTILE_SHOPPER, HOSTILE_SOCK } from '../../mocks/data/hostile';
import { controlMock, expect, orderSummary, signIn, test } from './fixtures';

/**
 * Hostile backend strings (mocks/data/hostile.ts: a `<script>`, an `<img onerror>`, an
 * `<svg onload>`, a `javascript:` URL, spreadsheet formulas) seeded through the mock wherever the
 * storefront renders a backend string. In Chromium, every one must show as text and nothing may
 * run: every payload would bump `window.__hostile`, and no element may carry an event-handler
 * attribute or a `javascript:` URL.
 *
 * The shopper screens run on the LIVE build against the standalone mock API (seeded with
 * `POST /__mock/seed`); the ops view and the QA panel exist only in mock builds, so they run on
 * the demo build (seeded with `?mock-seed=hostile`).
 */

const RAN = () => (window as unknown as { __hostile?: number }).__hostile ?? 0;

/** Nothing ran, no dialog opened, and the DOM holds no markup made from a backend string. */
async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(RAN), 'hostile payloads that ran').toBe(0);
  expect(dialogs, 'dialogs opened by a payload').toEqual([]);
  await expect(page.locator('[onerror], [onload], [onclick], [onmouseover]')).toHaveCount(0);
  await expect(page.locator('[src^="javascript:" i], [href^="javascript:" i]')).toHaveCount(0);
  // The only scripts are the app's own (module scripts from our origin).
  const inlineScripts = await page
    .locator('body script')
    .evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ''));
  expect(inlineScripts.filter((text) => text.includes('__hostile'))).toEqual([]);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

test.describe('hostile strings on the live build', () => {
  test.use({ baseURL: process.env.E2E_LIVE_URL });

  test.beforeEach(async () => {
    await controlMock('POST', 'reset');
    await controlMock('POST', 'seed', { name: 'hostile' });
  });

  test.afterEach(async () => {
    await controlMock('POST', 'reset');
  });

  test('catalogue, product, cart, checkout, orders and order page show hostile strings as text', async ({
    page,
  }) => {
    const dialogs = watchDialogs(page);

    // Catalogue: the name is a link's text, the tag a checkbox's label.
    await page.goto('/');
    const socks = page.getByRole('list', { name: 'Socks' });
    await expect(socks.getByRole('link', { name: HOSTILE_SOCK.name, exact: true })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: HOSTILE_SOCK.tag, exact: true })).toBeVisible();
    await expectInert(page, dialogs);

    // Product page: name, description and tag as text; the `javascript:` image URL is not used.
    await socks.getByRole('link', { name: HOSTILE_SOCK.name, exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: HOSTILE_SOCK.name, exact: true }),
    ).toBeVisible();
    await expect(page.getByText(HOSTILE_SOCK.description, { exact: true })).toBeVisible();
    await expect(page.getByText(`Tags: ${HOSTILE_SOCK.tag}`, { exact: true })).toBeVisible();
    await expectInert(page, dialogs);

    // Signed in as the shopper whose username is a formula and whose names are markup.
    await page.goto('/sign-in');
    await signIn(page, HOSTILE_SHOPPER);
    await expect(page.getByText(`Hi, ${HOSTILE_SHOPPER.firstName}`, { exact: true })).toBeVisible();
    await expectInert(page, dialogs);

    // Cart line.
    await page.goto('/cart');
    const cart = page.getByRole('list', { name: 'Items in your cart' });
    await expect(cart).toContainText(HOSTILE_SOCK.name);
    await expectInert(page, dialogs);

    // Checkout: the summary line and every address field, as text.
    await page.goto('/checkout');
    await expect(orderSummary(page)).toContainText(`1 × ${HOSTILE_SOCK.name}`);
    const address = page.getByRole('region', { name: 'Shipping address' });
    for (const field of Object.values(HOSTILE_SHOPPER.address)) {
      await expect(address).toContainText(field);
    }
    await expect(page.getByRole('region', { name: 'Payment card' })).toContainText('•••• 5556');
    await expectInert(page, dialogs);

    // Orders: the order with a hostile status reads "Status unavailable", never Shipped.
    await page.goto('/orders');
    const odd = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Order 0000beef00000000000000f2' }) });
    await expect(odd).toContainText('Status unavailable');
    await expect(odd).not.toContainText('Shipped');
    await expectInert(page, dialogs);

    // Order page: item names and the address as text.
    await page.goto('/orders/0000beef00000000000000f1');
    await expect(
      page.getByRole('rowheader', { name: HOSTILE_SOCK.name, exact: true }),
    ).toBeVisible();
    const main = page.getByRole('main');
    for (const field of [HOSTILE.img, HOSTILE.script, HOSTILE.jsUrl, HOSTILE.formula]) {
      await expect(main).toContainText(field);
    }
    await expectInert(page, dialogs);
  });
});

test.describe('hostile strings in the mock build (ops view, QA panel)', () => {
  test('the ops view shows them as text and its CSV neutralises formulas', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto('/ops/payment-issues?mock-seed=hostile');
    const table = page.getByRole('table').first();
    await expect(
      table.getByRole('cell', { name: HOSTILE_SHOPPER.username, exact: true }),
    ).toBeVisible();
    await expectInert(page, dialogs);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /CSV/ }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(','));
    // Every cell a spreadsheet would run as a formula is prefixed with an apostrophe (as text).
    expect(cells.filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);
    expect(csv).toContain(`'${HOSTILE_SHOPPER.username}`);
  });

  test('the QA panel shows a hostile status from the backend as text', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto('/sign-in?mock-seed=hostile');
    await signIn(page, HOSTILE_SHOPPER);
    // In the app, not a new page load: a reloaded demo page can send its first order request
    // before the mock worker answers for it (a 404 from the static server).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Orders' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
    await expect(page.getByText('Status unavailable').first()).toBeVisible();
    await page.getByRole('button', { name: /^QA: / }).click();
    const events = page.getByRole('list', { name: 'Recent telemetry events' });
    await expect(events).toContainText('order_status_unknown');
    await expect(events).toContainText(`raw=${HOSTILE.status}`);
    await expectInert(page, dialogs);
  });
});
