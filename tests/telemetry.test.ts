import { http, HttpResponse } from 'msw';
import * as z from 'zod/mini';
import { afterEach, expect, test, vi } from 'vitest';
import { setupTelemetry, telemetryLog, telemetryOptionsFromEnv } from '@/app/telemetry-setup';
import { apiRequest } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { track, type StampedEvent } from '@/lib/telemetry';
import { server } from '../mocks/node';
import { setScenario } from '../mocks/scenarios';
import { api, login } from './mocks/support';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  telemetryLog.clear();
});

const anything = z.unknown();

async function failingRequest(path: string): Promise<unknown> {
  try {
    await apiRequest(path, { schema: anything });
  } catch (error) {
    return error;
  }
  throw new Error(`${path} did not fail`);
}

function apiErrors(): Extract<StampedEvent, { type: 'api_error' }>[] {
  return telemetryLog
    .getSnapshot()
    .filter((event): event is Extract<StampedEvent, { type: 'api_error' }> => {
      return event.type === 'api_error';
    });
}

test('an API failure becomes an api_error event with the X-Request-ID that was sent', async () => {
  stop = setupTelemetry({ console: false, beaconUrl: undefined });
  const sent: (string | null)[] = [];
  server.use(
    http.get('*/api/orders', ({ request }) => {
      sent.push(request.headers.get('x-request-id'));
      return HttpResponse.json({ message: 'boom', error: {} }, { status: 500 });
    }),
  );

  const error = await failingRequest('/orders');

  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(isApiError(error) && error.requestId).toBe(sent[0]);
  expect(apiErrors()).toEqual([
    expect.objectContaining({
      type: 'api_error',
      kind: isApiError(error) ? error.kind : 'never',
      requestId: sent[0],
      method: 'GET',
      path: '/orders',
      httpStatus: 500,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    }),
  ]);
});

test('through the mock backend: the id echoed back in X-Request-ID is the one in the event', async () => {
  stop = setupTelemetry({ console: false, beaconUrl: undefined });
  await login();
  setScenario('orders-down');
  // The mock answers every request with the X-Request-ID it received.
  const echoed = (await api('/orders', { headers: { 'X-Request-ID': 'probe-1' } })).headers.get(
    'x-request-id',
  );
  expect(echoed).toBe('probe-1');

  let reply: string | null = null;
  server.events.on('response:mocked', ({ response }) => {
    reply = response.headers.get('x-request-id');
  });
  const error = await failingRequest('/orders');
  server.events.removeAllListeners('response:mocked');

  const [event] = apiErrors();
  expect(event?.requestId).toBe(reply);
  expect(event?.requestId).toBe(isApiError(error) ? error.requestId : 'never');
  expect(event).toMatchObject({ method: 'GET', path: '/orders', httpStatus: 500 });
});

test('a failure with no answer (network) has no HTTP status', async () => {
  stop = setupTelemetry({ console: false, beaconUrl: undefined });
  server.use(http.get('*/api/tags', () => HttpResponse.error()));

  await failingRequest('/tags');

  expect(apiErrors()).toEqual([
    expect.objectContaining({ kind: 'network', path: '/tags', httpStatus: undefined }),
  ]);
});

test('setting up twice does not count a failure twice; after teardown nothing is recorded', async () => {
  setupTelemetry({ console: false, beaconUrl: undefined });
  stop = setupTelemetry({ console: false, beaconUrl: undefined });
  server.use(http.get('*/api/tags', () => new HttpResponse(null, { status: 503 })));

  await failingRequest('/tags');
  expect(apiErrors()).toHaveLength(1);

  stop();
  await failingRequest('/tags');
  expect(apiErrors()).toHaveLength(1);
});

test('production with VITE_TELEMETRY_URL: events go out with navigator.sendBeacon', async () => {
  const sendBeacon = vi.fn((_url: string | URL, _data?: BodyInit | null) => true);
  vi.stubGlobal('navigator', { ...navigator, sendBeacon });
  try {
    stop = setupTelemetry(
      telemetryOptionsFromEnv({
        ...import.meta.env,
        DEV: false,
        PROD: true,
        VITE_TELEMETRY_URL: 'https://telemetry.example/ingest',
      }),
    );
    track({ type: 'checkout_succeeded', requestId: 'r-1', orderId: 'o-1' });

    expect(sendBeacon).toHaveBeenCalledOnce();
    const [url, body] = sendBeacon.mock.calls[0] ?? [];
    expect(url).toBe('https://telemetry.example/ingest');
    expect(body).toBeInstanceOf(Blob);
    expect(JSON.parse(await (body as Blob).text())).toMatchObject({
      type: 'checkout_succeeded',
      orderId: 'o-1',
    });
    // Memory always: the QA panel reads it.
    expect(telemetryLog.getSnapshot().map((event) => event.type)).toEqual(['checkout_succeeded']);
  } finally {
    vi.unstubAllGlobals();
  }
});

test('which sinks each environment gets', () => {
  const env = import.meta.env;
  expect(telemetryOptionsFromEnv({ ...env, DEV: true, PROD: false })).toEqual({
    console: true,
    beaconUrl: undefined,
  });
  expect(
    telemetryOptionsFromEnv({ ...env, DEV: true, PROD: false, VITE_TELEMETRY_URL: '/t' }),
  ).toEqual({ console: true, beaconUrl: undefined });
  expect(
    telemetryOptionsFromEnv({ ...env, DEV: false, PROD: true, VITE_TELEMETRY_URL: ' ' }),
  ).toEqual({ console: false, beaconUrl: undefined });
  expect(
    telemetryOptionsFromEnv({ ...env, DEV: false, PROD: true, VITE_TELEMETRY_URL: '/t' }),
  ).toEqual({ console: false, beaconUrl: '/t' });
});

test('development: events are written to the console', () => {
  const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  stop = setupTelemetry({ console: true, beaconUrl: undefined });
  track({ type: 'order_status_unknown', orderId: 'o-2', raw: 'REFUNDED' });
  expect(info).toHaveBeenCalledWith(
    '[telemetry]',
    'order_status_unknown',
    expect.objectContaining({ orderId: 'o-2', raw: 'REFUNDED' }),
  );
});
