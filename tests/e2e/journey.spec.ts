import {
  DEMO_USER,
  DEMO_USER_CARD,
  HOLY,
  NERD_LEG,
  cartLink,
  cartToCheckout,
  expect,
  expectOrderStatus,
  httpErrorLogged,
  mockUrl,
  openOrderFromList,
  orderRow,
  orderSummary,
  placeOrderButton,
  placedOrderId,
  summaryLines,
  signIn,
  test,
} from './fixtures';
import type { Page } from '@playwright/test';
import { FULFILMENT_POLL_MS } from '../../src/domain/poll-schedule';

/**
 * Issue 3: the whole shopping journey on the demo build (mock backend in a real service worker),
 * once with payment healthy and once with payment down, plus a declined payment.
 * The order ships SHIPPED_AFTER_MS after payment (QA knob `?mock-shipped-after-ms=`).
 */
const SHIPPED_AFTER_MS = 3_000;

/** The full card number is never in the page: not in its text, not in its markup. */
async function expectCardNumberHidden(page: Page): Promise<void> {
  const text = (await page.locator('body').innerText()).replace(/[\s-]/g, '');
  expect(text).not.toContain(DEMO_USER_CARD.full);
  expect(await page.content()).not.toContain(DEMO_USER_CARD.full);
}

/** Catalogue → sock → cart → checkout → "Sign in to check out" → sign-in form → back to checkout. */
async function shopAndSignIn(page: Page, sock: { name: string }, scenario?: string) {
  await cartToCheckout(
    page,
    sock,
    mockUrl('/', { scenario, knobs: { 'shipped-after-ms': SHIPPED_AFTER_MS } }),
  );
  await page.getByRole('link', { name: 'Sign in to check out' }).click();
  await signIn(page, DEMO_USER);
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Shipping address' })).toContainText(
    '246 Whitelees Road',
  );
  await expect(page.getByRole('region', { name: 'Payment card' })).toContainText(
    `Card ending •••• ${DEMO_USER_CARD.last4}`,
  );
  await expect(summaryLines(page)).toHaveText([new RegExp(`^1 × ${sock.name}\\b`)]);
  await expectCardNumberHidden(page);
}

/** A failed order's status cell: the status, then its "Order these again" action. */
const FAILED_STATUS = /Payment failed(Order these again \(order \w+\))?$/;

