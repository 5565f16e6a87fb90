import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useStorefrontChunk } from './storefront-chunk';

/** The longest the header's extras wait for the page's first answers. */
const PAGE_FIRST_MAX_WAIT_MS = 1_500;

const afterPaint = (run: () => void): (() => void) => {
  // Idle after the next frame: the page's content is on screen and the main thread is free.
  if (typeof requestIdleCallback !== 'function' || typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  let idle: number | undefined;
  const frame = requestAnimationFrame(() => {
    idle = requestIdleCallback(run, { timeout: 500 });
  });
  return () => {
    cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
};

/**
 * Whether the header's extras (its cart and account links, the order notifications) may be drawn.
 * On a page load they come after the page itself: once the storefront chunk has arrived (or
 * failed), the page's first reads have answered (or 1.5 s have passed) and the browser has painted
 * it, so their requests and rendering never hold up what the shopper came for. Stays true once
 * true.
 */
export function usePageFirst(): boolean {
  // Settled: arrived, or failed (then each extra shows its stand-in, and the page says why).
  const settled = useStorefrontChunk() !== undefined;
  const fetching = useIsFetching() > 0;
  const [ready, setReady] = useState(false);
  const [waited, setWaited] = useState(false);

  useEffect(() => {
    if (ready || !settled || waited) return;
    const timer = setTimeout(() => setWaited(true), PAGE_FIRST_MAX_WAIT_MS);
    return () => clearTimeout(timer);
  }, [ready, settled, waited]);

  useEffect(() => {
    if (ready || !settled || (fetching && !waited)) return;
    return afterPaint(() => setReady(true));
  }, [ready, settled, fetching, waited]);

  return ready;
}
