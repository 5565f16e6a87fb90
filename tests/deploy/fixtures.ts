import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Helpers for the deploy test. The browser console is watched on every page: a Content-Security-
 * Policy violation fails the test (Chromium's own "Refused to …" message and the page's
 * `securitypolicyviolation` events), so does an uncaught error, and so does any other console
 * error unless the test declares the HTTP error status it provokes on purpose.
 */
export class BrowserConsole {
  readonly violations: string[] = [];
  readonly errors: string[] = [];
  private readonly allowedStatuses = new Set<number>();
  private cspViolationsExpected = false;

  /** Chromium logs "Failed to load resource: … status of 500" for error answers the test provokes. */
  allowHttpErrors(...statuses: number[]): void {
    for (const status of statuses) this.allowedStatuses.add(status);
  }

  /** Only for the test that proves the policy is enforced, by breaking it on purpose. */
  expectCspViolations(): void {
    this.cspViolationsExpected = true;
  }

  record(text: string): void {
    if (/Content Security Policy|CSP violation/i.test(text)) {
      this.violations.push(text);
      return;
    }
    const status = /^Failed to load resource: the server responded with a status of (\d{3})\b/.exec(
      text,
    )?.[1];
    if (status !== undefined && this.allowedStatuses.has(Number(status))) return;
    this.errors.push(text);
  }

  check(): void {
    if (!this.cspViolationsExpected) {
      expect(this.violations, 'Content-Security-Policy violations').toEqual([]);
    }
    expect(this.errors, 'console errors or uncaught page errors').toEqual([]);
  }
}

export const test = base.extend<{ browserConsole: BrowserConsole }>({
  browserConsole: [
    async ({ context }, use) => {
      const console = new BrowserConsole();
      // Reported by the page itself as well, in case a violation is ever not logged.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          window.console.error(
            `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`,
          );
        });
      });
      context.on('console', (message) => {
        if (message.type() === 'error') console.record(message.text());
      });
      context.on('weberror', (error) => console.record(`uncaught: ${error.error().message}`));
      await use(console);
      console.check();
    },
    { auto: true },
  ],
});

export { expect };

/** One line of nginx's JSON access log (deploy/nginx/nginx.conf.template, log_format). */
export interface AccessLogEntry {
  time: string;
  request_id: string;
  method: string;
  uri: string;
  status: number;
  upstream_status: string;
  user: string;
}

/** The access log of one nginx of the test (`public` or `dead-upstream`), as written so far. */
export function accessLog(name: 'public' | 'dead-upstream'): AccessLogEntry[] {
  const dir = process.env.DEPLOY_WORK_DIR ?? '/tmp/storefront-deploy-test';
  return readFileSync(join(dir, `${name}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as AccessLogEntry);
}

/** The short reference the storefront shows a shopper (src/lib/ids.ts `shortReference`). */
export function shortReference(requestId: string): string {
  return requestId.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** The reference an error alert shows ("Reference: 1A2B3C4D"). */
export async function referenceShown(page: Page, alert = page.getByRole('alert')): Promise<string> {
  const text = await alert
    .filter({ hasText: /Reference: / })
    .first()
    .innerText();
  const reference = /Reference: ([0-9A-F]{8})/.exec(text)?.[1];
  if (!reference) throw new Error(`no reference id in: ${text}`);
  return reference;
}

/** A username no earlier run has taken on the long-lived mock API. */
export function freshShopper() {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  return {
    username: `deploy_${suffix}`,
    password: `pw-${suffix}`,
    firstName: 'Dee',
    lastName: 'Ployer',
    email: `deploy_${suffix}@example.com`,
  };
}

/** The operator account of the test's htpasswd (written by tests/deploy/run.sh). */
export const OPERATOR = {
  username: process.env.DEPLOY_OPS_USER ?? 'operator',
  password: process.env.DEPLOY_OPS_PASSWORD ?? 'deploy-test-only',
};
