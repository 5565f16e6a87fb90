/* eslint-disable playwright/no-conditional-in-test -- one generated test per scenario walks every
   screen; what a cell expects depends on the scenario and on what the backend answered */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Page, type Response } from '@playwright/test';
import {
  INCIDENT_USER_ID,
  incidentCards,
  incidentCustomers,
  incidentOrders,
} from '../../mocks/data/incident-3';
import { scenarioNames, type ScenarioName } from '../../mocks/scenarios';
import {
  DEMO_USER,
  DEMO_USER_CARD,
  NERD_LEG,
  axeViolations,
  controlMock,
  expect,
  orderSummary,
  placeOrderButton,
  signIn,
} from './fixtures';

/**
 * The fault matrix: every scenario of mocks/scenarios.ts × every shopper screen, in Chromium, on the
 * LIVE build (no mock code in the page) served against the standalone mock API over real HTTP.
 * The scenario list is imported, and `PROMISES` is a `Record<ScenarioName, …>`: a new scenario does
 * not type-check until it says what it promises, and is then walked like the others.
 *
 * One signed-in browser context per scenario (the shopper `user`, card 5544…5918 on file): the
 * backend is reset, a sock is put in the cart and two earlier orders are seeded while healthy
 * (one PAID, one whose backend status is the near-miss `shipped`), then the scenario is switched
 * on and each screen is visited. Every cell checks:
 *  - a level-1 heading and a way on (a link or a button in the main region): never a blank screen;
 *  - no uncaught page error, no console error other than the HTTP errors the scenario answers;
 *  - no backend text (exception names, `status_code`, Node error codes, stack traces, raw JSON);
 *  - no more than the last four digits of the card;
 *  - "Shipped" only for an order whose last answer said exactly `SHIPPED`;
 *  - axe WCAG 2 A/AA clean;
 *  - what the scenario promises on that screen.
 * The table of cells is printed at the end.
 */
base.use({ baseURL: process.env.E2E_LIVE_URL });

const SCREENS = ['catalogue', 'product', 'cart', 'checkout', 'orders', 'order'] as const;
type Screen = (typeof SCREENS)[number];

const NERD_LEG_ID = 'a0a4f044-b040-410d-8ead-4de0446aec7e';
const rayaan = incidentCustomers.find((c) => c.id === INCIDENT_USER_ID.rayaan);
const INCIDENT_SHOPPER = { username: rayaan?.username ?? '', password: rayaan?.password ?? '' };
const INCIDENT_CARD =
  incidentCards.find((c) => c.customerId === INCIDENT_USER_ID.rayaan)?.longNum ?? '';
const INCIDENT_FAILED_ORDER =
  incidentOrders().find(
    (o) => o.customerId === INCIDENT_USER_ID.rayaan && o.state === 'PAYMENT_FAILED',
  )?.id ?? '';

/** The live build's VITE_CHECKOUT_TIMEOUT_MS (default): past it the outcome is unknown. */
const CHECKOUT_TIMEOUT_MS = 10_000;

/** What the backend has said about each order during the scenario (id → every status seen). */
type SeenStatuses = Map<string, Set<unknown>>;

interface Walk {
  page: Page;
  scenario: ScenarioName;
  /** The seeded PAID order and the seeded near-miss (`shipped`) order. */
  paidId: string;
  nearMissId: string;
  /** The order checkout placed, when it went to an order page. */
  placedId: string | null;
  /** When Place order was pressed, and the first checkout message after it. */
  pressedAt: number;
  seen: SeenStatuses;
  /** The shopper's full card number (never to be shown beyond its last four digits). */
  card: string;
  /** One line per cell for the table (what the shopper was shown). */
  note: string;
  /** The screen's main region offered no link or button: only the header led on. */
  wayOnOnlyInHeader: boolean;
}

// ---------------------------------------------------------------------------------------------
// Scenario promises (durable: roles, outcomes and keywords, not the exact wording being edited)
// ---------------------------------------------------------------------------------------------

type Promise_ = (walk: Walk) => Promise<void>;

