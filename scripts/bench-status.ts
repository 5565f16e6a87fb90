/**
 * Order-status part of `npm run bench`, in a real browser (Playwright driving Debian Chromium)
 * against the live build, with the backend's changes made through the mock's controls
 * (PUT /__mock/orders/<id>/status). All four measurements run at the same time, each page with its
 * own shopper:
 *
 *  - payment: an order placed through POST /orders stays PENDING (mock knob pendingMs); its page
 *    opens as the checkout opens it (/orders/<id>?placed=1); 2–110 s after placing the backend
 *    decides it (PAID or PAYMENT_FAILED, alternately) and we time the change until the new label
 *    is painted. Several pages in parallel, one order each at a time.
 *  - shipping: N paid orders, each on its own order page, open for 2 minutes before its order
 *    ships at a random moment of the next minute; each change is timed on its page.
 *  - request rate: GET /orders… requests from one page, per minute, while a fresh payment is
 *    pending, while orders await shipping (the shipping page), and when all orders are settled.
 *
 * Times come from one clock: the mock answers the change with `changedAt` (Date.now() of the
 * machine) and the page stamps Date.now() in the first animation frame after the label appears.
 */
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { ApiClient, median, NERD_LEG_ID, newShopper, percentile, sleep } from './bench-support';

interface Latency {
  samples: number[];
  p50: number;
  p95: number;
}

export interface StatusResult {
  payment: Latency & { ageAtChangeS: number[]; outcomes: string[]; parallelPages: number };
  shipping: Latency & { pageOpenS: number; warmUpS: number; pages: number };
  rate: {
    pending: { median: number; max: number; windowS: number };
    shipping: { median: number; max: number; windowS: number };
    settled: { perMinute: number; windowS: number };
  };
  visibility: string[];
  notes: string[];
}

interface Options {
  base: string;
  chrome: string;
  control: (method: string, what: string, body?: unknown) => Promise<unknown>;
  quick: boolean;
}

const LABELS: Record<string, string> = {
  PAID: 'Paid',
  PAYMENT_FAILED: 'Payment failed',
  SHIPPED: 'Shipped',
};

const uniform = (min: number, max: number) => min + Math.random() * (max - min);

function latency(samples: number[]): Latency {
  return { samples, p50: median(samples), p95: percentile(samples, 95) };
}

/** Order GETs (list or one order) made by a page, with their times. */
function countOrderRequests(page: Page): number[] {
  const times: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && /\/api\/orders(\/[^/?]+)?(\?|$)/.test(request.url())) {
      times.push(Date.now());
    }
  });
  return times;
}

/** Requests in every 60 s window starting at a request (or `from`), within [from, to]. */
function perMinute(times: number[], from: number, to: number) {
  const inRange = times.filter((t) => t >= from && t <= to);
  const starts = [from, ...inRange.filter((t) => t + 60_000 <= to)];
  const counts = starts
    .filter((start) => start + 60_000 <= to)
    .map((start) => inRange.filter((t) => t >= start && t < start + 60_000).length);
  const minutes: number[] = [];
  for (let start = from; start + 60_000 <= to; start += 60_000) {
    minutes.push(inRange.filter((t) => t >= start && t < start + 60_000).length);
  }
  return {
    median: median(minutes),
    max: counts.length > 0 ? Math.max(...counts) : NaN,
    windowS: Math.round((to - from) / 1000),
  };
}

/**
 * Starts watching, in the page, for `label` in the status of order `id`. (A string, not a
 * function: tsx would add helpers to a function's source that do not exist in the page.)
 */
const WATCH_SCRIPT = `(({ id, label }) => {
  const seen = (window.__seen ??= {});
  delete seen[id];
  const read = () => {
    const link = document.querySelector('a[aria-label="Order ' + id + '"]');
    const scope = link ? link.closest('tr') : document.querySelector('.order-facts');
    return (scope && scope.querySelector('.status')?.textContent) || '';
  };
  let done = false;
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (done || !read().includes(label)) return;
    done = true;
    observer.disconnect();
    requestAnimationFrame(() => { seen[id] = Date.now(); });
  };
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  check();
})`;

