import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createId } from '@/lib/ids';
import { type Attempt, attemptFor } from '../model/attempt';

/**
 * The open checkout attempt, kept in sessionStorage so a reload or a closed tab mid-payment reuses
 * the same idempotency key. It holds a key, a cart fingerprint and a time: no card data, no order.
 */
interface AttemptState {
  attempt: Attempt | null;
  /** How the last awaited order ended, for the checkout page if it is open. */
  settledOrder: { orderId: string; paid: boolean } | null;
  actions: {
    /** Starts or resumes the attempt for this cart and returns it. */
    paymentStarted: (cart: { fingerprint: string; total: number }) => Attempt;
    /** A definite answer: the next try gets a new key. */
    attemptSettled: () => void;
    /** No definite answer: keep the key so asking again cannot charge twice. */
    outcomeUnknown: () => void;
    /** Saved, payment not decided: keep the key and the cart, and watch the order. */
    orderAwaiting: (orderId: string) => void;
    /** The awaited order's payment was decided: the attempt is over. */
    awaitedOrderSettled: (orderId: string, paid: boolean) => void;
  };
}

const useAttemptStore = create<AttemptState>()(
  persist(
    (set, get) => ({
      attempt: null,
      settledOrder: null,
      actions: {
        paymentStarted: (cart) => {
          const attempt = attemptFor(get().attempt, cart, createId, Date.now());
          set({ attempt });
          return attempt;
        },
        attemptSettled: () => set({ attempt: null }),
        outcomeUnknown: () => {
          const attempt = get().attempt;
          if (attempt) set({ attempt: { ...attempt, phase: 'unknown' } });
        },
        orderAwaiting: (orderId) => {
          const attempt = get().attempt;
          if (attempt)
            set({ attempt: { ...attempt, phase: 'awaiting', orderId }, settledOrder: null });
        },
        awaitedOrderSettled: (orderId, paid) =>
          set({ attempt: null, settledOrder: { orderId, paid } }),
      },
    }),
    {
      name: 'sockshop-checkout-attempt',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ attempt: state.attempt }),
    },
  ),
);

/** Loads the tab's attempt from sessionStorage, as a page load does. */
export function restoreAttempt(): void {
  // (setState writes through to storage, so it only runs when there is nothing stored.)
  const name = useAttemptStore.persist.getOptions().name ?? '';
  if (sessionStorage.getItem(name) === null) useAttemptStore.setState({ attempt: null });
  else void useAttemptStore.persist.rehydrate();
}

export const useOpenAttempt = () => useAttemptStore((state) => state.attempt);
export const useSettledOrder = () => useAttemptStore((state) => state.settledOrder);
export const useAttemptActions = () => useAttemptStore((state) => state.actions);
