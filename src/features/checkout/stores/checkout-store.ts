import { create } from 'zustand';
import { config } from '@/config/env';
import { type Attempt, parseAttempt } from '../model/attempt';
import {
  type CheckoutEffect,
  type CheckoutEvent,
  type CheckoutState,
  initialCheckoutState,
  transition,
} from '../model/checkout-machine';

/**
 * The tab's checkout machine: its state, and the effects it asked for that the interpreter
 * (`useCheckoutInterpreter`, mounted once by the app) has not run yet. Anything that learns about
 * checkout (the page, the pending-order watcher, the health probe, the session) dispatches here.
 */
export type EffectRunner = (effect: CheckoutEffect) => void;

interface CheckoutStore {
  machine: CheckoutState;
  /** Effects waiting for the interpreter, in the order the machine asked for them. */
  outbox: CheckoutEffect[];
  runner: EffectRunner | null;
  running: boolean;
}

const ATTEMPT_KEY = 'sockshop-checkout-attempt';

const useCheckoutStore = create<CheckoutStore>()(() => ({
  machine: initialCheckoutState({ resendRetries: config.autoRetryCheckout ? 2 : 0 }),
  outbox: [],
  runner: null,
  running: false,
}));

/** Runs waiting effects, first in first out; effects that dispatch add to the end of the line. */
function drain(): void {
  const store = useCheckoutStore.getState();
  if (store.running || !store.runner) return;
  useCheckoutStore.setState({ running: true });
  try {
    for (;;) {
      const { outbox, runner } = useCheckoutStore.getState();
      const [next, ...rest] = outbox;
      if (!next || !runner) break;
      useCheckoutStore.setState({ outbox: rest });
      runner(next);
    }
  } finally {
    useCheckoutStore.setState({ running: false });
  }
}

export function dispatchCheckout(event: CheckoutEvent): void {
  const { machine, outbox } = useCheckoutStore.getState();
  const { state, effects } = transition(machine, event);
  useCheckoutStore.setState({ machine: state, outbox: [...outbox, ...effects] });
  drain();
}

/** The interpreter registers itself; effects wait until it does. Returns the unregister. */
export function registerEffectRunner(runner: EffectRunner): () => void {
  useCheckoutStore.setState({ runner });
  drain();
  return () => {
    if (useCheckoutStore.getState().runner === runner) useCheckoutStore.setState({ runner: null });
  };
}

/** The tab's attempt as stored: a key, a cart fingerprint, a total, a time. No card, no order. */
export function loadAttempt(): Attempt | null {
  try {
    const raw = sessionStorage.getItem(ATTEMPT_KEY);
    return raw === null ? null : parseAttempt(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function saveAttempt(attempt: Attempt | null): void {
  try {
    if (attempt) sessionStorage.setItem(ATTEMPT_KEY, JSON.stringify(attempt));
    else sessionStorage.removeItem(ATTEMPT_KEY);
  } catch {
    // Storage full or blocked: the attempt lives on in memory for this page.
  }
}

/** A page load: the machine starts from the tab's stored attempt. */
export function restoreCheckout(): void {
  useCheckoutStore.setState({ outbox: [] });
  dispatchCheckout({ type: 'restored', attempt: loadAttempt() });
}

export function useCheckoutMachine<T>(select: (state: CheckoutState) => T): T {
  return useCheckoutStore((store) => select(store.machine));
}

export const useCheckoutState = () => useCheckoutStore((store) => store.machine);
