import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';

/** The mock backend for Vitest (and any Node process): the app's `/api/*` requests. */
export const server = setupServer(...createHandlers('/api'));
