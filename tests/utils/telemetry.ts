import { onTestFinished, vi } from 'vitest';
import { addSink, type StampedEvent } from '@/lib/telemetry';

/** Telemetry events tracked during the test. */
export function recordTelemetry(): StampedEvent[] {
  const events: StampedEvent[] = [];
  const remove = addSink((event) => events.push(event));
  onTestFinished(() => {
    remove();
  });
  return events;
}

/**
 * Takes over the console.error spy of the test setup (which fails any test that logs an error)
 * for a test where React is expected to report a caught error: the lines are kept to check.
 */
export function recordConsoleErrors(): string[] {
  const logged: string[] = [];
  vi.mocked(console.error).mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
  return logged;
}
