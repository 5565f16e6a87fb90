import {
  DEMO_USER,
  NERD_LEG,
  addSockToCart,
  axeViolations,
  cartLink,
  expect,
  expectOrderStatus,
  httpErrorLogged,
  mockUrl,
  orderSummary,
  placeOrderButton,
  placedOrderId,
  signInFromHeader,
  test,
} from './fixtures';
import type { Page } from '@playwright/test';

/**
 * axe (WCAG 2 A + AA, colour contrast included) on every screen of the journey, in the states a
 * shopper sees them, and a keyboard-only checkout. Demo build (mock backend in a service worker).
 */

async function openCatalogue(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Socks' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Socks' })).toBeVisible();
}

/** Signed in as the demo user (address and card on file), one Nerd leg in the cart, at checkout. */
async function signedInCheckout(page: Page, url = '/') {
  await openCatalogue(page, url);
  await signInFromHeader(page, DEMO_USER);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Socks' }).click();
  await cartToCheckoutFromCatalogue(page);
}

async function cartToCheckoutFromCatalogue(page: Page) {
  await addSockToCart(page, NERD_LEG);
  await cartLink(page, 1).click();
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payment card' })).toContainText('Card ending');
  await expect(placeOrderButton(page)).toBeEnabled();
}

test.describe('accessibility (axe: wcag2a, wcag2aa)', () => {
  test('catalogue', async ({ page }) => {
    await openCatalogue(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('product page, after adding to the cart', async ({ page }) => {
    await openCatalogue(page);
    await addSockToCart(page, NERD_LEG);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('cart with items', async ({ page }) => {
    await openCatalogue(page);
    await addSockToCart(page, NERD_LEG);
    await cartLink(page, 1).click();
    await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(
      NERD_LEG.name,
    );
    await expect(page.getByRole('link', { name: 'Go to checkout' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('sign-in page, empty and with a wrong password', async ({ page, consoleErrors }) => {
    consoleErrors.expect(
      httpErrorLogged(401, /\/api\/login$/, 'a wrong password: GET /login answers 401 by design'),
    );
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Username').fill(DEMO_USER.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'That username and password do not match an account.' });
    await expect(alert).toBeVisible();
    await expect(alert).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('checkout with a payment error shown (payment-down)', async ({ page, consoleErrors }) => {
    consoleErrors.expect(
      httpErrorLogged(
        500,
        /\/api\/orders$/,
        'payment-down: POST /orders answers 500 "unspecified IO error" by design',
      ),
    );
    await signedInCheckout(page, mockUrl('/', { scenario: 'payment-down' }));
    await placeOrderButton(page).click();
    await expect(
      orderSummary(page)
        .getByRole('alert')
        .filter({ hasText: 'We could not process your payment. You have not been charged.' }),
    ).toBeFocused();
    await expect(placeOrderButton(page)).toBeEnabled();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('order detail (just placed) and orders list', async ({ page }) => {
    await signedInCheckout(page);
    await placeOrderButton(page).click();
    const id = await placedOrderId(page);
    await expect(
      page.getByRole('status').filter({ hasText: 'Thank you! Your order is confirmed and paid.' }),
    ).toBeVisible();
    await expectOrderStatus(page, 'Paid');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'All orders' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Order ${id}` })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('keyboard only', () => {
  test('checkout: Tab to "Place order", Enter (twice, impatiently) sends one order', async ({
    page,
  }) => {
    await openCatalogue(page);
    await signInFromHeader(page, DEMO_USER);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Socks' })
      .click();
    await cartToCheckoutFromCatalogue(page);

    const orderPosts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/orders') {
        orderPosts.push(request.url());
      }
    });

    // From here on, only the keyboard. The page heading has focus when the page opens.
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeFocused();
    const button = placeOrderButton(page);
    let tabs = 0;
    await expect(async () => {
      await page.keyboard.press('Tab');
      tabs += 1;
      await expect(button).toBeFocused({ timeout: 100 });
    }).toPass({ timeout: 15_000, intervals: [0] });
    expect(tabs, 'Tab presses from the heading to "Place order"').toBeLessThanOrEqual(20);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    await placedOrderId(page);
    await expectOrderStatus(page, 'Paid');
    expect(orderPosts, 'POST /api/orders requests').toHaveLength(1);
  });

  test('sign in from the checkout prompt and come back to checkout', async ({ page }) => {
    await openCatalogue(page);
    await addSockToCart(page, NERD_LEG);
    await cartLink(page, 1).click();
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Sign in to check out' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Username')).toBeFocused();
    await page.keyboard.type(DEMO_USER.username);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(DEMO_USER.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(placeOrderButton(page)).toBeEnabled();
  });
});
