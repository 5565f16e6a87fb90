import { setupWorker } from 'msw/browser';
import { configureMock, type MockConfig } from './config';
import { seedHostile } from './data/hostile';
import { enableDbPersistence, loadPersistedDb, resetDb } from './db';
import { createHandlers } from './handlers';
import {
  getScenario,
  restoreScenario,
  scenarios,
  setScenario,
  type ScenarioInfo,
  type ScenarioName,
} from './scenarios';

/** The mock backend in the browser: a service worker answering the app's `/api/*` requests. */
export const worker = setupWorker(...createHandlers('/api'));

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null; // blocked storage (privacy settings): run in memory only
  }
}

/** sessionStorage key of the tab's knob overrides (a JSON `Partial<MockConfig>`). */
const CONFIG_STORAGE_KEY = 'sockshop-mock-config';
/** sessionStorage key of the tab's extra seed (`?mock-seed=hostile`). */
const SEED_STORAGE_KEY = 'sockshop-mock-seed';

/**
 * QA/test seed: `?mock-seed=hostile` adds hostile strings (mocks/data/hostile.ts) for the tab. The
 * catalogue is not persisted, so the seed is kept in sessionStorage and applied on every load
 * (it adds nothing twice).
 */
function restoreSeed(search: string, session: Storage | null): void {
  let seed = new URLSearchParams(search).get('mock-seed');
  try {
    if (seed === 'hostile') session?.setItem(SEED_STORAGE_KEY, seed);
    else seed = session?.getItem(SEED_STORAGE_KEY) ?? seed;
  } catch {
    // Storage blocked: the seed applies to this page only.
  }
  if (seed === 'hostile') seedHostile();
  else if (seed !== null) console.warn(`[mock api] unknown mock-seed "${seed}"`);
}

/** The numeric knobs a URL may set: `shippedAfterMs` is `?mock-shipped-after-ms=4000`. */
const URL_KNOBS = [
  'declineOverAmount',
  'paymentTimeoutMs',
  'ordersSlowMs',
  'paymentRecoversAfterMs',
  'flakySeed',
  'flakyFailureRate',
  'pendingMs',
  'shippedAfterMs',
  'deliveredAfterMs',
  'progressionStepMs',
  'latencyMs',
] as const satisfies readonly (keyof MockConfig)[];

function knobValue(raw: unknown): number | null {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * QA knob: `?mock-<knob>=<number>` on any URL tunes the mock for this tab, kept in sessionStorage
 * `sockshop-mock-config` (URL values win over stored ones). Returns the overrides in effect.
 */
function restoreMockConfig(search: string, session: Storage | null): Partial<MockConfig> {
  const patch: Partial<MockConfig> = {};
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(session?.getItem(CONFIG_STORAGE_KEY) ?? '{}');
    if (typeof parsed === 'object' && parsed !== null) stored = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: start from the defaults.
  }
  const params = new URLSearchParams(search);
  for (const knob of URL_KNOBS) {
    const name = `mock-${knob.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const requested = params.get(name);
    const value = knobValue(requested ?? stored[knob]);
    if (value !== null) patch[knob] = value;
    else if (requested !== null) console.warn(`[mock api] ignored ${name}=${requested}`);
  }
  configureMock(patch);
  try {
    if (Object.keys(patch).length > 0) session?.setItem(CONFIG_STORAGE_KEY, JSON.stringify(patch));
  } catch {
    // Storage full or blocked: the knobs still apply to this page.
  }
  return patch;
}

/**
 * Starts the worker: restores the persisted db (localStorage `sockshop-mock-db`, card numbers
 * masked), the tab's knobs (`?mock-<knob>=<n>` or sessionStorage `sockshop-mock-config`) and
 * scenario (`?scenario=<name>` or sessionStorage `sockshop-mock-scenario`).
 */
export async function startMockWorker(): Promise<void> {
  const local = storage('localStorage');
  if (local && 'serviceWorker' in navigator) {
    enableDbPersistence(local);
    loadPersistedDb();
  }
  // Knobs before the scenario, so a `flakySeed` applies to the scenario selected here.
  const knobs = restoreMockConfig(window.location.search, storage('sessionStorage'));
  const scenario = restoreScenario(window.location.search, storage('sessionStorage'));
  restoreSeed(window.location.search, storage('sessionStorage'));
  if (scenario.ignored) {
    console.warn(
      `[mock api] unknown scenario "${scenario.ignored}", staying on "${scenario.name}"`,
    );
  }
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  if (scenario.name !== 'healthy') console.info(`[mock api] scenario: ${scenario.name}`);
  if (Object.keys(knobs).length > 0) console.info('[mock api] knobs:', knobs);
}

/*
 * For a QA panel in src/ (lint allows src to reach the mocks only through this file; load it
 * lazily so the live bundle stays mock-free).
 */

/** Every scenario with its one-line description. */
export function listMockScenarios(): readonly ScenarioInfo[] {
  return scenarios;
}

export function currentMockScenario(): ScenarioName {
  return getScenario();
}

/** Switches the scenario for this tab (kept in sessionStorage); no reload needed. */
export function selectMockScenario(name: ScenarioName): void {
  setScenario(name);
}

/** Back to the seed data, default knobs and the healthy scenario (stored db too). Sessions are
 * gone, so the page's `logged_in` cookie is dropped as well: the shopper is signed out. */
export function resetMockData(): void {
  resetDb();
  setScenario('healthy');
  try {
    storage('sessionStorage')?.removeItem(CONFIG_STORAGE_KEY);
    storage('sessionStorage')?.removeItem(SEED_STORAGE_KEY);
  } catch {
    // Blocked storage: nothing was stored.
  }
  document.cookie = 'logged_in=; Max-Age=0; Path=/';
}
