import { getMockConfig, mockNow } from './config';
import type { ScenarioName } from './scenarios';

/**
 * The selected fault scenario: plain state read by the handlers, so the stateful db keeps working
 * whatever the scenario. `scenarios.ts` is the public face; this module has no dependencies so
 * that `db.ts` can reset it.
 */
export const SCENARIO_STORAGE_KEY = 'sockshop-mock-scenario';

interface ScenarioState {
  name: ScenarioName;
  /** When the scenario was selected (epoch ms): `payment-recovers` counts from here. */
  since: number;
  /** mulberry32 state for `payment-flaky`. */
  random: number;
}

let state: ScenarioState = { name: 'healthy', since: 0, random: 0 };
let storage: Storage | null = null;

export function currentScenario(): Readonly<ScenarioState> {
  return state;
}

/** Keeps the tab's scenario (and where its random sequence is) across page loads. */
function persist(): void {
  if (!storage) return;
  try {
    if (state.name === 'healthy') storage.removeItem(SCENARIO_STORAGE_KEY);
    else storage.setItem(SCENARIO_STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or blocked: the scenario still applies to this page.
  }
}

export function writeScenarioState(name: ScenarioName, since: number = mockNow()): void {
  state = { name, since, random: getMockConfig().flakySeed >>> 0 };
  persist();
}

/** Continues a random sequence where the tab's last page left it (not from the seed again). */
export function restoreScenarioRandom(random: number): void {
  state = { ...state, random: random >>> 0 };
  persist();
}

export function resetScenarioState(): void {
  state = { name: 'healthy', since: 0, random: getMockConfig().flakySeed >>> 0 };
}

/** Deterministic [0, 1) numbers (mulberry32), restarted whenever a scenario is selected. */
export function nextScenarioRandom(): number {
  state.random = (state.random + 0x6d2b79f5) >>> 0;
  let t = state.random;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  persist();
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Browser only: keep the tab's scenario in sessionStorage (`null` turns it off). */
export function enableScenarioPersistence(target: Storage | null): void {
  storage = target;
}

export function readPersistedScenario(): { name: string; since: number; random?: number } | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(SCENARIO_STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'name' in parsed &&
      typeof parsed.name === 'string' &&
      'since' in parsed &&
      typeof parsed.since === 'number'
    ) {
      const random =
        'random' in parsed && typeof parsed.random === 'number' ? parsed.random : undefined;
      return { name: parsed.name, since: parsed.since, random };
    }
  } catch {
    // Unreadable: fall back to healthy.
  }
  return null;
}