test.describe('checkout journey (issue 3)', () => {
  test('payment healthy: the order is paid, then shows Shipped on the same open page', async ({
    page,
  }) => {
    await shopAndSignIn(page, NERD_LEG);
    await expect(placeOrderButton(page)).toHaveText('Place order · $12.98');
    await placeOrderButton(page).click();

    const id = await placedOrderId(page);
    await expect(page.getByRole('heading', { level: 1, name: `Order ${id}` })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'Thank you! Your order is confirmed and paid.' }),
    ).toBeVisible();
    await expectOrderStatus(page, 'Paid');
    await expect(page.getByRole('definition').filter({ hasText: '$12.98' })).toBeVisible();
    await expect(
      page.getByRole('definition').filter({ hasText: `•••• ${DEMO_USER_CARD.last4}` }),
    ).toBeVisible();
    await expectCardNumberHidden(page);
    // The cart was emptied once the payment went through.
    await expect(cartLink(page, 0)).toBeVisible();

    // Later, without a reload, the page picks up the shipment by itself and announces it.
    let documentLoads = 0;
    page.on('domcontentloaded', () => (documentLoads += 1));
    // A paid order is asked about every FULFILMENT_POLL_MS: the shipment shows by the next poll
    // after it happens (plus the answer's time).
    await expectOrderStatus(page, 'Shipped', {
      timeout: SHIPPED_AFTER_MS + FULFILMENT_POLL_MS + 5_000,
    });
    await expect(
      page.getByRole('status').filter({ hasText: `Order ${id} is now Shipped.` }),
    ).toBeAttached();
    await expect(page.getByRole('list', { name: 'Order progress' })).toContainText('Shipped: done');
    expect(documentLoads, 'the order page was not reloaded').toBe(0);

    await page.getByRole('link', { name: 'All orders' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
    const row = orderRow(page, id);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('$12.98');
    await expect(row.getByRole('cell').last()).toHaveText(/Shipped$/);
  });

  test('payment down: the shopper is told, keeps the cart, and the order never ships', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.expect(
      httpErrorLogged(
        500,
        /\/api\/orders$/,
        'payment-down: POST /orders answers 500 "unspecified IO error", as the real orders service does',
      ),
    );
    await shopAndSignIn(page, NERD_LEG, 'payment-down');
    await placeOrderButton(page).click();

    // The alert sits next to the button, in the order summary, and takes focus.
    const alert = orderSummary(page)
      .getByRole('alert')
      .filter({ hasText: 'We could not process your payment. You have not been charged.' });
    await expect(alert).toBeVisible();
    await expect(alert).toBeFocused();
    await expect(page).toHaveURL(/\/checkout$/);
    // The cart is still there and the shopper can try again.
    await expect(summaryLines(page)).toHaveText([/^1 × Nerd leg\b/]);
    await expect(cartLink(page, 1)).toBeVisible();
    await expect(placeOrderButton(page)).toBeEnabled();
    await expect(alert).toContainText('Payment failed');
    await expectCardNumberHidden(page);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Orders' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
    const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Order / }) });
    await expect(rows).toHaveCount(1);
    await expect(rows.getByRole('cell').last()).toHaveText(FAILED_STATUS);

    // Let the shipping delay pass well beyond the knob (the page's own clock says how long it
    // has been since it loaded the list), then ask again: still failed, never shipped.
    const updated = page.getByText(/^Updated (just now|\d+ s ago)$/);
    await expect
      .poll(async () => Number(/(\d+) s ago/.exec((await updated.textContent()) ?? '')?.[1] ?? 0), {
        timeout: SHIPPED_AFTER_MS + 10_000,
      })
      .toBeGreaterThanOrEqual(SHIPPED_AFTER_MS / 1000 + 2);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByText('Updated just now')).toBeVisible();
    await expect(rows.getByRole('cell').last()).toHaveText(FAILED_STATUS);
    await expect(page.getByRole('main')).not.toContainText('Shipped');
    // And after a full reload (db from localStorage, knobs and scenario from sessionStorage).
    await page.reload();
    await expect(rows.getByRole('cell').last()).toHaveText(FAILED_STATUS);
    await expect(page.getByRole('main')).not.toContainText('Shipped');

    await openOrderFromList(page, rows.getByRole('link'));
    await expectOrderStatus(page, 'Payment failed');
    await expect(page.getByRole('list', { name: 'Order progress' })).toContainText(
      'Shipped: will not happen',
    );
    await expect(page.getByRole('main')).not.toContainText(/Shipped: (done|in progress)/);
  });

  test('declined: a total over $100.00 gets the decline copy and keeps the cart', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.expect(
      httpErrorLogged(
        406,
        /\/api\/orders$/,
        'the payment service declines 104.98 (> 100.00): POST /orders answers 406 PaymentDeclinedException',
      ),
    );
    await shopAndSignIn(page, HOLY);
    await expect(placeOrderButton(page)).toHaveText('Place order · $104.98');
    await placeOrderButton(page).click();

    const alert = orderSummary(page)
      .getByRole('alert')
      .filter({ hasText: 'Your payment was declined. You have not been charged.' });
    await expect(alert).toBeVisible();
    await expect(alert).toBeFocused();
    await expect(alert).toContainText(
      "This shop's payment service declines orders over $100.00 in total, shipping included",
    );
    await expect(alert).toContainText('remove some items so the total is $100.00 or less');
    await expect(summaryLines(page)).toHaveText([/^1 × Holy\b/]);
    await expect(placeOrderButton(page)).toBeEnabled();
  });
});
