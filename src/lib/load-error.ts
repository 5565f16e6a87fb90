import { isApiError } from './api-error';

/** Shopper-facing copy for a failed read. Backend text never reaches the screen. */
export function describeLoadError(error: unknown, what: string): { title: string; body: string } {
  const kind = isApiError(error) ? error.kind : 'server';
  switch (kind) {
    case 'network':
      return { title: `We couldn't load ${what}.`, body: 'Check your connection, then try again.' };
    case 'timeout':
      return { title: `Loading ${what} took too long.`, body: 'Please try again in a moment.' };
    case 'not-found':
      return {
        title: `We couldn't find ${what}.`,
        body: 'It may have been removed, or the link is wrong.',
      };
    case 'not-signed-in':
    case 'unauthorized':
      return { title: `Please sign in to see ${what}.`, body: 'Your session may have expired.' };
    case 'malformed':
      return {
        title: `We couldn't read ${what}.`,
        body: 'The shop sent something we did not expect. Please try again later.',
      };
    default:
      return {
        title: `We couldn't load ${what}.`,
        body: 'The shop is having trouble. Please try again later.',
      };
  }
}
