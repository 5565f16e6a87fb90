import { onApiError } from '@/lib/api-client';
import { addSink, consoleSink, createBeaconSink, track } from '@/lib/telemetry';
import { createEventLog } from '@/lib/telemetry-log';

/**
 * Where telemetry goes. Always into memory (the last events, read by the QA panel); to the console
 * in development; with navigator.sendBeacon to VITE_TELEMETRY_URL in production when it is set.
 * Every API failure is forwarded as an `api_error` event carrying the X-Request-ID that was sent,
 * so a front-end event and the backend's logs join on it.
 */
export const telemetryLog = createEventLog(50);

export interface TelemetryOptions {
  /** Structured console output (development). */
  console: boolean;
  /** Beacon endpoint (production only); undefined or empty sends nothing. */
  beaconUrl: string | undefined;
}

export function telemetryOptionsFromEnv(env: ImportMetaEnv = import.meta.env): TelemetryOptions {
  const url = (env.VITE_TELEMETRY_URL as string | undefined)?.trim();
  return { console: env.DEV, beaconUrl: env.PROD && url ? url : undefined };
}

let teardown: (() => void) | null = null;

/**
 * Wires the sinks and the API error listener. Calling it again replaces the previous wiring, so
 * no event is ever counted twice. Returns the function that undoes it.
 */
export function setupTelemetry(options: TelemetryOptions = telemetryOptionsFromEnv()): () => void {
  teardown?.();
  const undo = [
    addSink(telemetryLog.sink),
    options.console ? addSink(consoleSink) : undefined,
    options.beaconUrl ? addSink(createBeaconSink(options.beaconUrl)) : undefined,
    onApiError((error) =>
      track({
        type: 'api_error',
        kind: error.kind,
        requestId: error.requestId,
        method: error.details.method,
        path: error.details.path,
        httpStatus: error.status,
      }),
    ),
  ];
  const stop = () => {
    for (const step of undo) step?.();
    if (teardown === stop) teardown = null;
  };
  teardown = stop;
  return stop;
}