interface ScenarioPromise {
  /** After Place order is pressed (or, with `placeOrder: false`, instead of pressing it). */
  checkout: Promise_;
  /** False when the scenario leaves nothing that can be ordered (the cart cannot be read). */
  placeOrder?: false;
  /** Who shops (default: `user`, card 5544…5918), and that shopper's full card number. */
  shopper?: { username: string; password: string; card: string };
  catalogue?: Promise_;
  product?: Promise_;
  cart?: Promise_;
  orders?: Promise_;
  order?: Promise_;
}

/** The checkout's message region (role alert) in the order summary. */
function checkoutAlert(page: Page) {
  return orderSummary(page).getByRole('alert');
}

async function alertText(page: Page): Promise<string> {
  return (await checkoutAlert(page).first().innerText()).replace(/\s+/g, ' ').trim();
}

/** The cart is kept: the summary still lists Nerd leg. */
async function cartKept(page: Page) {
  await expect(
    orderSummary(page)
      .getByRole('listitem')
      .filter({ hasText: /^\d+ × Nerd leg/ }),
  ).toHaveCount(1);
}

/** Paid: the order page opens, its status is Paid. */
const paid: Promise_ = async (walk) => {
  await expect(walk.page).toHaveURL(/\/orders\/[^/?]+\?placed=1$/, { timeout: 15_000 });
  const match = /\/orders\/([^/?]+)\?placed=1$/.exec(walk.page.url());
  walk.placedId = match?.[1] ? decodeURIComponent(match[1]) : null;
  await expect(walk.page.getByRole('main')).toMatchAriaSnapshot(`
    - term: Status
    - definition:
      - text: /Paid/
  `);
  walk.note = 'paid, order page';
};

/** A failure the shopper was not charged for: an alert saying so, a reference, the cart kept. */
function notCharged(keyword: RegExp): Promise_ {
  return async (walk) => {
    const alert = checkoutAlert(walk.page);
    await expect(alert.first()).toBeVisible({ timeout: 15_000 });
    await expect(alert.first()).toContainText(/not (been )?charged/i);
    await expect(alert.first()).toContainText(keyword);
    await expect(alert.first()).toBeFocused();
    await cartKept(walk.page);
    walk.note = await alertText(walk.page);
  };
}

/**
 * Unknown outcome: within the checkout timeout the shopper is told the outcome is not known
 * (never "not charged" at that point), the cart is kept, and the storefront then says what it
 * found; it never claims a payment it has not seen.
 */
const unknownOutcome: Promise_ = async (walk) => {
  const { page } = walk;
  const alert = checkoutAlert(page).first();
  const orderHeading = page.getByRole('heading', { level: 1, name: /^Order / });
  await expect(alert.or(orderHeading)).toBeVisible({ timeout: CHECKOUT_TIMEOUT_MS + 2_000 });
  const elapsed = Date.now() - walk.pressedAt;
  expect(elapsed, 'an outcome within the checkout timeout').toBeLessThan(
    CHECKOUT_TIMEOUT_MS + 2_000,
  );
  // The message may be replaced at once by what the order lookup found.
  const first = await alert.textContent({ timeout: 500 }).catch(() => null);
  if (first !== null) {
    // Unknown is neither "not charged" nor "paid".
    expect(first).not.toMatch(/not (been )?charged|confirmed and paid/i);
    walk.note = `${first.replace(/\s+/g, ' ')} (after ${Math.round(elapsed / 100) / 10} s)`;
  }
  // Then: the cart is kept with the message, or the lookup found the order and shows it paid.
  await expect(alert.or(orderHeading)).toBeVisible({ timeout: 15_000 });
  if (await orderHeading.isVisible()) {
    await paid(walk);
    walk.note = `${walk.note ? `${walk.note}, then ` : ''}found the order: paid`;
  } else {
    await cartKept(page);
  }
};

/**
 * The placed order moves on (PENDING → PAID → SHIPPED → DELIVERED, 3 s a step): once the backend
 * has shipped it, its page (reloaded) says Shipped or Delivered, as the backend says.
 */
