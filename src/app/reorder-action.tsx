import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocation } from 'wouter';
import type { Order } from '@/domain/order';
import { statusKeyOf } from '@/domain/order-status';
import { socksQuery } from '@/features/catalogue/api/get-socks';
import type { Sock } from '@/features/catalogue/api/sock-schema';
import { cartKeys } from '@/features/checkout/api/cart';
import type { Outcome } from '@/features/checkout/model/checkout-machine';
import type { MessageAction } from '@/features/checkout/model/checkout-messages';
import { orderQuery } from '@/features/orders/api/order-queries';
import {
  OrderAgain,
  OrderAgainFeedback,
  useOrderAgain,
} from '@/features/reorder/components/order-again';
import { RecoveryNotice } from '@/features/reorder/components/recovery-notice';
import type { CatalogueEntry } from '@/features/reorder/model/plan';
import { useRecovery } from '@/features/reorder/stores/recovery-store';

/**
 * Order recovery, composed from the features it needs: the reorder feature plans and writes the
 * cart; the catalogue gives today's socks and prices; the checkout owns the cart query (its key
 * is invalidated) and the payment; the orders feature shows the entry points.
 */
function toEntry(sock: Sock): CatalogueEntry {
  const imageUrl = sock.imageUrl[0];
  return {
    id: sock.id,
    name: sock.name,
    price: sock.price,
    count: sock.count,
    ...(imageUrl ? { imageUrl } : {}),
  };
}

/** Only an order whose payment failed, and that had socks in it, can be ordered again. */
export function isRecoverable(order: Order): boolean {
  return statusKeyOf(order.status) === 'payment-failed' && order.items.length > 0;
}

/** What every "Order these again" needs: today's catalogue, the cart's key, the way to checkout. */
function useOrderAgainOptions() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  // Today's prices: the catalogue is read fresh when the shopper asks.
  const loadCatalogue = useCallback(
    async () => (await queryClient.fetchQuery({ ...socksQuery(), staleTime: 0 })).map(toEntry),
    [queryClient],
  );
  const onFilled = useCallback(() => navigate('/checkout'), [navigate]);
  return { loadCatalogue, cartKey: cartKeys.all, onFilled };
}

/** "Order these again" for a failed order; nothing for any other order. */
export function OrderAgainAction({ order }: { order: Order }) {
  const options = useOrderAgainOptions();
  if (!isRecoverable(order)) return null;
  return <OrderAgain order={order} {...options} />;
}

const ORDER_AGAIN = 'order-again:';

/** The failed order a checkout outcome names, if it names one. */
function failedOrderOf(outcome: Outcome): string | undefined {
  if (outcome.kind === 'payment-failed') return outcome.order?.id;
  if (outcome.kind === 'unknown-failed') return outcome.order.id;
  return undefined;
}

/**
 * The checkout's failure message gets "Order these again" when it names the order recorded as
 * Payment failed (the message module's extension point for failed outcomes).
 */
export function checkoutExtraActions(_message: unknown, outcome: Outcome): MessageAction[] {
  const id = failedOrderOf(outcome);
  return id ? [{ kind: 'command', id: `${ORDER_AGAIN}${id}`, label: 'Order these again' }] : [];
}

/** Runs the checkout message's "Order these again" command; render `feedback` on the page. */
export function useCheckoutOrderAgain() {
  const queryClient = useQueryClient();
  const flow = useOrderAgain(useOrderAgainOptions());
  const { start } = flow;
  const onCommand = useCallback(
    (action: Extract<MessageAction, { kind: 'command' }>) => {
      if (!action.id.startsWith(ORDER_AGAIN)) return;
      const id = action.id.slice(ORDER_AGAIN.length);
      // The message knows only the order's id: its lines are read fresh.
      void start(() => queryClient.fetchQuery({ ...orderQuery(id), staleTime: 0 }));
    },
    [queryClient, start],
  );
  return { onCommand, feedback: <OrderAgainFeedback flow={flow} /> };
}

export function orderAgainActions(order: Order) {
  return <OrderAgainAction order={order} />;
}

/** On the checkout: which failed order the cart came from, what changed, before paying. */
export function CheckoutRecoveryNotice() {
  const recovery = useRecovery();
  const failed = useQuery({
    ...orderQuery(recovery?.failedOrderId ?? ''),
    enabled: recovery !== null,
  });
  const socks = useQuery({ ...socksQuery(), enabled: recovery !== null });
  if (!recovery) return null;
  return (
    <RecoveryNotice
      recovery={recovery}
      failedOrder={failed.data}
      catalogue={socks.data?.map(toEntry)}
    />
  );
}
