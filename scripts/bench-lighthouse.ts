/**
 * Lighthouse part of `npm run bench`: 6 pages × mobile/desktop × N runs, signed in. The cookies are
 * set in a Chromium started with --remote-debugging-port; Lighthouse connects with `port` and keeps
 * its default storage reset (HTTP cache and service workers cleared before each run, cookies kept).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import {
  type ApiClient,
  CLASSIC_ID,
  HOLY_ID,
  median,
  NERD_LEG_ID,
  newShopper,
  Server,
} from './bench-support';

export interface RunFigures {
  performance: number;
  accessibility: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  transferKb: number;
  requests: number;
  chainDepth: number;
  ordersGets: number;
}

export interface PageResult {
  label: string;
  path: string;
  mobile: RunFigures;
  desktop: RunFigures;
  runs: { mobile: RunFigures[]; desktop: RunFigures[] };
}

interface Options {
  base: string;
  chrome: string;
  chromePort: number;
  runs: number;
  control: (method: string, what: string, body?: unknown) => Promise<unknown>;
  api: ApiClient;
  servers: Server[];
  /** Only the pages whose label is listed (all when empty). */
  pages: string[];
  /** Folder for each run's full Lighthouse report (JSON), or none. */
  lhrDir?: string;
}

type Audit = { numericValue?: number; details?: Record<string, unknown> };

function figures(lhr: {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, Audit>;
}): RunFigures {
  const audit = (id: string) => lhr.audits[id] ?? {};
  const requests = (audit('network-requests').details?.items ?? []) as {
    url: string;
    resourceType?: string;
  }[];
  const chains = audit('critical-request-chains').details?.longestChain as
    { length?: number } | undefined;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    cls: audit('cumulative-layout-shift').numericValue ?? NaN,
    lcpMs: audit('largest-contentful-paint').numericValue ?? NaN,
    tbtMs: audit('total-blocking-time').numericValue ?? NaN,
    fcpMs: audit('first-contentful-paint').numericValue ?? NaN,
    transferKb: (audit('total-byte-weight').numericValue ?? NaN) / 1024,
    requests: requests.length,
    chainDepth: chains?.length ?? 0,
    ordersGets: requests.filter((r) => /\/api\/orders(\?|$)/.test(r.url)).length,
  };
}

function medianFigures(runs: RunFigures[]): RunFigures {
  const pick = (key: keyof RunFigures) => median(runs.map((r) => r[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    cls: pick('cls'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    fcpMs: pick('fcpMs'),
    transferKb: pick('transferKb'),
    requests: pick('requests'),
    chainDepth: pick('chainDepth'),
    ordersGets: Math.max(...runs.map((r) => r.ordersGets)),
  };
}

export async function runLighthouse(options: Options): Promise<PageResult[]> {
  const { base, api, control } = options;
  // The shopper of the original measurement: 3 orders (paid, failed, delivered), 2 cart lines.
  const username = await newShopper(api, 'bench_lh');
  const orderIds: string[] = [];
  for (const state of ['PAID', 'PAYMENT_FAILED', 'PAID']) {
    const { id } = (await control('POST', 'orders', { username, state })) as { id: string };
    orderIds.push(id);
  }
  await control('PUT', `orders/${orderIds[2]}/status`, { status: 'DELIVERED' });
  await api.request('POST', '/cart', { id: NERD_LEG_ID });
  await api.request('POST', '/cart', { id: CLASSIC_ID });

  const chrome = new Server('chromium', options.chrome, [
    '--headless',
    ...chromiumLaunchOptions.args,
    `--remote-debugging-port=${options.chromePort}`,
    `--user-data-dir=/tmp/sockshop-bench-chrome-${options.chromePort}`,
    'about:blank',
  ]);
  options.servers.push(chrome);
  await chrome.ready(`http://127.0.0.1:${options.chromePort}/json/version`);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${options.chromePort}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('no default browser context');
  await context.addCookies([...api.cookies].map(([name, value]) => ({ name, value, url: base })));

  const pages: [label: string, path: string][] = [
    ['/', '/'],
    ['/socks/:id', `/socks/${HOLY_ID}`],
    ['/cart', '/cart'],
    ['/checkout', '/checkout'],
    ['/orders', '/orders'],
    ['/orders/:id', `/orders/${orderIds[0]}`],
  ];
  const results: PageResult[] = [];
  const wanted = pages.filter(
    ([label]) => options.pages.length === 0 || options.pages.includes(label),
  );
  if (options.lhrDir) mkdirSync(options.lhrDir, { recursive: true });
  for (const [label, path] of wanted) {
    const runs: PageResult['runs'] = { mobile: [], desktop: [] };
    for (const formFactor of ['mobile', 'desktop'] as const) {
      for (let i = 0; i < options.runs; i += 1) {
        const result = await lighthouse(
          `${base}${path}`,
          {
            port: options.chromePort,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
          },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
        if (result.lhr.runtimeError) {
          throw new Error(`Lighthouse ${path}: ${result.lhr.runtimeError.message}`);
        }
        if (options.lhrDir) {
          const slug = label.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '') || 'home';
          writeFileSync(
            join(options.lhrDir, `${formFactor}-${slug}-${i + 1}.json`),
            JSON.stringify(result.lhr),
          );
        }
        const run = figures(result.lhr as Parameters<typeof figures>[0]);
        runs[formFactor].push(run);
        process.stdout.write(
          `  ${formFactor.padEnd(7)} ${path.padEnd(36)} perf ${run.performance} a11y ${run.accessibility} CLS ${run.cls.toFixed(3)} LCP ${run.lcpMs.toFixed(0)} ms, ${run.requests} requests, chain ${run.chainDepth}\n`,
        );
      }
    }
    results.push({
      label,
      path,
      mobile: medianFigures(runs.mobile),
      desktop: medianFigures(runs.desktop),
      runs,
    });
  }
  await browser.close();
  chrome.stop();
  return results;
}