const shippedOnceSaid: Promise_ = async (walk) => {
  const id = walk.placedId ?? (await latestOrderId(walk));
  await expect
    .poll(async () => (await orderStatuses()).get(id), { timeout: 20_000 })
    .toMatch(/^(SHIPPED|DELIVERED)$/);
  await walk.page.goto(`/orders/${encodeURIComponent(id)}`);
  await expect(walk.page.getByRole('main')).toMatchAriaSnapshot(`
    - term: Status
    - definition:
      - text: /Shipped|Delivered/
  `);
};

const PROMISES: Record<ScenarioName, ScenarioPromise> = {
  healthy: { checkout: paid },
  'payment-down': { checkout: notCharged(/payment/i) },
  'payment-declined': { checkout: notCharged(/declined/i) },
  'payment-slow': {
    // The orders service gives up on payment after 5 s: a 500 "timeout", outcome unknown.
    checkout: async (walk) => {
      await unknownOutcome(walk);
      await expect(checkoutAlert(walk.page).first()).not.toContainText(/confirmed and paid/i);
    },
  },
  'payment-flaky': {
    // Seeded: the first payment of the sequence fails.
    checkout: async (walk) => {
      const failed = checkoutAlert(walk.page).first();
      const orderHeading = walk.page.getByRole('heading', { level: 1, name: /^Order / });
      await expect(failed.or(orderHeading)).toBeVisible({
        timeout: 15_000,
      });
      if (await failed.isVisible()) await notCharged(/payment/i)(walk);
      else await paid(walk);
    },
  },
  'payment-recovers': { checkout: notCharged(/payment/i) },
  'orders-down': {
    checkout: async (walk) => {
      const alert = checkoutAlert(walk.page).first();
      await expect(alert).toBeVisible({ timeout: 15_000 });
      await expect(alert).toContainText(/not (been )?placed|not charged/i);
      await cartKept(walk.page);
      walk.note = await alertText(walk.page);
    },
    orders: async (walk) => {
      await expect(walk.page.getByRole('alert').first()).toBeVisible();
    },
  },
  'orders-slow': {
    // POST /orders answers after 15 s, past the 10 s timeout; the order was placed meanwhile.
    checkout: unknownOutcome,
  },
  malformed: {
    // The cart answer is garbled: checkout says it cannot read the cart, and offers no payment.
    placeOrder: false,
    checkout: async (walk) => {
      const message = walk.page.getByRole('alert').first();
      await expect(message).toBeVisible({ timeout: 15_000 });
      await expect(placeOrderButton(walk.page).and(walk.page.locator(':enabled'))).toHaveCount(0);
      walk.note = `no Place order: ${(await message.innerText()).replace(/\s+/g, ' ')}`;
    },
    catalogue: async (walk) => {
      await expect(walk.page.getByRole('alert').first()).toBeVisible();
    },
  },
  'legacy-backend': { checkout: paid },
  'status-progression': {
    checkout: async (walk) => {
      // New orders start PENDING: the storefront must not call them paid yet.
      await expect(
        walk.page.getByRole('status').or(checkoutAlert(walk.page)).or(walk.page.getByRole('main')),
      ).not.toHaveCount(0);
      await expect
        .poll(() => walk.page.url(), { timeout: 15_000 })
        .toMatch(/\/orders\/[^/?]+\?placed=1$|\/checkout$/);
      const match = /\/orders\/([^/?]+)\?placed=1$/.exec(walk.page.url());
      walk.placedId = match?.[1] ? decodeURIComponent(match[1]) : null;
      walk.note = walk.placedId ? 'order page' : await alertText(walk.page).catch(() => 'pending');
    },
    order: shippedOnceSaid,
  },
  'incident-3': {
    // Rayaan, one of the incident's shoppers. The outage window (2025-10-30 08:24-08:35 UTC) is
    // over on today's clock, so a new order is paid.
    shopper: { ...INCIDENT_SHOPPER, card: INCIDENT_CARD },
    checkout: paid,
    orders: async ({ page }) => {
      // Three failed orders from the incident, and none of them reads Shipped.
      await expect(page.getByRole('row').filter({ hasText: /Payment failed/ })).toHaveCount(3);
    },
    order: async ({ page }) => {
      await page.goto(`/orders/${INCIDENT_FAILED_ORDER}`);
      await expect(page.getByRole('main')).toMatchAriaSnapshot(`
        - term: Status
        - definition:
          - text: /Payment failed/
      `);
      await expect(page.getByRole('main')).toContainText(/will not ship/);
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Checks every cell makes
// ---------------------------------------------------------------------------------------------

const BACKEND_TEXT: readonly RegExp[] = [
  /\b\w+Exception\b/,
  /status_code|status_text/,
  /\bE(CONNREFUSED|CONNRESET|NOTFOUND|TIMEDOUT|HOSTUNREACH)\b/,
  /\berrno\b|\bsyscall\b/,
  /works\.weave|\bjava\.\w+/,
  /\bat [\w$.<>]+ \(.*:\d+:\d+\)/,
  /\b(SyntaxError|TypeError|ReferenceError)\b|Unexpected token|is not valid JSON/,
  /unspecified IO error|timeout from one of the services/i,
  /Internal Server Error/,
  /\[object Object\]|\bundefined\b|\bNaN\b/,
];

/** Step words of the order timeline that say a step has NOT happened (not a "Shipped" claim). */
const NOT_A_CLAIM = /Shipped: (in progress|not yet|will not happen|not reported)/g;

/**
 * Does this text claim an order shipped? The status label "Shipped" does; so does the timeline's
 * "Shipped: done", unless the backend said DELIVERED (delivered orders were shipped).
 */
function claimsShipped(text: string, statuses: ReadonlySet<unknown>): boolean {
  let rest = text.replace(NOT_A_CLAIM, '');
  if (statuses.has('DELIVERED')) rest = rest.replace(/Shipped: done/g, '');
  return /\bShipped\b/.test(rest);
}

async function expectShippedOnlyWhenSaid(walk: Walk): Promise<void> {
  const { page, seen } = walk;
  const none = new Set<unknown>();
  const all = new Set([...seen.values()].flatMap((statuses) => [...statuses]));
  const said = (id: string) => seen.get(id)?.has('SHIPPED') ?? false;
  const told = (id: string) => [...(seen.get(id) ?? [])].join(', ') || 'nothing';
  // Orders table: row by row, for the order the row links to.
  for (const row of await page
    .getByRole('row')
    .filter({ hasText: /Shipped/ })
    .all()) {
    const link = await row.getByRole('link').first().textContent();
    const id = link?.replace(/^Order\s*/, '').trim() ?? '';
    if (claimsShipped(await row.innerText(), seen.get(id) ?? none)) {
      expect(said(id), `row of order ${id} says Shipped; backend said ${told(id)}`).toBe(true);
    }
  }
  // Order page: the order in the URL.
  const detail = /\/orders\/([^/?]+)/.exec(page.url());
  if (detail?.[1]) {
    const id = decodeURIComponent(detail[1]);
    if (claimsShipped(await page.getByRole('main').innerText(), seen.get(id) ?? none)) {
      expect(said(id), `order ${id} page says Shipped; backend said ${told(id)}`).toBe(true);
    }
  }
  // Anywhere else (a header notice): some order must have been SHIPPED.
  if (claimsShipped(await page.locator('body').innerText(), all)) {
    expect(all.has('SHIPPED'), 'the page says Shipped but no order was ever SHIPPED').toBe(true);
  }
}

async function expectCardMasked(page: Page, digits: string): Promise<void> {
  const text = (await page.locator('body').innerText()).replace(/[\s\-.•]/g, '');
  const html = await page.content();
  for (let start = 0; start + 8 <= digits.length; start += 1) {
    const window = digits.slice(start, start + 8);
    expect(text, `card digits ${window} on screen`).not.toContain(window);
  }
  expect(html).not.toContain(digits);
}

/** Waits until the page has stopped showing loading placeholders. */
async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 20_000 });
}

