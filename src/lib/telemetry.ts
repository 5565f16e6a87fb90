/**
 * Typed telemetry events with pluggable sinks. Each event carries a correlation id that is also
 * sent to the backend as X-Request-ID, so front-end events and backend logs join on it.
 */
export type TelemetryEvent =
  | { type: 'checkout_started'; idempotencyKey: string; requestId: string }
  | {
      type: 'checkout_failed';
      kind: string;
      requestId: string;
      idempotencyKey: string;
      httpStatus?: number;
      orderId?: string;
    }
  | { type: 'checkout_succeeded'; requestId: string; orderId: string }
  | { type: 'order_status_changed'; orderId: string; from: string; to: string }
  | { type: 'order_status_unknown'; orderId: string; raw: string }
  | { type: 'payment_circuit_opened'; consecutiveFailures: number }
  | { type: 'payment_circuit_closed' }
  /** "Order these again": the cart was filled from a failed order (mode fill: the cart was empty). */
  | {
      type: 'recovery_started';
      failedOrderId: string;
      mode: 'fill' | 'add' | 'replace';
      items: number;
      priceChanges: number;
      leftOut: number;
      cartWrites: number;
    }
  /** The checkout that followed a recovery was paid: joins recovery_started on failedOrderId. */
  | { type: 'recovery_paid'; failedOrderId: string; orderId: string }
  /**
   * A page could not be drawn (its code failed to load, or it threw): `error` is the error's name.
   * With `part`: only that part of the shell failed (header links, order updates…), the page stayed.
   */
  | { type: 'page_error'; path: string; error: string; part?: string }
  | {
      type: 'api_error';
      kind: string;
      requestId: string;
      method: string;
      path: string;
      httpStatus?: number;
    };

export type StampedEvent = TelemetryEvent & { at: string };

export type Sink = (event: StampedEvent) => void;

const sinks = new Set<Sink>();

export function addSink(sink: Sink): () => void {
  sinks.add(sink);
  return () => sinks.delete(sink);
}

export function track(event: TelemetryEvent): void {
  const stamped = { ...event, at: new Date().toISOString() } as StampedEvent;
  for (const sink of sinks) {
    try {
      sink(stamped);
    } catch {
      // A broken sink never breaks the storefront.
    }
  }
}

/** Keeps the last events in memory: for tests and the QA panel. */
export function createMemorySink(limit = 50) {
  const events: StampedEvent[] = [];
  const sink: Sink = (event) => {
    events.push(event);
    if (events.length > limit) events.shift();
  };
  return { sink, events };
}

/** Sends each event with navigator.sendBeacon, which survives page unloads. */
export function createBeaconSink(url: string): Sink {
  return (event) => {
    if (typeof navigator.sendBeacon === 'function') {
      navigator.sendBeacon(url, new Blob([JSON.stringify(event)], { type: 'application/json' }));
    }
  };
}

/** Structured console output for development. */
export const consoleSink: Sink = (event) => {
  console.info('[telemetry]', event.type, event);
};
