/**
 * `npm run bench`: the performance report of the live build, measured in Debian Chromium.
 *
 *  1. Builds the live build (into a temporary folder, so `dist/` is left alone), serves it with
 *     `vite preview` on 8480, its /api proxied to `npm run mock-api` on 8499.
 *  2. Initial JavaScript and CSS, gzip.
 *  3. Lighthouse 12.2.3 on 6 pages × mobile/desktop × 3 runs, signed in as a shopper with 3 orders
 *     and 2 cart lines: a Chromium with --remote-debugging-port 9422 gets the session cookies, and
 *     Lighthouse runs against it with `--port`, keeping its default storage reset (HTTP cache
 *     cleared before each run; cookies kept).
 *  4. Order status in a real browser (Playwright, same Chromium), driven through the mock's
 *     controls (PUT /__mock/orders/<id>/status): time from the change in the backend to the new
 *     status on screen, p50/p95, for a payment outcome 2–110 s after placing and for PAID → SHIPPED
 *     on an orders page that has been open for minutes; and GET order requests per minute from one
 *     page while a payment is pending, while awaiting shipping, and when all are settled.
 *
 * Prints a table of medians next to the budgets and writes reports/bench.json (`--out=<file>` to
 * change). `--check` exits 1 when a budget is broken. `--quick` (1 Lighthouse run, fewer status
 * samples) is for trying changes, not for the report. `--only=size,lighthouse,status` picks parts,
 * `--pages=/,/cart` picks Lighthouse pages by label, `--lhr=<folder>` keeps every full Lighthouse
 * report (JSON) for a closer look.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { runLighthouse, type PageResult } from './bench-lighthouse';
import { measureStatus, type StatusResult } from './bench-status';
import { ApiClient, initialAssets, mockControl, Server } from './bench-support';

const args = process.argv.slice(2);
const CHECK = args.includes('--check');
const QUICK = args.includes('--quick');
const ONLY = new Set(
  (args.find((a) => a.startsWith('--only='))?.slice(7) ?? 'size,lighthouse,status').split(','),
);
const PAGES = (args.find((a) => a.startsWith('--pages='))?.slice(8) ?? '')
  .split(',')
  .filter(Boolean);
const LHR_DIR = args.find((a) => a.startsWith('--lhr='))?.slice(6);
const OUT = args.find((a) => a.startsWith('--out='))?.slice(6) ?? 'reports/bench.json';

const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 8480);
const MOCK_PORT = Number(process.env.BENCH_MOCK_PORT ?? 8499);
const CHROME_PORT = Number(process.env.BENCH_CHROME_PORT ?? 9422);
const CHROME = process.env.CHROME_PATH ?? chromiumLaunchOptions.executablePath;
const BASE = `http://127.0.0.1:${PREVIEW_PORT}`;
const MOCK = `http://127.0.0.1:${MOCK_PORT}`;

export const BUDGETS = {
  initialJsKb: 85,
  cls: 0.02,
  mobileScore: 98,
  desktopScore: 100,
  accessibility: 100,
  ordersRequests: 10,
  chainDepth: 3,
  ordersGetsPerLoad: 1,
  paymentP95Ms: 2_000,
  shippingP95Ms: 30_000,
  maxRequestsPerMinute: 30,
  settledRequestsPerMinute: 0,
};

function ensureChromium(): void {
  if (existsSync(CHROME)) return;
  console.log(`${CHROME} is missing: installing Debian's chromium…`);
  const run = (cmd: string[]) => spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit' });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', 'chromium']);
  if (!existsSync(CHROME)) throw new Error(`${CHROME} is still missing`);
}

const started = Date.now();
const servers: Server[] = [];
const stopAll = () => {
  for (const server of servers.reverse()) server.stop();
};
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});

const work = mkdtempSync(join(tmpdir(), 'sockshop-bench-'));
const dist = join(work, 'dist');

interface Report {
  date: string;
  machine: string;
  quick: boolean;
  runtimeS?: number;
  size?: ReturnType<typeof initialAssets>;
  lighthouse?: PageResult[];
  status?: StatusResult;
}

const report: Report = {
  date: new Date().toISOString(),
  machine: `${hostname()}: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${execFileSync(CHROME, ['--version'], { encoding: 'utf8' }).trim()}`,
  quick: QUICK,
};

try {
  ensureChromium();
  console.log(`Building the live build into ${dist} …`);
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  report.size = initialAssets(dist);

  if (ONLY.has('lighthouse') || ONLY.has('status')) {
    const mock = new Server('mock-api', 'npm', ['run', 'mock-api'], { PORT: String(MOCK_PORT) });
    servers.push(mock);
    await mock.ready(`${MOCK}/tags`);
    const preview = new Server(
      'vite preview',
      'npx',
      [
        'vite',
        'preview',
        '--outDir',
        dist,
        '--host',
        '127.0.0.1',
        '--port',
        String(PREVIEW_PORT),
        '--strictPort',
      ],
      { SOCKSHOP_API_URL: MOCK },
    );
    servers.push(preview);
    await preview.ready(`${BASE}/`);
    const control = mockControl(MOCK);
    await control('POST', 'reset');

    if (ONLY.has('lighthouse')) {
      report.lighthouse = await runLighthouse({
        base: BASE,
        chrome: CHROME,
        chromePort: CHROME_PORT,
        runs: QUICK ? 1 : 3,
        control,
        api: new ApiClient(BASE),
        servers,
        pages: PAGES,
        lhrDir: LHR_DIR,
      });
    }
    if (ONLY.has('status')) {
      report.status = await measureStatus({ base: BASE, chrome: CHROME, control, quick: QUICK });
    }
  }
} finally {
  stopAll();
  rmSync(work, { recursive: true, force: true });
}

report.runtimeS = Math.round((Date.now() - started) / 1000);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify({ budgets: BUDGETS, ...report }, null, 2)}\n`);

// ------------------------------------------------------------------------------------------------
// The table: medians next to the budgets.
const rows: [string, string, string, boolean][] = [];
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
if (report.size) {
  rows.push([
    'Initial JS (gzip)',
    `${fmt(report.size.jsKb, 1)} kB (${report.size.jsFiles.length} file)`,
    `≤ ${BUDGETS.initialJsKb} kB`,
    report.size.jsKb <= BUDGETS.initialJsKb,
  ]);
  rows.push(['Initial CSS (gzip)', `${fmt(report.size.cssKb, 1)} kB`, '—', true]);
}
for (const page of report.lighthouse ?? []) {
  const m = page.mobile;
  const d = page.desktop;
  rows.push([
    `${page.path}: Lighthouse mobile / desktop`,
    `${fmt(m.performance)} / ${fmt(d.performance)}`,
    `≥ ${BUDGETS.mobileScore} / ${BUDGETS.desktopScore}`,
    m.performance >= BUDGETS.mobileScore && d.performance >= BUDGETS.desktopScore,
  ]);
  rows.push([
    `${page.path}: CLS mobile / desktop`,
    `${fmt(m.cls, 3)} / ${fmt(d.cls, 3)}`,
    `≤ ${BUDGETS.cls}`,
    m.cls <= BUDGETS.cls && d.cls <= BUDGETS.cls,
  ]);
  rows.push([
    `${page.path}: accessibility mobile / desktop`,
    `${fmt(m.accessibility)} / ${fmt(d.accessibility)}`,
    `${BUDGETS.accessibility}`,
    m.accessibility >= BUDGETS.accessibility && d.accessibility >= BUDGETS.accessibility,
  ]);
  rows.push([
    `${page.path}: LCP / TBT mobile, transfer, requests, chain`,
    `${fmt(m.lcpMs)} ms / ${fmt(m.tbtMs)} ms, ${fmt(m.transferKb)} KiB, ${fmt(m.requests)}, ${fmt(m.chainDepth)}`,
    page.path === '/orders'
      ? `requests ≤ ${BUDGETS.ordersRequests}, chain ≤ ${BUDGETS.chainDepth}`
      : `chain ≤ ${BUDGETS.chainDepth}`,
    m.chainDepth <= BUDGETS.chainDepth &&
      (page.path !== '/orders' || m.requests <= BUDGETS.ordersRequests),
  ]);
  if (page.path === '/orders') {
    rows.push([
      '/orders: GET /orders per load (max over runs)',
      `${fmt(Math.max(m.ordersGets, d.ordersGets))}`,
      `${BUDGETS.ordersGetsPerLoad}`,
      Math.max(m.ordersGets, d.ordersGets) <= BUDGETS.ordersGetsPerLoad,
    ]);
  }
}
const s = report.status;
if (s) {
  rows.push([
    `Payment outcome on screen, p50 / p95 (n=${s.payment.samples.length})`,
    `${fmt(s.payment.p50)} / ${fmt(s.payment.p95)} ms`,
    `p95 ≤ ${BUDGETS.paymentP95Ms} ms`,
    s.payment.p95 <= BUDGETS.paymentP95Ms && s.payment.samples.length >= (QUICK ? 1 : 20),
  ]);
  rows.push([
    `PAID → SHIPPED on screen, p50 / p95 (n=${s.shipping.samples.length}, pages open ≥ ${fmt(s.shipping.warmUpS)} s)`,
    `${fmt(s.shipping.p50)} / ${fmt(s.shipping.p95)} ms`,
    `p95 ≤ ${BUDGETS.shippingP95Ms} ms`,
    s.shipping.p95 <= BUDGETS.shippingP95Ms && s.shipping.samples.length >= (QUICK ? 1 : 20),
  ]);
  rows.push([
    'Order requests/min, payment pending (max in any minute)',
    `${fmt(s.rate.pending.median, 1)} (${fmt(s.rate.pending.max)})`,
    `≤ ${BUDGETS.maxRequestsPerMinute}`,
    s.rate.pending.max <= BUDGETS.maxRequestsPerMinute,
  ]);
  rows.push([
    `Order requests/min, awaiting shipping (max in any minute, first ${fmt(s.rate.shipping.windowS)} s)`,
    `${fmt(s.rate.shipping.median, 1)} (${fmt(s.rate.shipping.max)})`,
    `≤ ${BUDGETS.maxRequestsPerMinute}`,
    s.rate.shipping.max <= BUDGETS.maxRequestsPerMinute,
  ]);
  rows.push([
    'Order requests/min, all settled (after the load)',
    `${fmt(s.rate.settled.perMinute, 1)}`,
    `${BUDGETS.settledRequestsPerMinute}`,
    s.rate.settled.perMinute <= BUDGETS.settledRequestsPerMinute,
  ]);
}

const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
console.log(`\nSock Shop storefront bench — ${report.date}\n${report.machine}\n`);
for (const [name, value, budget, ok] of rows) {
  console.log(`${ok ? '✓' : '✗'} ${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${budget}`);
}
if (report.lighthouse) {
  console.log('\nMarkdown (README "Performance"):\n');
  console.log(
    '| Page | Lighthouse mobile / desktop | CLS mobile / desktop | LCP mobile | Transfer, requests (mobile) | Chain |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const page of report.lighthouse) {
    const m = page.mobile;
    const d = page.desktop;
    console.log(
      `| \`${page.label}\` | ${fmt(m.performance)} / ${fmt(d.performance)} | ${fmt(m.cls, 3)} / ${fmt(d.cls, 3)} | ${fmt(m.lcpMs)} ms | ${fmt(m.transferKb)} KiB, ${fmt(m.requests)} | ${fmt(m.chainDepth)} |`,
    );
  }
}
console.log(
  `\nmedian of ${QUICK ? 1 : 3} Lighthouse runs; wrote ${OUT}; ${report.runtimeS} s in all`,
);
const broken = rows.filter((r) => !r[3]);
if (CHECK && broken.length > 0) {
  console.error(`\n✗ ${broken.length} budget(s) broken: ${broken.map((r) => r[0]).join('; ')}`);
  process.exit(1);
}
