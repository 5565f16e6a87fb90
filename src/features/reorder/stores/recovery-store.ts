import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { track } from '@/lib/telemetry';
import type { ReorderMode, ReorderPlan } from '../model/plan';

/**
 * The recovery under way in this tab: which failed order the cart was filled from, and when. Only
 * the id and a time (client-owned facts): the order itself stays server state, read through the
 * orders queries. Kept in sessionStorage so a reload of the checkout keeps the notice and the
 * telemetry link between "started" and "paid".
 */
export interface Recovery {
  failedOrderId: string;
  startedAt: number;
}

/** A recovery not paid within this time is forgotten: the shopper has moved on. */
export const RECOVERY_TTL_MS = 2 * 60 * 60 * 1000;

interface RecoveryState {
  recovery: Recovery | null;
  actions: {
    /** The cart was filled from the failed order; checkout is next. */
    recoveryStarted: (plan: ReorderPlan, mode: ReorderMode, writes: number) => void;
    /** A checkout was paid: if a recovery was open, it ends with this order. */
    checkoutPaid: (orderId: string) => void;
    /** The shopper put the recovery aside (dismissed the notice). */
    recoveryDismissed: () => void;
  };
}

const useRecoveryStore = create<RecoveryState>()(
  persist(
    (set, get) => ({
      recovery: null,
      actions: {
        recoveryStarted: (plan, mode, writes) => {
          track({
            type: 'recovery_started',
            failedOrderId: plan.failedOrderId,
            mode: plan.cart === 'holds-others' ? mode : 'fill',
            items: plan.lines.reduce((sum, line) => sum + line.quantity, 0),
            priceChanges: plan.lines.filter((line) => line.priceChanged).length,
            leftOut: plan.leftOut.length,
            cartWrites: writes,
          });
          set({ recovery: { failedOrderId: plan.failedOrderId, startedAt: Date.now() } });
        },
        checkoutPaid: (orderId) => {
          const recovery = activeRecovery(get().recovery, Date.now());
          if (recovery) {
            track({ type: 'recovery_paid', failedOrderId: recovery.failedOrderId, orderId });
          }
          set({ recovery: null });
        },
        recoveryDismissed: () => set({ recovery: null }),
      },
    }),
    {
      name: 'sockshop-recovery',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ recovery: state.recovery }),
    },
  ),
);

export function activeRecovery(recovery: Recovery | null, now: number): Recovery | null {
  return recovery && now - recovery.startedAt < RECOVERY_TTL_MS ? recovery : null;
}

/** Loads the tab's recovery from sessionStorage, as a page load does. */
export function restoreRecovery(): void {
  const name = useRecoveryStore.persist.getOptions().name ?? '';
  if (sessionStorage.getItem(name) === null) useRecoveryStore.setState({ recovery: null });
  else void useRecoveryStore.persist.rehydrate();
}

export const useRecovery = () =>
  useRecoveryStore((state) => activeRecovery(state.recovery, Date.now()));
export const useRecoveryActions = () => useRecoveryStore((state) => state.actions);
