#!/usr/bin/env node
// Checks the live build in dist/: no mock backend inside, and the initial JavaScript under budget.
// Run after `npm run build`. Exits non-zero on any violation.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
// Initial JavaScript budget (issue 10): 85 kB gzip (level 9, 1 kB = 1024 bytes).
const budgetKb = Number(process.env.INITIAL_JS_BUDGET_KB ?? 85);
const problems = [];

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist}/index.html is missing: run \`npm run build\` first.`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// 1. No mock backend: no worker script, no MSW runtime, no scenario machinery.
const files = walk(dist);
const markers = [
  'mockServiceWorker',
  'setupWorker',
  'MSW_',
  'msw/browser',
  'sockshop-mock-db',
  'sockshop-mock-scenario',
  'payment-recovers',
  'QA panel (mock backend)',
  'Reset mock data',
];
for (const file of files) {
  if (file.endsWith('mockServiceWorker.js'))
    problems.push(`${file}: the mock service worker is in the live build`);
  if (!/\.(js|html|css|map)$/.test(file)) continue;
  const text = readFileSync(file, 'utf8');
  for (const marker of markers) {
    if (text.includes(marker)) problems.push(`${file}: contains "${marker}" (mock backend code)`);
  }
}

// 2. Initial JavaScript: the entry script and everything it preloads, gzipped.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g),
].map((match) => match[1]);
let total = 0;
for (const asset of initial) {
  const bytes = gzipSync(readFileSync(join(dist, asset)), { level: 9 }).length;
  total += bytes;
  console.log(`  ${asset}: ${(bytes / 1024).toFixed(1)} kB gzip`);
}
const totalKb = total / 1024;
console.log(
  `initial JavaScript: ${totalKb.toFixed(1)} kB gzip (budget ${budgetKb} kB), ${initial.length} file(s)`,
);
if (initial.length === 0) problems.push('no initial script found in index.html');
// The stylesheets index.html loads (reported, no budget).
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/?([^"]+\.css)"/g)].map(
  (match) => match[1],
);
const cssKb =
  css.reduce(
    (sum, asset) => sum + gzipSync(readFileSync(join(dist, asset)), { level: 9 }).length,
    0,
  ) / 1024;
console.log(`initial CSS: ${cssKb.toFixed(1)} kB gzip, ${css.length} file(s)`);
if (totalKb > budgetKb)
  problems.push(
    `initial JavaScript ${totalKb.toFixed(1)} kB gzip is over the ${budgetKb} kB budget`,
  );

// 3. The operator view (every customer's orders, issue 9) cannot be reached from the shopper entry:
// follow every static import, dynamic import and preload list from index.html's scripts, and look
// for the view's route and the order search only it calls. `npm run build:ops` must fail this.
const opsMarkers = ['/ops/payment-issues', 'search/customerId'];
const entries = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((match) => match[1]);
const reachable = new Set();
const pending = entries.map((entry) => join(dist, entry));
while (pending.length > 0) {
  const file = pending.pop();
  if (reachable.has(file) || !existsSync(file)) continue;
  reachable.add(file);
  const text = readFileSync(file, 'utf8');
  // "./chunk.js" (relative to the chunk) or "assets/chunk.js" (relative to the root, preload lists).
  for (const [, ref] of text.matchAll(/["'`]((?:\.{1,2}\/)?[\w./-]*?[\w-]+\.js)["'`]/g)) {
    for (const candidate of [join(dirname(file), ref), join(dist, ref)]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) pending.push(candidate);
    }
  }
  for (const marker of opsMarkers) {
    if (text.includes(marker))
      problems.push(
        `${file}: contains "${marker}" (operator view reachable from the shopper entry)`,
      );
  }
}
console.log(`${reachable.size} script(s) reachable from the entry checked for the operator view`);
if (reachable.size === 0) problems.push('no entry script found to follow');

if (problems.length > 0) {
  console.error(problems.map((problem) => `✗ ${problem}`).join('\n'));
  process.exit(1);
}
console.log(`✓ ${files.length} files checked: no mock backend code in ${dist}/`);