async function watchFor(page: Page, id: string, label: string): Promise<void> {
  await page.evaluate(`${WATCH_SCRIPT}(${JSON.stringify({ id, label })})`);
}

async function seenAt(page: Page, id: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    `window.__seen && window.__seen[${JSON.stringify(id)}]`,
    undefined,
    {
      timeout: timeoutMs,
      polling: 100,
    },
  );
  return Number(await handle.jsonValue());
}

async function signedInContext(browser: Browser, base: string, prefix: string) {
  const api = new ApiClient(base);
  const username = await newShopper(api, prefix);
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  await context.addCookies([...api.cookies].map(([name, value]) => ({ name, value, url: base })));
  return { api, username, context };
}

/** POST /orders answers the order with an `id` (HAL entities elsewhere carry it in _links). */
function orderIdOf(body: unknown): string {
  const order = body as { id?: string; _links?: { self?: { href?: string } } };
  const id = order.id ?? order._links?.self?.href?.split('/').pop();
  if (!id) throw new Error(`POST /orders answered no order id: ${JSON.stringify(body)}`);
  return id;
}

async function placePendingOrder(api: ApiClient): Promise<{ id: string; placedAt: number }> {
  await api.request('POST', '/cart', { id: NERD_LEG_ID });
  const placedAt = Date.now();
  const id = orderIdOf(await api.request('POST', '/orders'));
  return { id, placedAt };
}

async function visibility(page: Page): Promise<string> {
  return page.evaluate(`document.visibilityState + (document.hasFocus() ? '+focus' : '')`);
}

