import { expect, test } from './fixtures';

/**
 * While a page's code is still on its way (a slow phone network), the shopper already sees the
 * page's heading over a loading state, and the same heading stays when the page arrives. The
 * live build, with the storefront chunk held back until the test lets it through.
 */
test.use({ baseURL: process.env.E2E_LIVE_URL });

const pages: [path: string, heading: string][] = [
  ['/', 'Socks'],
  ['/cart', 'Your cart'],
  ['/orders', 'Sign in to see your orders'],
];

for (const [path, heading] of pages) {
  test(`${path} shows "${heading}" while its code loads, then the page under the same heading`, async ({
    page,
  }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route('**/assets/storefront-*.js', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(path);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(heading);
    await expect(page.getByRole('status').filter({ hasText: 'Loading page…' })).toBeAttached();
    expect(asked).toBe(true);
    release();
    // The page's own heading takes focus when it opens; the stand-in never does.
    await expect(h1).toBeFocused();
    await expect(h1).toHaveText(heading);
    await expect(page.getByRole('status').filter({ hasText: 'Loading page…' })).toHaveCount(0);
  });
}

test('when the page code cannot be downloaded, the shopper is told what to do, and a reload brings the page back', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.expect(
    {
      text: /Failed to load resource: net::ERR_CONNECTION_FAILED/,
      url: /\/assets\/storefront-/,
      reason: 'the test cuts the download of the storefront chunk',
    },
    {
      text: /Failed to fetch dynamically imported module/,
      reason: "React reports the error the page's error boundary caught",
    },
  );
  let cut = true;
  await page.route('**/assets/storefront-*.js', (route) =>
    cut ? route.abort('connectionfailed') : route.continue(),
  );
  await page.goto('/cart');
  await expect(
    page.getByRole('heading', { level: 1, name: 'This page could not be shown' }),
  ).toBeFocused();
  // The header is still there, with a way on.
  await expect(page.getByRole('link', { name: 'Sock Shop' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Browse socks' })).toBeVisible();

  cut = false;
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeFocused();
  await expect(page.getByRole('link', { name: /^Cart, \d+ items?$/ })).toBeVisible();
});

test('a product page asks for its sock while its code downloads, and only once', async ({
  page,
}) => {
  const id = '03fef6ac-1896-4ce8-bd69-b798f85c6e0b';
  const sockRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/catalogue/${id}`)
      sockRequests.push(request.url());
  });
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/storefront-*.js', async (route) => {
    await held;
    await route.continue();
  });
  const asked = page.waitForRequest((request) => request.url().endsWith(`/api/catalogue/${id}`));
  await page.goto(`/socks/${id}`);
  // The sock is on its way while the page's code is still held back.
  await asked;
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Holy' })).toBeFocused();
  await expect(page.getByText('Socks fit for a Messiah.', { exact: false })).toBeVisible();
  expect(sockRequests).toHaveLength(1);
});
