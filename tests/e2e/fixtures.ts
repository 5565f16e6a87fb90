import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * Shared helpers for the browser tests. Everything goes through the UI as a shopper would
 * (roles, labels, visible text). Every test gets a new browser context (Playwright's default), so
 * the demo build's mock db (localStorage), MSW's cookie jar and the tab's scenario start fresh.
 */

export interface Shopper {
  username: string;
  password: string;
}

/** Demo user with an address and a card on file (card 5544 1540 1134 5918). */
export const DEMO_USER: Shopper = { username: 'user', password: 'password' };
export const DEMO_USER_CARD = { full: '5544154011345918', last4: '5918' };

/** Catalogue prices (mocks/data/seed.ts). */
export const NERD_LEG = { name: 'Nerd leg', price: '$7.99' };
/** 99.99 + 4.99 shipping = 104.98: over the payment service's 100.00 limit. */
export const HOLY = { name: 'Holy', price: '$99.99' };

/** A URL with the demo mock backend's tab settings (mocks/README.md: scenarios, `mock-*` knobs). */
export function mockUrl(
  path: string,
  options: { scenario?: string; knobs?: Record<string, number> } = {},
): string {
  const params = new URLSearchParams();
  if (options.scenario) params.set('scenario', options.scenario);
  for (const [name, value] of Object.entries(options.knobs ?? {})) {
    params.set(`mock-${name}`, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Test controls of the standalone mock API the live build talks to (mocks/control.ts): pick a
 * scenario, reset, seed, read what the backend recorded. `what` is the path after `/__mock/`.
 */
export async function controlMock(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  what: string,
  body?: unknown,
): Promise<unknown> {
  const base = process.env.E2E_MOCK_API_URL;
  if (!base) throw new Error('E2E_MOCK_API_URL is not set (playwright.config.ts sets it)');
  const response = await fetch(`${base}/__mock/${what}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`mock control ${method} ${what}: ${response.status} ${text}`);
  return text === '' ? null : (JSON.parse(text) as unknown);
}

// ---------------------------------------------------------------------------------------------
// Console errors: any console.error, console.warn or uncaught page error fails the test (house
// style), unless the test itself lists it as expected, with the reason it is expected.
// ---------------------------------------------------------------------------------------------

export interface ExpectedConsoleError {
  /** Matches the console text (for uncaught errors: the error message). */
  text: RegExp;
  /** Matches the URL the message is about (console location), when given. */
  url?: RegExp;
  /** Why this error is the app working as intended. */
  reason: string;
}

interface SeenError {
  kind: 'console.error' | 'console.warning' | 'pageerror';
  text: string;
  url: string;
}

export class ConsoleErrors {
  private readonly seen: SeenError[] = [];
  private readonly expected: ExpectedConsoleError[] = [];

  record(error: SeenError): void {
    this.seen.push(error);
  }

  /** Declares errors this test provokes on purpose. Each entry must say why. */
  expect(...errors: ExpectedConsoleError[]): void {
    this.expected.push(...errors);
  }

  /** Expected errors that never happened: a stale list would hide a change in behaviour. */
  unmet(): string[] {
    return this.expected
      .filter(
        (allowed) =>
          !this.seen.some(
            (error) =>
              error.kind === 'console.error' &&
              allowed.text.test(error.text) &&
              (!allowed.url || allowed.url.test(error.url)),
          ),
      )
      .map((allowed) => `${allowed.text} ${allowed.url ?? ''} (${allowed.reason})`);
  }

  unexpected(): string[] {
    return this.seen
      .filter(
        (error) =>
          !this.expected.some(
            (allowed) =>
              error.kind === 'console.error' &&
              allowed.text.test(error.text) &&
              (!allowed.url || allowed.url.test(error.url)),
          ),
      )
      .map((error) => `${error.kind}: ${error.text}${error.url ? ` (${error.url})` : ''}`);
  }
}

/**
 * Chromium reports every HTTP error answer to fetch as a console error ("Failed to load resource:
 * the server responded with a status of 500 ..."). Where the backend answers an error by design
 * (a payment outage, a decline), the test lists that one request as expected.
 */
export function httpErrorLogged(
  status: number,
  path: RegExp,
  reason: string,
): ExpectedConsoleError {
  return {
    text: new RegExp(
      `^Failed to load resource: the server responded with a status of ${status}\\b`,
    ),
    url: path,
    reason,
  };
}

export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
  consoleErrors: [
    async ({ context }, use) => {
      const errors = new ConsoleErrors();
      context.on('console', (message) => {
        const type = message.type();
        if (type === 'error' || type === 'warning') {
          errors.record({
            kind: `console.${type}`,
            text: message.text(),
            url: message.location().url,
          });
        }
      });
      context.on('weberror', (error) => {
        const thrown = error.error();
        errors.record({ kind: 'pageerror', text: `${thrown.name}: ${thrown.message}`, url: '' });
      });
      await use(errors);
      expect(errors.unexpected(), 'console errors or uncaught page errors').toEqual([]);
      expect(errors.unmet(), 'console errors the test expected but did not see').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

// ---------------------------------------------------------------------------------------------
// Shopper actions
// ---------------------------------------------------------------------------------------------

/** Fills and sends the sign-in form on the page that is open (it must be the sign-in page). */
export async function signIn(page: Page, shopper: Shopper = DEMO_USER): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(shopper.username);
  await page.getByLabel('Password').fill(shopper.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs in from the header link, from whatever page is open. */
export async function signInFromHeader(page: Page, shopper: Shopper = DEMO_USER): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Sign in' })
    .click();
  await signIn(page, shopper);
}

/** A username no earlier test or run has taken on the long-lived standalone mock API. */
export function freshShopper(): Shopper & { firstName: string; lastName: string; email: string } {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  return {
    username: `e2e_${suffix}`,
    password: `pw-${suffix}`,
    firstName: 'Tess',
    lastName: 'Tester',
    email: `e2e_${suffix}@example.com`,
  };
}

/**
 * Creates a new shopper through the API, in the page's cookie jar, so the page is signed in as
 * them: with an address and the test card on file unless `onFile` is false, and one of each sock
 * in `cart`. The quick way to a shopper whose setup is not what the test is about.
 */
export async function shopperThroughApi(
  page: Page,
  { onFile = true, street = 'Test Street', cart = [] as string[] } = {},
) {
  const shopper = freshShopper();
  const ok = async (response: Awaited<ReturnType<Page['request']['post']>>) => {
    expect(response.status(), await response.text()).toBeLessThan(300);
  };
  const post = (path: string, data: unknown) => page.request.post(`/api${path}`, { data });
  await ok(await post('/register', shopper));
  if (onFile) {
    await ok(
      await post('/addresses', {
        number: '12',
        street,
        city: 'Leeds',
        postcode: 'LS1 4AP',
        country: 'United Kingdom',
      }),
    );
    await ok(await post('/cards', { longNum: TEST_CARD.digits, expires: '08/29', ccv: '123' }));
  }
  for (const id of cart) await ok(await post('/cart', { id }));
  return shopper;
}

/** A test card: how the shopper types it, its digits, and the last four the storefront may show. */
export const TEST_CARD = {
  typed: '4111 1111 1111 1111',
  digits: '4111111111111111',
  last4: '1111',
};

/**
 * Sock Shop orders use the first address and card on file. Adds both through the checkout's forms
 * (a new shopper has neither), with the test card:
 * each region first says it has none, with a button that opens its form at the first field, then
 * shows what was saved, and its form goes away.
 */
export async function addAddressAndCard(page: Page) {
  const addressRegion = page.getByRole('region', { name: 'Shipping address' });
  await expect(addressRegion).toContainText('You have no shipping address yet.');
  const openAddress = addressRegion.getByRole('button', { name: 'Add a shipping address' });
  await expect(openAddress).toHaveAttribute('aria-expanded', 'false');
  await openAddress.click();
  const address = page.getByRole('form', { name: 'Add a shipping address' });
  await expect(address.getByLabel('House number')).toBeFocused();
  await address.getByLabel('House number').fill('12');
  await address.getByLabel('Street', { exact: true }).fill('Test Street');
  await address.getByLabel('City').fill('Leeds');
  await address.getByLabel('Postcode').fill('LS1 4AP');
  await address.getByLabel('Country').fill('United Kingdom');
  await address.getByRole('button', { name: 'Save address' }).click();
  await expect(addressRegion).toContainText('12 Test Street');
  await expect(address).toHaveCount(0);

  const cardRegion = page.getByRole('region', { name: 'Payment card' });
  await expect(cardRegion).toContainText('You have no payment card yet.');
  await cardRegion.getByRole('button', { name: 'Add a payment card' }).click();
  const card = page.getByRole('form', { name: 'Add a payment card' });
  await expect(card.getByLabel('Card number')).toBeFocused();
  await card.getByLabel('Card number').fill(TEST_CARD.typed);
  await card.getByLabel('Expiry (MM/YY)').fill('12/30');
  await card.getByLabel('Security code').fill('123');
  await card.getByRole('button', { name: 'Save card' }).click();
  await expect(cardRegion).toContainText(`Card ending •••• ${TEST_CARD.last4}`);
  await expect(card).toHaveCount(0);
}

/**
 * Creates an account on the "Create an account" page that is open; the app then goes where the
 * shopper was going (`?next=`).
 */
export async function register(page: Page, shopper: ReturnType<typeof freshShopper>) {
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByLabel('First name').fill(shopper.firstName);
  await page.getByLabel('Last name').fill(shopper.lastName);
  await page.getByLabel('Email').fill(shopper.email);
  await page.getByLabel('Username').fill(shopper.username);
  await page.getByLabel('Password').fill(shopper.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * From the catalogue (which must be open): opens a sock's page and adds it to the cart. Leaves the
 * product page open.
 */
export async function addSockToCart(page: Page, sock: { name: string }): Promise<void> {
  await page
    .getByRole('list', { name: 'Socks' })
    .getByRole('link', { name: sock.name, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: sock.name })).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${sock.name} added to your cart.` }),
  ).toBeVisible();
}

/** The header's cart link, named with the number of items ("Cart, 1 item"). */
export function cartLink(page: Page, items: number) {
  return page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: `Cart, ${items} ${items === 1 ? 'item' : 'items'}` });
}