async function checkCell(walk: Walk): Promise<void> {
  const { page } = walk;
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  // A way on: a link or a button in the main region, else at least the site navigation (noted).
  const main = page.getByRole('main');
  const inMain = main.getByRole('link').or(main.getByRole('button')).first();
  if (!(await inMain.isVisible())) {
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link').first(),
      'a way on',
    ).toBeVisible();
    walk.wayOnOnlyInHeader = true;
  }
  const text = await page.locator('body').innerText();
  for (const pattern of BACKEND_TEXT) expect(text, `backend text ${pattern}`).not.toMatch(pattern);
  await expectCardMasked(page, walk.card);
  await expectShippedOnlyWhenSaid(walk);
  expect(await axeViolations(page)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Backend controls and what the backend said
// ---------------------------------------------------------------------------------------------

async function orderStatuses(): Promise<Map<string, unknown>> {
  const orders = (await controlMock('GET', 'orders')) as { id: string; status: unknown }[];
  return new Map(orders.map((order) => [order.id, order.status]));
}

async function latestOrderId(walk: Walk): Promise<string> {
  const known = new Set([walk.paidId, walk.nearMissId]);
  const ids = [...(await orderStatuses()).keys()].filter((id) => !known.has(id));
  const id = ids.at(-1);
  if (!id) throw new Error('no order was placed');
  return id;
}

/** Records every order status the backend sends to the page (lists, detail, POST answers). */
function watchStatuses(page: Page, seen: SeenStatuses): () => Promise<void> {
  const pending: Promise<void>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const links = record._links as { self?: { href?: string } } | undefined;
    const id =
      typeof record.id === 'string'
        ? record.id
        : links?.self?.href?.split('/').filter(Boolean).at(-1);
    if (id && 'status' in record && 'items' in record) {
      const statuses = seen.get(id) ?? new Set<unknown>();
      statuses.add(record.status);
      seen.set(id, statuses);
    }
    Object.values(record).forEach(visit);
  };
  const onResponse = (response: Response) => {
    if (!/\/api\/orders/.test(new URL(response.url()).pathname)) return;
    pending.push(
      response
        .text()
        .then((body) => visit(JSON.parse(body)))
        .catch(() => undefined),
    );
  };
  page.on('response', onResponse);
  return async () => {
    await Promise.allSettled(pending);
  };
}

