import type { BrowserContext, Page } from '@playwright/test';
import {
  addAddressAndCard,
  NERD_LEG,
  cartToCheckout,
  expect,
  freshShopper,
  orderSummary,
  placeOrderButton,
  register,
  signIn,
  summaryLines,
  test,
} from './fixtures';

/**
 * Sessions that end, against the real Sock Shop's behaviour: the LIVE build over real HTTP (the
 * standalone mock API sets `logged_in` with Max-Age=3600 and keeps the server session in md.sid).
 * When `logged_in` is gone, cart calls land on an anonymous, empty cart and /orders answers
 * "User not logged in.". Each test registers its own shopper.
 */
test.use({ baseURL: process.env.E2E_LIVE_URL });

type NewShopper = ReturnType<typeof freshShopper>;

/** Anonymous cart → checkout → create an account → back at checkout with the cart merged. */
async function newShopperAtCheckout(page: Page): Promise<NewShopper> {
  const shopper = freshShopper();
  await cartToCheckout(page, NERD_LEG);
  await page.getByRole('link', { name: 'Sign in to check out' }).click();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await register(page, shopper);
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(summaryLines(page)).toHaveText([/^1 × Nerd leg\b/]);
  return shopper;
}

/** What the browser does when `logged_in` reaches its Max-Age (the server session lives on). */
async function cookieExpires(context: BrowserContext) {
  await context.clearCookies({ name: 'logged_in' });
  expect((await context.cookies()).map((cookie) => cookie.name)).toContain('md.sid');
}

/** The tab goes to the background or comes back (what the browser reports, and the events). */
async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((next) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => next });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => next === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event(next === 'visible' ? 'focus' : 'blur'));
  }, state);
}

function header(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

test.describe('a session that ends while checkout is open (live build, real HTTP)', () => {
  test('cookie gone, then Place order: no order sent, the session has ended, signed out at once; sign-in returns to checkout with the cart', async ({
    page,
    context,
  }) => {
    const shopper = await newShopperAtCheckout(page);
    await addAddressAndCard(page);
    await expect(placeOrderButton(page)).toBeEnabled();
    await expect(header(page)).toContainText(`Hi, ${shopper.firstName}`);

    const orderCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/orders') orderCalls.push(request.method());
    });
    await cookieExpires(context);
    await placeOrderButton(page).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Your session has ended.' });
    await expect(alert).toBeFocused();
    await expect(alert).toContainText(
      'No order was placed and you have not been charged. Your cart is kept: sign in and you will find it here at checkout.',
    );
    await expect(alert).not.toContainText(/empty|another tab/i);
    // The header switched to signed out at once; nothing was sent to /orders.
    await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(header(page)).not.toContainText('Hi,');
    expect(orderCalls).toEqual([]);

    // Sign in from the message: back to checkout, where the server kept the cart.
    await alert.getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=\/checkout$/);
    await signIn(page, shopper);
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(summaryLines(page)).toHaveText([/^1 × Nerd leg\b/]);
    await expect(placeOrderButton(page)).toBeEnabled();
    await expect(orderSummary(page).getByRole('alert')).toBeEmpty();
    // (Signed in again, the header's order notifications read the orders: no order was placed.)
    expect(orderCalls.filter((method) => method === 'POST')).toEqual([]);
  });

  test('cookie gone while the tab is in the background: on focus the header and checkout switch to signed out', async ({
    page,
    context,
  }) => {
    const shopper = await newShopperAtCheckout(page);
    await expect(header(page)).toContainText(`Hi, ${shopper.firstName}`);

    // The tab goes to the background; meanwhile the cookie expires; then the shopper comes back.
    await setVisibility(page, 'hidden');
    await cookieExpires(context);
    await setVisibility(page, 'visible');

    await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(header(page)).not.toContainText('Hi,');
    const alert = page.getByRole('alert').filter({ hasText: 'Your session has ended.' });
    await expect(alert.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?next=/checkout',
    );
    await expect(placeOrderButton(page)).toHaveCount(0);
  });
});
