import type { Page } from '@playwright/test';
import { expect, shopperThroughApi, test } from './fixtures';

/**
 * Nothing moves while checkout loads, whatever the shopper has on file: the sections keep their
 * places as their loading states give way to an address and a card, or to "You have none yet"
 * with a button that opens the form. Layout shifts as the browser reports them (the
 * `layout-shift` entries that CLS adds up), on a phone-sized screen, the live build.
 */
test.use({ baseURL: process.env.E2E_LIVE_URL, viewport: { width: 412, height: 823 } });

const CROSSED_ID = '808a2de1-1aaa-4c25-a9b9-6612e8f29a38';
/** The budget for every page: CLS at most 0.02. */
const CLS_BUDGET = 0.02;

/** Records every layout shift not caused by the shopper's own input, from the first paint on. */
async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean };
        if (!shift.hadRecentInput) shifts.push(shift.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShift = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((a, b) => a + b, 0),
  );

for (const [who, onFile, addressText, cardText] of [
  [
    'a new shopper (no address, no card)',
    false,
    'You have no shipping address yet.',
    'You have no payment card yet.',
  ],
  ['a shopper with an address and a card', true, '12 Test Street', 'Card ending •••• 1111'],
] as const) {
  test(`checkout keeps its layout while it loads, for ${who}`, async ({ page }) => {
    await shopperThroughApi(page, { onFile, cart: [CROSSED_ID] });
    await recordLayoutShifts(page);
    // The cart, address and card answers wait until checkout has drawn its loading states, as on a
    // slow phone network: the shifts measured are those of loading states giving way to answers.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/(cart|address|card)$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/checkout');
    const loading = page.getByRole('status');
    await expect(loading.filter({ hasText: 'Loading your address…' })).toBeAttached();
    await expect(loading.filter({ hasText: 'Loading your card…' })).toBeAttached();
    await expect(loading.filter({ hasText: 'Loading your cart…' })).toBeAttached();
    release();

    await expect(page.getByRole('region', { name: 'Shipping address' })).toContainText(addressText);
    await expect(page.getByRole('region', { name: 'Payment card' })).toContainText(cardText);
    await expect(page.getByRole('region', { name: 'Order summary' })).toContainText('1 × Crossed');
    // Everything that comes after the page is in too: the header's links.
    await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
    // Shifts are reported with the frame that shows them.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await layoutShift(page)).toBeLessThanOrEqual(CLS_BUDGET);
  });
}