// ---------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------

type Cell = { ok: boolean; note: string; headerOnly: boolean };

/** The cells are written to a file as they are walked, so the table survives a failed scenario
 * (Playwright starts a new worker after a failure) and is printed whole at the end. */
function tableFile(): string {
  const dir = base.info().project.outputDir;
  mkdirSync(dir, { recursive: true });
  return join(dir, 'fault-matrix.jsonl');
}

const visit: Record<Screen, (walk: Walk) => Promise<void>> = {
  catalogue: async ({ page }) => {
    await page.goto('/');
  },
  product: async ({ page }) => {
    await page.goto(`/socks/${NERD_LEG_ID}`);
  },
  cart: async ({ page }) => {
    await page.goto('/cart');
  },
  checkout: async (walk) => {
    const { page } = walk;
    await page.goto('/checkout');
    await settle(page);
    if (PROMISES[walk.scenario].placeOrder === false) {
      await PROMISES[walk.scenario].checkout(walk);
      return;
    }
    const button = placeOrderButton(page);
    await expect(button, 'Place order is offered').toBeVisible();
    await expect(button, 'Place order can be pressed').toBeEnabled({ timeout: 15_000 });
    walk.pressedAt = Date.now();
    await button.click();
    await PROMISES[walk.scenario].checkout(walk);
  },
  orders: async ({ page }) => {
    await page.goto('/orders');
  },
  order: async (walk) => {
    // The near-miss first: its backend status is `shipped`, never to be read as Shipped.
    await walk.page.goto(`/orders/${walk.nearMissId}`);
    await checkCell(walk);
    await walk.page.goto(`/orders/${encodeURIComponent(walk.placedId ?? walk.paidId)}`);
  },
};

