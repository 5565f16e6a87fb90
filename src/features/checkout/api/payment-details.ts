import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { lastFour } from '@/lib/format';

/**
 * Sock Shop charges the FIRST address and card on file (API reference, section 2.3); GET /address
 * and GET /card show that same first one, or answer 200 {"status_code":500} when none is saved.
 */
const noneSaved = z.object({ status_code: z.number() });

const addressSchema = z.union([
  z.object({
    number: z.string(),
    street: z.string(),
    city: z.string(),
    postcode: z.string(),
    country: z.string(),
  }),
  noneSaved,
]);

const cardSchema = z.union([z.object({ number: z.string() }), noneSaved]);

export interface Address {
  number: string;
  street: string;
  city: string;
  postcode: string;
  country: string;
}

export interface CardOnFile {
  /** Only the last four digits: the API never gives more here, and the app never keeps more. */
  last4: string;
}

export const checkoutKeys = {
  all: ['checkout'] as const,
  address: () => [...checkoutKeys.all, 'address'] as const,
  card: () => [...checkoutKeys.all, 'card'] as const,
};

export async function getAddress(signal?: AbortSignal): Promise<Address | null> {
  const body = await apiRequest('/address', {
    schema: addressSchema,
    errorBodyIsData: true,
    signal,
  });
  return 'status_code' in body ? null : body;
}

export async function getCard(signal?: AbortSignal): Promise<CardOnFile | null> {
  const body = await apiRequest('/card', { schema: cardSchema, errorBodyIsData: true, signal });
  if ('status_code' in body) return null;
  // The API already sends only the last four digits; never keep more if it ever sends more.
  return { last4: lastFour(body.number) ?? body.number.replace(/\D/g, '') };
}

export const addressQuery = () =>
  queryOptions({
    queryKey: checkoutKeys.address(),
    queryFn: ({ signal }) => getAddress(signal),
    staleTime: 0,
  });

export const cardQuery = () =>
  queryOptions({
    queryKey: checkoutKeys.card(),
    queryFn: ({ signal }) => getCard(signal),
    staleTime: 0,
  });

const createdSchema = z.object({ id: z.string() });

export function addAddress(address: Address) {
  return apiRequest('/addresses', { method: 'POST', json: address, schema: createdSchema });
}

export interface NewCard {
  longNum: string;
  expires: string;
  ccv: string;
}

/** The card number goes straight to the API; nothing keeps it after the request. */
export function addCard(card: NewCard) {
  return apiRequest('/cards', { method: 'POST', json: card, schema: createdSchema });
}
