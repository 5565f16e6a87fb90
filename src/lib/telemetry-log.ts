import { createMemorySink, type Sink, type StampedEvent } from './telemetry';

/**
 * A memory sink that can be watched: the last `limit` events as an immutable snapshot, plus
 * `subscribe` for `useSyncExternalStore`. The QA panel reads it; tests can read it too.
 */
export interface EventLog {
  sink: Sink;
  /** The same array until the next event arrives (oldest first). */
  getSnapshot: () => readonly StampedEvent[];
  subscribe: (onChange: () => void) => () => void;
  clear: () => void;
}

export function createEventLog(limit = 50): EventLog {
  const memory = createMemorySink(limit);
  const listeners = new Set<() => void>();
  let snapshot: readonly StampedEvent[] = [];
  let notifyScheduled = false;

  // Listeners hear about events a microtask later: an event tracked while some component renders
  // must not make another component update during that render.
  const notify = () => {
    if (notifyScheduled) return;
    notifyScheduled = true;
    queueMicrotask(() => {
      notifyScheduled = false;
      for (const listener of listeners) listener();
    });
  };

  return {
    sink: (event) => {
      memory.sink(event);
      snapshot = [...memory.events];
      notify();
    },
    getSnapshot: () => snapshot,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    clear: () => {
      memory.events.length = 0;
      snapshot = [];
      notify();
    },
  };
}
