import type { Page } from '@playwright/test';
import {
  OPERATOR,
  accessLog,
  expect,
  freshShopper,
  referenceShown,
  shortReference,
  test,
} from './fixtures';
import { addAddressAndCard, register } from '../e2e/fixtures';

/**
 * The live build served by nginx with the repository's configuration (deploy/nginx), in front of
 * the mock Sock Shop API with its payment service down. Every page visited is checked for
 * Content-Security-Policy violations by the fixture.
 */

const NERD_LEG = 'Nerd leg';

async function registerAtCheckout(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Socks' })).toBeVisible();
  await page.getByRole('list', { name: 'Socks' }).getByRole('link', { name: NERD_LEG }).click();
  await expect(page.getByRole('heading', { level: 1, name: NERD_LEG })).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${NERD_LEG} added to your cart.` }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Cart, 1 item/ })
    .click();
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in to check out' }).click();
  await page.getByRole('link', { name: 'Create an account' }).click();

  const shopper = freshShopper();
  await register(page, shopper);
  await expect(page).toHaveURL(/\/checkout$/);

  await addAddressAndCard(page);
}

test.describe('the storefront behind nginx (payment service down)', () => {
  test('@config payment-down journey: error at checkout, its reference in the access log, the order Payment failed, its page reloads by URL', async ({
    page,
    context,
    browserConsole,
  }) => {
    browserConsole.allowHttpErrors(500); // POST /orders: the orders service's 500 by design
    await registerAtCheckout(page);

    // The session is the front-end's HttpOnly cookie, relayed through nginx untouched.
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'md.sid')).toMatchObject({ httpOnly: true });
    expect(cookies.find((cookie) => cookie.name === 'logged_in')).toBeTruthy();

    await page
      .getByRole('region', { name: 'Order summary' })
      .getByRole('button', { name: /^Place order/ })
      .click();
    const alert = page
      .getByRole('region', { name: 'Order summary' })
      .getByRole('alert')
      .filter({ hasText: 'We could not process your payment. You have not been charged.' });
    await expect(alert).toBeVisible();

    // The reference the shopper reads finds the request in nginx's JSON access log.
    const reference = await referenceShown(page, alert);
    await expect
      .poll(() =>
        accessLog('public').filter(
          (entry) => shortReference(entry.request_id) === reference && entry.uri === '/api/orders',
        ),
      )
      .toEqual([expect.objectContaining({ method: 'POST', status: 500, upstream_status: '500' })]);

    // Listed as Payment failed, never Shipped.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Orders' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
    const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Order / }) });
    await expect(rows).toHaveCount(1);
    await expect(rows.getByRole('cell').last()).toContainText('✕ Payment failed');
    await expect(page.getByRole('main')).not.toContainText('Shipped');

    // The order page by its URL, loaded fresh and reloaded: nginx answers it with the app.
    const href = await rows.getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/orders\/[0-9a-f]{24}$/);
    const response = await page.goto(href ?? '');
    expect(response?.status()).toBeLessThan(400); // 200, or 304: index.html is revalidated
    await expect(page.getByRole('main')).toContainText('Payment failed');
    await page.reload();
    await expect(page.getByRole('main')).toMatchAriaSnapshot(`
      - term: Status
      - definition:
        - text: Payment failed
    `);
    await expect(page.getByRole('list', { name: 'Order progress' })).toContainText(
      'Shipped: will not happen',
    );
  });

  test('@config client routes load the app, and the API is reached without its /api prefix', async ({
    page,
    request,
  }) => {
    for (const path of ['/cart', '/sign-in', '/orders/0123456789abcdef01234567', '/no/such/page']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-type'], path).toMatch(/^text\/html/);
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

    const tags = await request.get('/api/tags');
    expect(tags.status()).toBe(200);
    expect(await tags.json()).toMatchObject({ tags: expect.arrayContaining(['geek']) });
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Socks' }).getByRole('listitem')).not.toHaveCount(
      0,
    );
  });

  test('headers: security on every answer, cache rules, compression, request ids', async ({
    request,
  }) => {
    const security = {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
    };
    const index = await request.get('/orders/0123456789abcdef01234567');
    const html = await index.text();
    const headers = index.headers();
    expect(headers).toMatchObject({ ...security, 'cache-control': 'no-cache' });
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self'\s*;/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['permissions-policy']).toContain('camera=()');
    // The policy allows no inline script or style, and the built page has none.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect(headers.etag ?? headers['last-modified']).toBeTruthy();

    // A hashed asset: a year, immutable, served from the precompressed .gz file.
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    expect(script).not.toBe('');
    const asset = await request.get(script, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(asset.status()).toBe(200);
    expect(asset.headers()).toMatchObject({
      ...security,
      'cache-control': 'public, max-age=31536000, immutable',
      'content-encoding': 'gzip',
      vary: 'Accept-Encoding',
    });
    expect(asset.headers()['content-type']).toMatch(/javascript/);
    // gzip_static knows the size up front; on-the-fly gzip would be chunked.
    expect(Number(asset.headers()['content-length'])).toBeGreaterThan(0);

    // A missing asset is a 404 (never index.html as a script), and not cached.
    const missing = await request.get('/assets/index-doesnotexist.js');
    expect(missing.status()).toBe(404);
    expect(missing.headers()).toMatchObject({ ...security, 'cache-control': 'no-store' });

    // API answers: never cached; the browser's request id comes back and is logged.
    const sent = `deploy-test-${Date.now().toString(36)}`;
    const api = await request.get('/api/catalogue?size=3', { headers: { 'X-Request-ID': sent } });
    expect(api.status()).toBe(200);
    expect(api.headers()).toMatchObject({ ...security, 'cache-control': 'no-store' });
    expect(api.headers()['x-request-id']).toBe(sent);
    await expect
      .poll(() => accessLog('public').filter((entry) => entry.request_id === sent))
      .toEqual([expect.objectContaining({ uri: '/api/catalogue?size=3', status: 200 })]);

    // No id sent (or a junk one): nginx makes one, returns it and logs it.
    for (const junk of [undefined, 'x', 'bad id with spaces']) {
      const answer = await request.get('/api/tags', {
        headers: junk === undefined ? {} : { 'X-Request-ID': junk },
      });
      const made = answer.headers()['x-request-id'] ?? '';
      expect(made).toMatch(/^[0-9a-f]{32}$/);
      await expect
        .poll(() => accessLog('public').some((entry) => entry.request_id === made))
        .toBe(true);
    }

    const health = await request.get('/healthz');
    expect(health.status()).toBe(200);
    expect(await health.text()).toBe('ok\n');
  });

  test('the public proxy forwards only the storefront routes; the rest is 404', async ({
    request,
  }) => {
    const refused: [string, string][] = [
      ['GET', '/api/customers'],
      ['GET', '/api/addresses'],
      ['GET', '/api/cards'],
      ['GET', '/api/cards/57a98d98e4b00679b4a830b1'],
      ['GET', '/api/orders/search/customerId?custId=57a98d98e4b00679b4a830af'],
      ['GET', '/api/orders/search'],
      ['GET', '/api/orders/..%2Fcustomers'],
      ['GET', '/api//customers'],
      ['GET', '/api/metrics'],
      ['POST', '/api/customers'],
      ['DELETE', '/api/customers/57a98d98e4b00679b4a830af'],
      ['DELETE', '/api/addresses/57a98d98e4b00679b4a830b0'],
      ['DELETE', '/api/cards/57a98d98e4b00679b4a830b1'],
      ['PUT', '/api/cart'],
      ['GET', '/ops-api/customers'],
    ];
    for (const [method, path] of refused) {
      const answer = await request.fetch(path, { method });
      const body = await answer.text();
      expect
        .soft(answer.status(), `${method} ${path}`)
        .toBe(method === 'GET' && path.startsWith('/ops-api/') ? 401 : 404);
      expect.soft(body, `${method} ${path}`).not.toMatch(/_embedded|longNum|customerOrders/);
    }
    // The refusals never reached the front-end.
    const logged = accessLog('public').filter((entry) =>
      refused.some(([method, path]) => entry.method === method && entry.uri === path),
    );
    expect(logged.length).toBeGreaterThanOrEqual(refused.length);
    expect(logged.filter((entry) => entry.upstream_status !== '')).toEqual([]);
  });

  test('the operator view: refused without credentials, served with them', async ({
    browser,
    request,
  }) => {
    for (const path of ['/ops/payment-issues', '/ops-api/customers', '/ops-assets/x.js']) {
      const anonymous = await request.get(path);
      expect(anonymous.status(), path).toBe(401);
      expect(anonymous.headers()['www-authenticate'], path).toMatch(/^Basic realm=/);
    }
    const wrong = await request.get('/ops-api/customers', {
      headers: { Authorization: `Basic ${Buffer.from('operator:wrong').toString('base64')}` },
    });
    expect(wrong.status()).toBe(401);

    const operator = await browser.newContext({ httpCredentials: OPERATOR });
    try {
      const customers = await operator.request.get('/ops-api/customers');
      expect(customers.status()).toBe(200);
      expect(customers.headers()['cache-control']).toBe('no-store');
      expect(await customers.text()).toContain('_embedded');
      // Even operators get only the two routes the view reads.
      expect((await operator.request.get('/ops-api/cards')).status()).toBe(404);
      expect((await operator.request.delete('/ops-api/customers/x')).status()).toBe(404);

      const page = await operator.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      await page.goto('/ops/payment-issues');
      await expect(page.getByRole('heading', { level: 1, name: 'Payment issues' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(violations).toEqual([]);
    } finally {
      await operator.close();
    }
    const ops = accessLog('public').filter(
      (entry) => entry.uri.startsWith('/ops-api/orders/search/customerId') && entry.status === 200,
    );
    expect(ops.length).toBeGreaterThan(0);
    expect(ops.every((entry) => entry.user === OPERATOR.username)).toBe(true);
  });

  test('the Content-Security-Policy is enforced: an inline script is refused and reported', async ({
    page,
    browserConsole,
  }) => {
    browserConsole.expectCspViolations();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Socks' })).toBeVisible();
    expect(browserConsole.violations).toEqual([]);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => browserConsole.violations.length).toBeGreaterThan(0);
  });
});
