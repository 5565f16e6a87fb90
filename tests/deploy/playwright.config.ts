import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { defineConfig } from '@playwright/test';

/**
 * The deploy test (npm run test:deploy, tests/deploy/run.sh): the storefront as it is served in
 * production, in Debian's Chromium. tests/deploy/run.sh builds the site first (the same script as
 * the Dockerfile); these servers then run the image's own entrypoint on loopback only:
 *  - the mock Sock Shop API (payment-down scenario) as the upstream;
 *  - nginx with the repository's configuration in front of it, operator view enabled;
 *  - a second nginx whose upstream port has nothing listening (the front-end down).
 * Ports: DEPLOY_PORT (8380), DEPLOY_DEAD_PORT (8381), DEPLOY_MOCK_API_PORT (8399),
 * DEPLOY_DEAD_UPSTREAM_PORT (8398).
 */
const port = Number(process.env.DEPLOY_PORT ?? 8380);
const deadPort = Number(process.env.DEPLOY_DEAD_PORT ?? 8381);
const mockApiPort = Number(process.env.DEPLOY_MOCK_API_PORT ?? 8399);
const deadUpstreamPort = Number(process.env.DEPLOY_DEAD_UPSTREAM_PORT ?? 8398);
const root = fileURLToPath(new URL('../..', import.meta.url));
process.env.DEPLOY_WORK_DIR ??= '/tmp/storefront-deploy-test';
process.env.DEPLOY_URL = `http://127.0.0.1:${port}`;
process.env.DEPLOY_DEAD_URL = `http://127.0.0.1:${deadPort}`;
process.env.DEPLOY_DEAD_UPSTREAM_PORT = String(deadUpstreamPort);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // The real thing: a failure here is a finding, not noise to retry away.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // Not the shared test-results/: other browser suites may run at the same time.
  outputDir: `${process.env.DEPLOY_WORK_DIR}/test-results`,
  use: {
    baseURL: process.env.DEPLOY_URL,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: `MOCK_SCENARIO=payment-down PORT=${mockApiPort} HOST=127.0.0.1 npm run mock-api`,
      url: `http://127.0.0.1:${mockApiPort}/tags`,
      cwd: root,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `sh tests/deploy/start-nginx.sh public ${port} http://127.0.0.1:${mockApiPort} with-ops`,
      url: `http://127.0.0.1:${port}/healthz`,
      cwd: root,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `sh tests/deploy/start-nginx.sh dead-upstream ${deadPort} http://127.0.0.1:${deadUpstreamPort}`,
      url: `http://127.0.0.1:${deadPort}/healthz`,
      cwd: root,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
