import type { Page } from '@playwright/test';
import { controlMock, expect, shopperThroughApi, test } from './fixtures';

/**
 * Fits a phone: at 320 and 375 px wide no page scrolls sideways, and on the orders pages every
 * order's status is on screen horizontally (the Status column used to be off-screen at 375 px).
 * The live build against the standalone mock API, as a signed-in shopper with orders in every
 * state and two cart lines.
 */
test.use({ baseURL: process.env.E2E_LIVE_URL });

const CROSSED_ID = '808a2de1-1aaa-4c25-a9b9-6612e8f29a38';
const HOLY_ID = '03fef6ac-1896-4ce8-bd69-b798f85c6e0b';

async function shopperWithOrders(page: Page): Promise<string[]> {
  const shopper = await shopperThroughApi(page, {
    street: 'A rather long street name for a narrow screen',
    cart: [CROSSED_ID, HOLY_ID],
  });
  const ids: string[] = [];
  for (const state of ['PAID', 'PAYMENT_FAILED', 'PENDING', 'PAID']) {
    const { id } = (await controlMock('POST', 'orders', { username: shopper.username, state })) as {
      id: string;
    };
    ids.push(id);
  }
  return ids;
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.scroll, `${what} scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
}

async function expectStatusesOnScreen(page: Page, count: number) {
  const statuses = page.locator('main .status');
  await expect(statuses).toHaveCount(count);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  for (const box of await statuses.evaluateAll((nodes) =>
    nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect),
  )) {
    expect(box.width).toBeGreaterThan(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(viewport.width);
  }
}

for (const width of [320, 375]) {
  test(`every page fits a ${width} px wide phone, and every order's status is on screen`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 740 });
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expectNoSidewaysScroll(page, '/sign-in');
    await page.goto('/register');
    await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
    await expectNoSidewaysScroll(page, '/register');

    const ids = await shopperWithOrders(page);
    const pages: [string, () => Promise<void>][] = [
      ['/', () => expect(page.getByRole('list', { name: 'Socks' })).toBeVisible()],
      [
        `/socks/${HOLY_ID}`,
        () => expect(page.getByRole('heading', { level: 1, name: 'Holy' })).toBeVisible(),
      ],
      ['/cart', () => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
      [
        '/checkout',
        () => expect(page.getByRole('heading', { level: 1, name: /checkout/i })).toBeVisible(),
      ],
      ['/orders', () => expectStatusesOnScreen(page, ids.length)],
      ...ids.map((id): [string, () => Promise<void>] => [
        `/orders/${id}`,
        () => expectStatusesOnScreen(page, 1),
      ]),
      [
        '/no-such-page',
        () => expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible(),
      ],
    ];
    for (const [path, ready] of pages) {
      await page.goto(path);
      await ready();
      await expectNoSidewaysScroll(page, path);
    }
  });
}
