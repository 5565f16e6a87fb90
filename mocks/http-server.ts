import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { handleControl } from './control';
import { handleStatusControl } from './status-control';
import { createHandlers } from './handlers';
import { isScenarioName, scenarioNames, setScenario, type ScenarioName } from './scenarios';

/**
 * The mock Sock Shop as a real HTTP server speaking the front-end API at the root (`/login`,
 * `/orders`, …) with real cookies (HttpOnly md.sid), for e2e runs and for pointing the
 * storefront's dev proxy at it (`SOCKSHOP_API_URL=http://localhost:8080 npm run dev`).
 *
 *   npm run mock-api                     # PORT=8080 by default
 *   MOCK_SCENARIO=payment-down npm run mock-api
 *
 * Test controls (scenario, knobs, seeds, what was recorded) live under `/__mock/`: see control.ts.
 */
export interface MockApiOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  host?: string;
  scenario?: ScenarioName;
}

export interface MockApi {
  url: string;
  close: () => Promise<void>;
}

const handlers = createHandlers('', { cookieSource: 'header' });

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toRequest(req: IncomingMessage, body: Buffer, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  // Express answers HEAD with its GET route, minus the body.
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const body = await readBody(req);
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', origin).pathname;
  const control =
    handleStatusControl(method, path, body.toString('utf8')) ??
    handleControl(method, path, body.toString('utf8'));
  if (control) {
    const payload = control.body === null ? '' : JSON.stringify(control.body);
    res
      .writeHead(control.status, {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(payload)),
        'Cache-Control': 'no-store',
      })
      .end(payload);
    return;
  }
  const response = await getResponse(handlers, toRequest(req, body, origin), { baseUrl: origin });
  if (!response) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found');
    return;
  }
  if (response.type === 'error') {
    // The real front-end process crashed: the client sees the connection drop.
    req.socket.destroy();
    return;
  }
  const payload = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-length'] = String(payload.length);
  res.writeHead(response.status, response.statusText, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

export function startMockApi(options: MockApiOptions = {}): Promise<MockApi> {
  if (options.scenario) setScenario(options.scenario);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let origin = '';
    const server = createServer((req, res) => {
      handle(req, res, origin).catch((error: unknown) => {
        console.error('[mock api] handler failed', error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
    server.on('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      resolve({
        url: origin,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isMain) {
  const requested = process.env.MOCK_SCENARIO;
  const scenario = requested && isScenarioName(requested) ? requested : undefined;
  if (requested && !scenario) {
    console.error(`Unknown MOCK_SCENARIO "${requested}". Known: ${scenarioNames.join(', ')}`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8080);
  startMockApi({ port, host: process.env.HOST ?? '127.0.0.1', scenario })
    .then(({ url }) => {
      console.log(`Mock Sock Shop API listening on ${url} (scenario: ${scenario ?? 'healthy'})`);
    })
    .catch((error: unknown) => {
      console.error('Mock Sock Shop API failed to start', error);
      process.exit(1);
    });
}
