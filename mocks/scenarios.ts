import { mockNow } from './config';
import { seedIncident3 } from './db';
import {
  currentScenario,
  enableScenarioPersistence,
  readPersistedScenario,
  restoreScenarioRandom,
  writeScenarioState,
} from './scenario-state';

/**
 * Named fault scenarios. A scenario is state read by the handlers (not a separate handler set),
 * so the stateful db keeps working whatever is selected. Select one from tests with
 * `setScenario(name)`, or in the browser with `?scenario=<name>` on any URL (kept in
 * sessionStorage `sockshop-mock-scenario` for the tab). `resetDb()` goes back to `healthy`.
 */
export const scenarioNames = [
  'healthy',
  'payment-down',
  'payment-declined',
  'payment-slow',
  'payment-flaky',
  'payment-recovers',
  'orders-down',
  'orders-slow',
  'malformed',
  'legacy-backend',
  'status-progression',
  'incident-3',
] as const;

export type ScenarioName = (typeof scenarioNames)[number];

export interface ScenarioInfo {
  name: ScenarioName;
  description: string;
}

/** For the QA panel: every scenario with one line saying what it does. */
export const scenarios: readonly ScenarioInfo[] = [
  {
    name: 'healthy',
    description:
      'Everything works; payments over 100.00 are declined like the real payment service.',
  },
  {
    name: 'payment-down',
    description:
      'Payment refuses connections: orders are saved as PAYMENT_FAILED and POST /orders answers 500 "unspecified IO error".',
  },
  {
    name: 'payment-declined',
    description: 'Every payment is declined: POST /orders answers 406 PaymentDeclinedException.',
  },
  {
    name: 'payment-slow',
    description:
      'Payment is slower than the orders service\'s 5 s limit: POST /orders answers 500 "timeout from one of the services." after about 5 s.',
  },
  {
    name: 'payment-flaky',
    description: 'About half of the payments fail (500), in a repeatable seeded sequence.',
  },
  {
    name: 'payment-recovers',
    description: 'Payment is down for 30 s after the scenario is selected, then healthy again.',
  },
  {
    name: 'orders-down',
    description:
      'The orders service is unreachable: /orders routes answer 500 ECONNREFUSED (order detail resets the connection).',
  },
  {
    name: 'orders-slow',
    description:
      'POST /orders answers only after 15 s (longer than a 10 s storefront timeout), and the order IS placed.',
  },
  {
    name: 'malformed',
    description:
      'Truncated JSON, wrong types and 200-with-error bodies on catalogue, cart and orders.',
  },
  {
    name: 'legacy-backend',
    description: 'Upstream Sock Shop: no status field, failed orders are not saved.',
  },
  {
    name: 'status-progression',
    description: 'Orders go PENDING → PAID → SHIPPED → DELIVERED in 3 s steps.',
  },
  {
    name: 'incident-3',
    description:
      'INCIDENT-3 of 2025-10-30: shoppers Rayaan and parvaiz (password "password"), 8 orders of which 6 PAYMENT_FAILED; payment down 08:24-08:35 UTC.',
  },
];

export function isScenarioName(value: string): value is ScenarioName {
  return (scenarioNames as readonly string[]).includes(value);
}

export function getScenario(): ScenarioName {
  return currentScenario().name;
}

export function setScenario(name: ScenarioName, since: number = mockNow()): void {
  writeScenarioState(name, since);
  if (name === 'incident-3') seedIncident3();
}

/**
 * Browser start-up: `?scenario=<name>` wins, else the tab's stored scenario, else healthy.
 * Returns the scenario in effect, or the unknown name that was ignored.
 */
export function restoreScenario(
  search: string,
  storage: Storage | null,
): { name: ScenarioName; ignored: string | null } {
  if (storage) enableScenarioPersistence(storage);
  const requested = new URLSearchParams(search).get('scenario');
  if (requested !== null && isScenarioName(requested)) {
    setScenario(requested);
    return { name: requested, ignored: null };
  }
  const stored = readPersistedScenario();
  if (stored && isScenarioName(stored.name)) {
    setScenario(stored.name, stored.since);
    if (stored.random !== undefined) restoreScenarioRandom(stored.random);
  }
  return { name: getScenario(), ignored: requested };
}
