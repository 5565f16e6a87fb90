/**
 * Helpers of `npm run bench`: servers it starts and stops, a cookie-keeping HTTP client for the
 * Sock Shop API behind `vite preview`, the mock's test controls, and statistics.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A server process in its own process group, so stopping it stops its children (npm → node). */
export class Server {
  private readonly child: ChildProcess;
  private output = '';
  readonly name: string;

  constructor(
    name: string,
    command: string,
    args: string[],
    env: Record<string, string> = {},
    cwd = process.cwd(),
  ) {
    this.name = name;
    this.child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  async ready(url: string, timeoutMs = 60_000): Promise<void> {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      if (this.child.exitCode !== null) break;
      try {
        const response = await fetch(url);
        if (response.status < 500) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`${this.name} did not start at ${url}:\n${this.output}`);
  }

  stop(): void {
    if (this.child.pid === undefined || this.child.exitCode !== null) return;
    try {
      process.kill(-this.child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** A browser-like client of the storefront's API (through `vite preview`'s /api proxy). */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${this.base}/api${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.cookies.size > 0
          ? { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }
}

/** The mock's test controls (mocks/control.ts, mocks/status-control.ts). */
export function mockControl(mockUrl: string) {
  return async (method: string, what: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${mockUrl}/__mock/${what}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`mock control ${method} ${what}: ${response.status} ${text}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  };
}

export const HOLY_ID = '03fef6ac-1896-4ce8-bd69-b798f85c6e0b';
export const NERD_LEG_ID = '808a2de1-1aaa-4c25-a9b9-6612e8f29a38';
export const CLASSIC_ID = '3395a43e-2d88-40de-b95f-e00e1502085b';

/** A new shopper with an address and a card, signed in on `api`. Returns the username. */
export async function newShopper(api: ApiClient, prefix: string): Promise<string> {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const username = `${prefix}_${suffix}`;
  await api.request('POST', '/register', {
    username,
    password: `pw-${suffix}`,
    email: `${username}@example.com`,
    firstName: 'Bench',
    lastName: 'Shopper',
  });
  await api.request('POST', '/addresses', {
    number: '12',
    street: 'Test Street',
    city: 'Leeds',
    postcode: 'LS1 4AP',
    country: 'United Kingdom',
  });
  await api.request('POST', '/cards', {
    longNum: '4111111111111111',
    expires: '08/29',
    ccv: '123',
  });
  return username;
}

/** Initial JavaScript (entry + modulepreloads in index.html) and CSS of a build, gzip level 9. */
export function initialAssets(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const js = files(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g);
  const css = files(/<link[^>]+rel="stylesheet"[^>]+href="\/?([^"]+\.css)"/g);
  return {
    jsFiles: js,
    cssFiles: css,
    jsKb: js.reduce((sum, f) => sum + gz(f), 0) / 1024,
    cssKb: css.reduce((sum, f) => sum + gz(f), 0) / 1024,
  };
}
