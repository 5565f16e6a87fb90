import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium';

/**
 * Browser tests run in Debian's Chromium (no browser download): set CHROMIUM_PATH to use another.
 * Two servers:
 *  - demo (4173): the demo build with its embedded mock backend in a real service worker;
 *  - live (4174): the live build, its /api proxied to the standalone mock Sock Shop API over HTTP
 *    (8099; E2E_MOCK_API_PORT moves it alone);
 *  - idempotent (4175): the same live build with VITE_BACKEND_HONOURS_IDEMPOTENCY=true.
 */
const isCI = Boolean(process.env.CI);
// E2E_PORT_OFFSET moves all three servers, so two checkouts can run browser tests side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const DEMO_PORT = 4173 + offset;
const LIVE_PORT = 4174 + offset;
const MOCK_API_PORT = Number(process.env.E2E_MOCK_API_PORT ?? 8099 + offset);
// A second live build that resends a lost POST /orders answer under the same key
// (VITE_BACKEND_HONOURS_IDEMPOTENCY=true), for tests/e2e/idempotency.spec.ts.
const IDEMPOTENT_PORT = Number(process.env.E2E_IDEMPOTENT_PORT ?? 4175 + offset);
// The operator build (`build:ops`, payment-issues view) on the same mock API, for
// tests/e2e/recovery.spec.ts: the shopper build no longer contains the ops view.
const OPS_PORT = Number(process.env.E2E_OPS_PORT ?? 4176 + offset);
process.env.E2E_LIVE_URL = `http://127.0.0.1:${LIVE_PORT}`;
process.env.E2E_OPS_URL = `http://127.0.0.1:${OPS_PORT}`;
process.env.E2E_MOCK_API_URL = `http://127.0.0.1:${MOCK_API_PORT}`;
process.env.E2E_IDEMPOTENT_URL = `http://127.0.0.1:${IDEMPOTENT_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  forbidOnly: isCI,
  // No retries, in CI either: a flaky browser test must fail, not pass on its second try.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${DEMO_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: `npm run build:demo && npx vite preview --mode demo --host 127.0.0.1 --port ${DEMO_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEMO_PORT}`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
    },
    {
      command: `PORT=${MOCK_API_PORT} npm run mock-api`,
      url: `http://127.0.0.1:${MOCK_API_PORT}/tags`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
    {
      command: `npm run build && SOCKSHOP_API_URL=http://127.0.0.1:${MOCK_API_PORT} npx vite preview --host 127.0.0.1 --port ${LIVE_PORT} --strictPort`,
      url: `http://127.0.0.1:${LIVE_PORT}`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
    },
    {
      command: `VITE_BACKEND_HONOURS_IDEMPOTENCY=true npx vite build --outDir dist-idempotent && SOCKSHOP_API_URL=http://127.0.0.1:${MOCK_API_PORT} npx vite preview --outDir dist-idempotent --host 127.0.0.1 --port ${IDEMPOTENT_PORT} --strictPort`,
      url: `http://127.0.0.1:${IDEMPOTENT_PORT}`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
    },
    {
      command: `npm run build:ops && SOCKSHOP_API_URL=http://127.0.0.1:${MOCK_API_PORT} npx vite preview --mode ops --host 127.0.0.1 --port ${OPS_PORT} --strictPort`,
      url: `http://127.0.0.1:${OPS_PORT}`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
    },
  ],
});
