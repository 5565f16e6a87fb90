import { setupWorker } from 'msw/browser';
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

/**
 * Starts the worker: restores the persisted db (localStorage `sockshop-mock-db`, card numbers
 * masked) and the tab's scenario (`?scenario=<name>` or sessionStorage `sockshop-mock-scenario`).
 */
export async function startMockWorker(): Promise<void> {
  const local = storage('localStorage');
  if (local && 'serviceWorker' in navigator) {
    enableDbPersistence(local);
    loadPersistedDb();
  }
  const scenario = restoreScenario(window.location.search, storage('sessionStorage'));
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

/** Back to the seed data and the healthy scenario (stored db too). Sessions are gone, so the
 * page's `logged_in` cookie is dropped as well: the shopper is signed out. */
export function resetMockData(): void {
  resetDb();
  setScenario('healthy');
  document.cookie = 'logged_in=; Max-Age=0; Path=/';
}