base.afterAll(() => {
  let recorded: Record<string, Record<string, Cell>> = {};
  try {
    for (const line of readFileSync(tableFile(), 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as { scenario: string; cells: Record<string, Cell> };
      recorded[row.scenario] = row.cells;
    }
  } catch {
    recorded = {};
  }
  const header = ['scenario', ...SCREENS, 'checkout shows'];
  const rows = scenarioNames
    .filter((scenario) => recorded[scenario])
    .map((scenario) => {
      const cells = recorded[scenario] ?? {};
      return [
        scenario,
        ...SCREENS.map((screen) => {
          const cell = cells[screen];
          return cell ? (cell.ok ? (cell.headerOnly ? 'ok*' : 'ok') : 'FAIL') : '-';
        }),
        (cells.checkout?.note ?? '').slice(0, 110),
      ];
    });
  if (rows.length === 0) return;
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const out = [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ];
  console.log(
    `\nFault matrix, live build × standalone mock API (${rows.length} of ${scenarioNames.length} scenarios; ok* = the main region offered no link or button, only the site navigation)\n${out.join('\n')}\n`,
  );
});

for (const scenario of scenarioNames) {
  base(`fault matrix: ${scenario} × every screen`, async ({ page }) => {
    base.setTimeout(150_000);
    const pageErrors: string[] = [];
    const consoleProblems: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      const type = message.type();
      if (type !== 'error' && type !== 'warning') return;
      const text = message.text();
      // Chromium logs every HTTP error answer; a fault scenario answers errors by design.
      if (scenario !== 'healthy' && /^Failed to load resource\b/.test(text)) return;
      consoleProblems.push(`${type}: ${text}`);
    });
    const seen: SeenStatuses = new Map();
    const drain = watchStatuses(page, seen);

    // Healthy backend (after the scenario has added its own data, e.g. the incident's shoppers):
    // sign in, a sock in the cart, two earlier orders.
    const promise = PROMISES[scenario];
    const shopper = promise.shopper ?? { ...DEMO_USER, card: DEMO_USER_CARD.full };
    await controlMock('POST', 'reset');
    await controlMock('PUT', 'scenario', { name: scenario });
    await controlMock('PUT', 'scenario', { name: 'healthy' });
    await page.goto('/sign-in');
    await signIn(page, shopper);
    await page.goto(`/socks/${NERD_LEG_ID}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `${NERD_LEG.name} added to your cart.` }),
    ).toBeVisible();
    const { id: paidId } = (await controlMock('POST', 'orders', {
      username: shopper.username,
      state: 'PAID',
    })) as { id: string };
    const { id: nearMissId } = (await controlMock('POST', 'orders', {
      username: shopper.username,
      rawStatus: 'shipped',
    })) as { id: string };
    await controlMock('PUT', 'scenario', { name: scenario });

    const walk: Walk = {
      page,
      scenario,
      paidId,
      nearMissId,
      placedId: null,
      pressedAt: 0,
      seen,
      card: shopper.card,
      note: '',
      wayOnOnlyInHeader: false,
    };
    const cells: Partial<Record<Screen, Cell>> = {};
    const failures: string[] = [];
    for (const screen of SCREENS) {
      walk.note = '';
      walk.wayOnOnlyInHeader = false;
      const errorsBefore = pageErrors.length + consoleProblems.length;
      try {
        await base.step(`${scenario} × ${screen}`, async () => {
          await visit[screen](walk);
          // The checkout's promise is kept inside its visit (after Place order is pressed).
          const promise = screen === 'checkout' ? undefined : PROMISES[scenario][screen];
          if (promise) {
            await settle(page);
            await promise(walk);
          }
          await drain();
          await checkCell(walk);
          const problems = [...pageErrors, ...consoleProblems].slice(errorsBefore);
          expect(problems, 'uncaught page errors and console errors').toEqual([]);
        });

        cells[screen] = { ok: true, note: walk.note, headerOnly: walk.wayOnOnlyInHeader };
      } catch (error) {
        const message =
          error instanceof Error ? error.message.split('\n').slice(0, 6).join(' ') : String(error);
        cells[screen] = { ok: false, note: `${walk.note} ${message}`.trim(), headerOnly: false };
        failures.push(`${scenario} × ${screen}: ${message}`);
        // Start the next screen from a clean page state.
        pageErrors.length = 0;
        consoleProblems.length = 0;
      }
    }
    appendFileSync(tableFile(), `${JSON.stringify({ scenario, cells })}\n`);
    await controlMock('POST', 'reset');
    expect(failures).toEqual([]);
  });
}
