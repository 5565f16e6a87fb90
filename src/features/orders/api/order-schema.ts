/**
 * The HAL order schema and its mapping live in `@/domain/order`, shared with the ops view, so an
 * order is read by the same rules everywhere. This file keeps the orders feature's query keys.
 */
export const orderKeys = {
  all: ['orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  details: () => [...orderKeys.all, 'detail'] as const,
  detail: (id: string) => [...orderKeys.details(), id] as const,
};
