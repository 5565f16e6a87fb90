import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { halEntityId } from '@/lib/hal';
import type { Shopper } from '../model/payment-issues';

/**
 * GET /customers: the user service's list of every customer, relayed by the front-end with no
 * authentication: `{"_embedded":{"customer":[{firstName, lastName, username, id, _links}]}}`.
 * Only the id and username are kept; the id falls back to the last segment of `_links.self.href`.
 */
const href = z.object({ href: z.string() });

const rawCustomerSchema = z.object({
  id: z.optional(z.nullable(z.string())),
  username: z.optional(z.nullable(z.string())),
  _links: z.optional(z.object({ self: z.optional(href) })),
});

function customerIdOf(raw: z.infer<typeof rawCustomerSchema>): string | undefined {
  return halEntityId(raw.id, raw._links?.self?.href);
}

const customerSchema = z.pipe(
  rawCustomerSchema.check(
    z.refine((raw) => customerIdOf(raw) !== undefined, 'no readable customer id'),
  ),
  z.transform((raw): Shopper => {
    const id = customerIdOf(raw) ?? '';
    return { id, username: raw.username?.trim() || id };
  }),
);

const customersSchema = z.object({
  // An empty list is read as empty whether it comes as `[]`, `null` or with no `_embedded`.
  _embedded: z.optional(z.object({ customer: z.nullable(z.array(customerSchema)) })),
});

export async function getCustomers(signal?: AbortSignal): Promise<Shopper[]> {
  const body = await apiRequest('/customers', { schema: customersSchema, signal });
  return body._embedded?.customer ?? [];
}
