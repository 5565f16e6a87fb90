import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessLog, expect, test } from './fixtures';

/**
 * The second nginx of the test (same configuration) has an upstream port with nothing behind it:
 * the Sock Shop front-end is down. One test briefly listens on that port to see exactly what nginx
 * sends upstream and returns to the browser.
 */
test.use({ baseURL: process.env.DEPLOY_DEAD_URL });

const upstreamPort = Number(process.env.DEPLOY_DEAD_UPSTREAM_PORT ?? 8398);

test.describe('nginx and the front-end', () => {
  test('@config what the front-end receives: no /api prefix, cookies and the request id both ways', async ({
    request,
  }) => {
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    const upstream = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, {
        'Set-Cookie': 'md.sid=s%3Aabc.def; Path=/; HttpOnly',
        'Cache-Control': 'public, max-age=600',
        'X-Request-ID': 'upstream-must-not-echo',
      });
      res.end('{"tags":[],"err":null}');
    });
    await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
    try {
      expect((upstream.address() as AddressInfo).port).toBe(upstreamPort);
      const answer = await request.get('/api/tags?x=1', {
        headers: { 'X-Request-ID': 'deploy-echo-1234', Cookie: 'logged_in=abc; md.sid=s%3Axyz' },
      });
      expect(answer.status()).toBe(200);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.url).toBe('/tags?x=1');
      expect(seen[0]?.headers).toMatchObject({
        'x-request-id': 'deploy-echo-1234',
        cookie: 'logged_in=abc; md.sid=s%3Axyz',
        'x-forwarded-for': '127.0.0.1',
      });
      const headers = answer.headersArray();
      expect(headers.filter((h) => h.name.toLowerCase() === 'x-request-id')).toEqual([
        expect.objectContaining({ value: 'deploy-echo-1234' }),
      ]);
      expect(answer.headers()['set-cookie']).toContain('md.sid=s%3Aabc.def');
      // The front-end's own caching advice is replaced: API answers are never stored.
      expect(answer.headers()['cache-control']).toBe('no-store');
    } finally {
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
  });

  test('a POST /orders answer slower than the storefront waits (10 s) still comes through: nginx never answers 504 first', async ({
    request,
  }) => {
    test.slow();
    const upstream = createServer((_req, res) => {
      // The storefront gives up on POST /orders after 10 s (src/config/env.ts); nginx waits longer.
      setTimeout(() => res.writeHead(201).end('{"id":"late"}'), 10_500);
    });
    await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
    try {
      const answer = await request.post('/api/orders', {
        headers: { 'X-Request-ID': 'deploy-slow-order-1' },
        timeout: 30_000,
      });
      expect(answer.status()).toBe(201);
    } finally {
      upstream.closeAllConnections();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
  });

  test('front-end down: nginx answers 502, the shopper reads the storefront own outage copy, the failed call is in the log', async ({
    page,
    request,
    browserConsole,
  }) => {
    browserConsole.allowHttpErrors(502);
    expect((await request.get('/api/tags')).status()).toBe(502);

    const failed = page.waitForResponse(
      (response) => response.url().includes('/api/catalogue') && response.status() === 502,
    );
    await page.goto('/');
    const alert = page.getByRole('alert').filter({ hasText: "We couldn't load the socks." });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText('The shop is having trouble. Please try again later.');
    await expect(page.locator('body')).not.toContainText(/Bad Gateway|nginx/i);

    // The id the storefront sent with the failed call comes back, and finds the 502 in the log.
    const response = await failed;
    const requestId = (await response.request().headerValue('x-request-id')) ?? '';
    expect(requestId).not.toBe('');
    expect(await response.headerValue('x-request-id')).toBe(requestId);
    await expect
      .poll(() => accessLog('dead-upstream').filter((entry) => entry.request_id === requestId))
      .toEqual([expect.objectContaining({ method: 'GET', status: 502, upstream_status: '502' })]);
    // The page itself still came from nginx, with its headers.
    const index = await request.get('/');
    expect(index.status()).toBe(200);
    expect(index.headers()['content-security-policy']).toContain("default-src 'none'");
  });
});
