import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { deleteCookie } from '@/lib/cookies';

export const authKeys = {
  all: ['auth'] as const,
  customer: () => [...authKeys.all, 'customer'] as const,
};

function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** GET /login with Basic auth: 200 "Cookie is set" and a `logged_in` cookie, or 401. */
export async function signIn(username: string, password: string): Promise<void> {
  await apiRequest('/login', { headers: { Authorization: basicAuth(username, password) } });
}

export interface Registration {
  username: string;
  password: string;
  email: string;
  firstName: string;
  lastName: string;
}

const registeredSchema = z.object({ id: z.string() });

/** POST /register: 200 {id} and a `logged_in` cookie; a taken username answers 500 with no body. */
export async function register(registration: Registration): Promise<{ id: string }> {
  return apiRequest('/register', { method: 'POST', json: registration, schema: registeredSchema });
}

/** Sign-out is client-side in Sock Shop: the `logged_in` cookie is deleted. */
export function signOut(): void {
  deleteCookie('logged_in');
}

const customerSchema = z.union([
  z.object({
    id: z.string(),
    username: z.string(),
    firstName: z.optional(z.string()),
    lastName: z.optional(z.string()),
  }),
  // Not signed in: 200 {"error":"Invalid Id Hex","status_code":500,...}
  z.object({ status_code: z.number() }),
]);

export interface Customer {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
}

/** GET /customers/<any>: the id is ignored, the session's customer answers. Null when signed out. */
export async function getCustomer(signal?: AbortSignal): Promise<Customer | null> {
  const body = await apiRequest('/customers/me', {
    schema: customerSchema,
    errorBodyIsData: true,
    signal,
  });
  if ('status_code' in body) return null;
  return {
    id: body.id,
    username: body.username,
    firstName: body.firstName ?? '',
    lastName: body.lastName ?? '',
  };
}

export const customerQuery = (signedIn: boolean) =>
  queryOptions({
    queryKey: [...authKeys.customer(), { signedIn }],
    queryFn: ({ signal }) => (signedIn ? getCustomer(signal) : Promise.resolve(null)),
    staleTime: 60_000,
  });
