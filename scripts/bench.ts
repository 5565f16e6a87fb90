/**
 * Benchmarks: medians over repeated runs, and ratios, because machines here are shared and noisy.
 * Run with `npm run bench`. Nothing here fails a build; the size budget is enforced by
 * `npm run check:bundle`.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The modules below are written for Vite; outside it these build-time constants need a value.
(globalThis as { __MOCK_API__?: boolean }).__MOCK_API__ = false;

const { describeOrderStatus } = await import('../src/domain/order-status');
const { orderSchema } = await import('../src/domain/order');
const z = await import('zod/mini');
const { halOrder } = await import('../tests/utils/fixtures');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(runs: number, task: () => void): number[] {
  const samples: number[] = [];
  task(); // warm-up
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    task();
    samples.push(performance.now() - start);
  }
  return samples;
}

// 1. Status mapping: every place a status appears calls it.
const statuses = [
  'PAID',
  'PAYMENT_FAILED',
  'shipped',
  'SHIPPED',
  'REFUNDED',
  undefined,
  ' pending ',
];
const statusMs = median(
  time(9, () => {
    for (let i = 0; i < 100_000; i += 1) describeOrderStatus(statuses[i % statuses.length]);
  }),
);
console.log(
  `describeOrderStatus: ${((statusMs * 1e6) / 100_000).toFixed(0)} ns per call (median of 9 runs of 100k)`,
);

// 2. Reading GET /orders: 500 HAL orders, validated and mapped, against JSON.parse alone.
const hal = (i: number) =>
  halOrder((0x690000000000 + i).toString(16).padStart(24, '0'), {
    date: `2025-10-30T08:${String(i % 60).padStart(2, '0')}:00.000+0000`,
    status: statuses[i % statuses.length],
  });
const body = JSON.stringify(Array.from({ length: 500 }, (_, i) => hal(i)));
const listSchema = z.array(orderSchema);
const parseOnly = median(time(25, () => void JSON.parse(body)));
const parseAndValidate = median(
  time(25, () => {
    const result = listSchema.safeParse(JSON.parse(body));
    if (!result.success) throw new Error('bench data is invalid');
  }),
);
console.log(
  `GET /orders, 500 orders (${(body.length / 1024).toFixed(0)} kB): JSON.parse ${parseOnly.toFixed(2)} ms, ` +
    `parse + validate + map ${parseAndValidate.toFixed(2)} ms (median of 25), ratio ${(parseAndValidate / parseOnly).toFixed(1)}×`,
);

// 3. Initial JavaScript of the live build.
if (!existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'ignore' });
console.log(execSync('node scripts/check-bundle.mjs', { encoding: 'utf8' }).trim());
