import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { config } from '@/config/env';
import { track } from '@/lib/telemetry';
import {
  attemptEnded,
  attemptStarted,
  type BreakerState,
  closedBreaker,
  paymentFailed,
  paymentSucceeded,
} from '../model/payment-breaker';

/**
 * The payment breaker for this tab. Kept in sessionStorage so it survives navigation and reloads
 * within the tab; a new tab starts closed.
 */
interface BreakerStore {
  breaker: BreakerState;
  actions: {
    orderStarted: () => void;
    paymentWorked: () => void;
    paymentUnavailable: () => void;
    orderEnded: () => void;
  };
}

const settings = () => ({
  threshold: config.breakerThreshold,
  cooldownMs: config.breakerCooldownMs,
});

const useBreakerStore = create<BreakerStore>()(
  persist(
    (set, get) => ({
      breaker: closedBreaker,
      actions: {
        orderStarted: () => set({ breaker: attemptStarted(get().breaker, Date.now()) }),
        paymentWorked: () => {
          if (get().breaker.status !== 'closed') track({ type: 'payment_circuit_closed' });
          set({ breaker: paymentSucceeded() });
        },
        paymentUnavailable: () => {
          const before = get().breaker;
          const after = paymentFailed(before, Date.now(), settings());
          if (after.status === 'open' && (before.status !== 'open' || before.probing)) {
            track({
              type: 'payment_circuit_opened',
              consecutiveFailures: after.consecutiveFailures,
            });
          }
          set({ breaker: after });
        },
        orderEnded: () => set({ breaker: attemptEnded(get().breaker) }),
      },
    }),
    {
      name: 'sockshop-payment-breaker',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      // A probe cannot survive a reload: the page that sent it is gone.
      partialize: (state) => ({ breaker: { ...state.breaker, probing: false } }),
    },
  ),
);

/** Loads the tab's breaker from sessionStorage, as a page load does. */
export function restoreBreaker(): void {
  // (setState writes through to storage, so it only runs when there is nothing stored.)
  const name = useBreakerStore.persist.getOptions().name ?? '';
  if (sessionStorage.getItem(name) === null) useBreakerStore.setState({ breaker: closedBreaker });
  else void useBreakerStore.persist.rehydrate();
}

export const useBreaker = () => useBreakerStore((state) => state.breaker);
export const useBreakerActions = () => useBreakerStore((state) => state.actions);
