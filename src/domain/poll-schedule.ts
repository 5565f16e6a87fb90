/**
 * How often to ask again while an order may still change: about 1 s at first, growing by half
 * each unchanged answer, to at most about 15 s. A change of status starts over at 1 s.
 */
export const POLL_FIRST_MS = 1_000;
export const POLL_MAX_MS = 15_000;
export const POLL_GROWTH = 1.5;

export function pollDelay(unchangedPolls: number): number {
  const n = Math.max(0, Math.floor(unchangedPolls));
  return Math.min(POLL_MAX_MS, Math.round(POLL_FIRST_MS * POLL_GROWTH ** n));
}
