import { startTransition, useEffect, useState } from 'react';
import type * as StorefrontModule from './storefront';

export type Storefront = typeof StorefrontModule;

/**
 * The storefront chunk (./storefront.ts: every page and the header's parts), downloaded as soon as
 * the entry runs, and read by components through `useStorefront`.
 *
 * Not `React.lazy`: React throttles the reveal of suspended content to 300 ms after the last
 * fallback it showed, so a page whose code arrived at once still waited that long behind its
 * loading state. An ordinary update when the chunk arrives draws the page in the same frame.
 */
let chunk: { loaded: Storefront } | { failed: unknown } | undefined;
const listeners = new Set<() => void>();

function settle(state: NonNullable<typeof chunk>) {
  chunk = state;
  for (const listener of listeners) listener();
}

export const storefrontChunk: Promise<Storefront> = import('./storefront').then(
  (loaded) => {
    settle({ loaded });
    return loaded;
  },
  (failed: unknown) => {
    settle({ failed });
    throw failed;
  },
);
// Nobody need await it (components read it through the hook): no unhandled rejection report.
storefrontChunk.catch(() => undefined);
// Component tests (jsdom) render as if the chunk had arrived: a cold module graph takes longer to
// transform than their waits allow. Browsers load it lazily (the test-mode branch is not built).
if (import.meta.env.MODE === 'test') await storefrontChunk.catch(() => undefined);

/**
 * Whether the storefront chunk has arrived (`loaded`), could not be downloaded (`failed`: that
 * stays so until the page is loaded again) or is still on its way (`undefined`). The update when it
 * settles is a transition, so React draws the page in slices that leave the main thread free for
 * the shopper's input.
 */
export function useStorefrontChunk(): typeof chunk {
  const [state, setState] = useState(chunk);
  useEffect(() => {
    const settled = () => startTransition(() => setState(chunk));
    settled(); // In case it settled between this component's render and now.
    listeners.add(settled);
    return () => {
      listeners.delete(settled);
    };
  }, []);
  return state;
}

/**
 * The storefront chunk once it has arrived, `undefined` until then. Throws (to the nearest error
 * boundary) when it could not be downloaded.
 */
export function useStorefront(): Storefront | undefined {
  const state = useStorefrontChunk();
  if (state && 'failed' in state) throw state.failed;
  return state?.loaded;
}
