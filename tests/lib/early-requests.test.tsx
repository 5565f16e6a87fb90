import { http, HttpResponse } from 'msw';
import { afterEach, expect, test, vi } from 'vitest';
import { startPageRequests } from '@/app/early-requests';
import { getSock } from '@/features/catalogue/api/get-sock';
import { startEarly } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { server } from '../../mocks/node';
import { renderApp, screen } from '../utils/render';

/**
 * A product page's sock is asked for by the entry while the page's code downloads
 * (src/app/early-requests.ts); the page then takes that answer instead of asking again.
 */
// One sock per test, so an answer left by one test can never be taken by another.
const HOLY_ID = '03fef6ac-1896-4ce8-bd69-b798f85c6e0b';
const NERD_LEG_ID = '808a2de1-1aaa-4c25-a9b9-6612e8f29a38';
const CLASSIC_ID = '3395a43e-2d88-40de-b95f-e00e1502085b';
const CROSSED_ID = 'd3588630-ad8e-49df-bbd7-3167f7efb246';

function countRequests(pattern: RegExp) {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const { pathname } = new URL(request.url);
    if (pattern.test(pathname)) seen.push(`${request.method} ${pathname}`);
  };
  server.events.on('request:start', listener);
  return { seen, stop: () => server.events.removeListener('request:start', listener) };
}

afterEach(() => vi.useRealTimers());

test('the page takes the answer of the request started early: one request, the same sock', async () => {
  const requests = countRequests(/^\/api\/catalogue\//);
  startEarly(`/catalogue/${NERD_LEG_ID}`);
  const sock = await getSock(NERD_LEG_ID);
  expect(sock.id).toBe(NERD_LEG_ID);
  expect(requests.seen).toEqual([`GET /api/catalogue/${NERD_LEG_ID}`]);

  // Taken once: the next read asks the backend again.
  await getSock(NERD_LEG_ID);
  expect(requests.seen).toHaveLength(2);
  requests.stop();
});

test('an early answer that is an error fails the page read the way any answer would', async () => {
  server.use(
    http.get('*/api/catalogue/:id', () =>
      HttpResponse.json({ error: 'Internal Server Error', status_code: 500 }, { status: 500 }),
    ),
  );
  startEarly(`/catalogue/${CLASSIC_ID}`);
  const failure = await getSock(CLASSIC_ID).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ApiError);
  expect((failure as ApiError).kind).toBe('server');
});

test('an early answer nobody takes within 10 s is dropped', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const requests = countRequests(/^\/api\/catalogue\//);
  startEarly(`/catalogue/${CROSSED_ID}`);
  await vi.advanceTimersByTimeAsync(10_000);
  await getSock(CROSSED_ID);
  expect(requests.seen).toHaveLength(2);
  requests.stop();
});

test('a product page opened with its request started early shows the sock after one request', async () => {
  const requests = countRequests(/^\/api\/catalogue\//);
  startPageRequests(`/socks/${HOLY_ID}`);
  renderApp(`/socks/${HOLY_ID}`);
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Holy' }, { timeout: 5_000 }),
  ).toBeInTheDocument();
  expect(requests.seen.filter((r) => r.endsWith(HOLY_ID))).toHaveLength(1);
  requests.stop();
});

test('no other page starts anything early (orders and carts are read live by their page)', () => {
  const requests = countRequests(/^\/api\//);
  for (const path of [
    '/',
    '/cart',
    '/checkout',
    '/orders',
    '/orders/6900000000000000000000a1',
    '/socks/%E0%A4%A',
  ]) {
    startPageRequests(path);
  }
  expect(requests.seen).toEqual([]);
  requests.stop();
});