/** Opens the catalogue, adds one sock, goes to the cart and on to checkout. */
export async function cartToCheckout(page: Page, sock: { name: string }, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Socks' })).toBeVisible();
  await addSockToCart(page, sock);
  await cartLink(page, 1).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(sock.name);
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
}

/** The checkout's order summary (a labelled region holding the lines, totals and the button). */
export function orderSummary(page: Page) {
  return page.getByRole('region', { name: 'Order summary' });
}

/** The summary's cart lines ("1 × Nerd leg ($7.99 each)"), not the reasons it cannot pay yet. */
export function summaryLines(page: Page) {
  return orderSummary(page)
    .getByRole('listitem')
    .filter({ hasText: /^\d+ × / });
}

export function placeOrderButton(page: Page) {
  return orderSummary(page).getByRole('button', { name: /^Place order/ });
}

/** Waits for the order page the checkout opens after a payment and returns the order id. */
export async function placedOrderId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/orders\/[^/?]+\?placed=1$/);
  const match = /\/orders\/([^/?]+)\?placed=1$/.exec(page.url());
  if (!match?.[1]) throw new Error(`not an order page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Checks the "Status" fact of the order page that is open (a term and its definition). */
export async function expectOrderStatus(
  page: Page,
  label: string,
  options: { timeout?: number } = {},
): Promise<void> {
  await expect(page.getByRole('main')).toMatchAriaSnapshot(
    `
    - term: Status
    - definition:
      - text: ${label}
  `,
    options,
  );
}

/** A row of the orders table, found by its order link ("Order <id>"). */
export function orderRow(page: Page, id: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: `Order ${id}` }) });
}

/**
 * Clicks an order's link in the orders table, on its visible text. (The link starts with a
 * visually hidden "Order", a 1×1 px box whose centre is clipped; Playwright aims at the centre of
 * an element's first box, which a real pointer never would, so aim at the visible id instead.)
 */
export async function openOrderFromList(page: Page, link: Locator): Promise<void> {
  await link.click({ position: { x: 12, y: 8 } });
  await expect(page).toHaveURL(/\/orders\/[^/?]+$/);
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

/**
 * Runs axe (WCAG 2 A and AA, colour contrast included) on the page as it is now and returns one
 * readable line per violation: `expect(await axeViolations(page)).toEqual([])`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}) on ${page.url()}: ${violation.help}\n` +
      violation.nodes
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
        .join('\n'),
  );
}