export async function measureStatus(options: Options): Promise<StatusResult> {
  const { base, control, quick } = options;
  // New orders stay PENDING until the control decides them; paid ones are not shipped by a timer.
  await control('PATCH', 'config', {
    pendingMs: 1e12,
    shippedAfterMs: 1e12,
    deliveredAfterMs: 1e12,
  });
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    executablePath: options.chrome,
  });
  const visibilities: string[] = [];
  const notes: string[] = [];
  const contexts: BrowserContext[] = [];

  const paymentPages = quick ? 2 : 8;
  const perPage = quick ? 1 : 4;
  const shippingOrders = quick ? 4 : 24;
  const warmUpMs = quick ? 20_000 : 120_000;

  // --- payment outcome shortly after placing -------------------------------------------------
  const paymentSamples: number[] = [];
  const ages: number[] = [];
  const outcomes: string[] = [];
  const payment = async (worker: number) => {
    const { api, context } = await signedInContext(browser, base, `bench_pay${worker}`);
    contexts.push(context);
    const page = await context.newPage();
    for (let i = 0; i < perPage; i += 1) {
      const { id, placedAt } = await placePendingOrder(api);
      await page.goto(`${base}/orders/${id}?placed=1`);
      await page.locator('.order-facts .status', { hasText: 'Payment pending' }).waitFor();
      if (i === 0) visibilities.push(`payment page ${worker}: ${await visibility(page)}`);
      const outcome = (worker + i) % 2 === 0 ? 'PAID' : 'PAYMENT_FAILED';
      await watchFor(page, id, LABELS[outcome]!);
      await sleep(Math.max(0, placedAt + uniform(2_000, quick ? 20_000 : 110_000) - Date.now()));
      const { changedAt } = (await control('PUT', `orders/${id}/status`, { status: outcome })) as {
        changedAt: number;
      };
      const seen = await seenAt(page, id, 60_000);
      paymentSamples.push(seen - changedAt);
      ages.push(Math.round((changedAt - placedAt) / 100) / 10);
      outcomes.push(outcome);
    }
  };

  // --- PAID → SHIPPED on pages open for minutes ---------------------------------------------
  // One page per order (a change starts that page's backoff over, so one page per change keeps
  // every sample in the steady state of a page that has been open for minutes).
  const shippingSamples: number[] = [];
  let shippingRate = { median: NaN, max: NaN, windowS: 0 };
  let pageOpenS = 0;
  const shipping = async () => {
    const { username, context } = await signedInContext(browser, base, 'bench_ship');
    contexts.push(context);
    const ids: string[] = [];
    for (let i = 0; i < shippingOrders; i += 1) {
      const { id } = (await control('POST', 'orders', { username, state: 'PAID' })) as {
        id: string;
      };
      ids.push(id);
    }
    const openedAt = Date.now();
    const pages: Page[] = [];
    let requests: number[] = [];
    for (const id of ids) {
      const page = await context.newPage();
      if (pages.length === 0) requests = countOrderRequests(page);
      await page.goto(`${base}/orders/${id}`);
      await page.locator('.order-facts .status', { hasText: 'Paid' }).waitFor();
      await watchFor(page, id, LABELS.SHIPPED!);
      pages.push(page);
    }
    visibilities.push(`shipping page 0: ${await visibility(pages[0]!)}`);
    await sleep(Math.max(0, openedAt + warmUpMs - Date.now()));
    await Promise.all(
      ids.map(async (id, i) => {
        await sleep(uniform(0, quick ? 20_000 : 60_000));
        const { changedAt } = (await control('PUT', `orders/${id}/status`, {
          status: 'SHIPPED',
        })) as { changedAt: number };
        shippingSamples.push((await seenAt(pages[i]!, id, 60_000)) - changedAt);
      }),
    );
    const closedAt = Date.now();
    pageOpenS = Math.round((closedAt - openedAt) / 1000);
    // The first page's requests while its order awaited shipping (load to just before a change).
    shippingRate = perMinute(requests, openedAt, openedAt + warmUpMs);
  };

  // --- request rate while a fresh payment is pending -----------------------------------------
  let pendingRate = { median: NaN, max: NaN, windowS: 0 };
  const pendingRateRun = async () => {
    const { api, context } = await signedInContext(browser, base, 'bench_rate');
    contexts.push(context);
    const page = await context.newPage();
    const requests = countOrderRequests(page);
    const { id } = await placePendingOrder(api);
    await page.goto(`${base}/orders/${id}?placed=1`);
    await page.locator('.order-facts .status', { hasText: 'Payment pending' }).waitFor();
    const from = Date.now();
    await sleep(quick ? 61_000 : 100_000);
    pendingRate = perMinute(requests, from, Date.now());
  };

  // --- request rate when every order is settled ----------------------------------------------
  let settled = { perMinute: NaN, windowS: 0 };
  const settledRun = async () => {
    const { username, context } = await signedInContext(browser, base, 'bench_settled');
    contexts.push(context);
    for (const state of ['PAYMENT_FAILED', 'PAID']) {
      const { id } = (await control('POST', 'orders', { username, state })) as { id: string };
      if (state === 'PAID') await control('PUT', `orders/${id}/status`, { status: 'DELIVERED' });
    }
    const page = await context.newPage();
    const requests = countOrderRequests(page);
    await page.goto(`${base}/orders`);
    await page.locator('.orders-table .status').first().waitFor();
    const from = Date.now();
    const windowMs = quick ? 60_000 : 120_000;
    await sleep(windowMs);
    settled = {
      perMinute: (requests.filter((t) => t > from).length * 60_000) / windowMs,
      windowS: windowMs / 1000,
    };
  };

  try {
    await Promise.all([
      ...Array.from({ length: paymentPages }, (_, worker) => payment(worker)),
      shipping(),
      pendingRateRun(),
      settledRun(),
    ]);
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser.close();
  }
  notes.push(
    'Orders placed through POST /orders with the mock knob pendingMs = 1e12, so they stay PENDING until the control decides them; no checkout attempt is open in these tabs (the checkout watcher is not running).',
  );
  return {
    payment: {
      ...latency(paymentSamples),
      ageAtChangeS: ages,
      outcomes,
      parallelPages: paymentPages,
    },
    shipping: {
      ...latency(shippingSamples),
      pageOpenS,
      warmUpS: warmUpMs / 1000,
      pages: shippingOrders,
    },
    rate: { pending: pendingRate, shipping: shippingRate, settled },
    visibility: visibilities,
    notes,
  };
}
