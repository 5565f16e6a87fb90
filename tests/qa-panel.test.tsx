import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { QaPanel } from '@/features/qa/components/qa-panel';
import { addSink, track } from '@/lib/telemetry';
import { createEventLog } from '@/lib/telemetry-log';
import { resetDb } from '../mocks/db';
import { getScenario, scenarios, setScenario, type ScenarioName } from '../mocks/scenarios';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The panel wired to the real mock scenario functions, the way src/app/qa-mount.tsx does it. */
function renderPanel() {
  const log = createEventLog();
  cleanups.push(addSink(log.sink));
  const onSelectScenario = vi.fn((name: ScenarioName) => setScenario(name));
  const onResetData = vi.fn(() => resetDb());
  const user = userEvent.setup();
  render(
    <QaPanel
      scenarios={scenarios}
      getCurrentScenario={getScenario}
      onSelectScenario={onSelectScenario}
      onResetData={onResetData}
      eventLog={log}
      links={[{ href: '/ops/payment-issues', label: 'Payment issues (ops view)' }]}
    />,
  );
  return { user, onSelectScenario, onResetData };
}

test('the badge always shows the scenario and opens a labelled panel; Escape closes it', async () => {
  setScenario('payment-down');
  const { user } = renderPanel();

  const badge = screen.getByRole('button', { name: 'QA: payment-down' });
  expect(badge).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByRole('region', { name: /QA panel/ })).not.toBeInTheDocument();

  await user.click(badge);
  expect(badge).toHaveAttribute('aria-expanded', 'true');
  const panel = screen.getByRole('region', { name: 'QA panel (mock backend)' });
  expect(badge).toHaveAttribute('aria-controls', panel.id);
  expect(within(panel).getByRole('heading', { name: 'QA panel (mock backend)' })).toHaveFocus();

  await user.keyboard('{Escape}');
  expect(screen.queryByRole('region', { name: /QA panel/ })).not.toBeInTheDocument();
  expect(badge).toHaveAttribute('aria-expanded', 'false');
  expect(badge).toHaveFocus();

  // Keyboard only: Enter opens it again.
  await user.keyboard('{Enter}');
  expect(screen.getByRole('region', { name: /QA panel/ })).toBeInTheDocument();
});

test('lists every scenario with its description, the current one checked', async () => {
  setScenario('incident-3');
  const { user } = renderPanel();
  await user.click(screen.getByRole('button', { name: 'QA: incident-3' }));

  const group = screen.getByRole('group', { name: 'Scenario' });
  const radios = within(group).getAllByRole('radio');
  expect(radios).toHaveLength(scenarios.length);
  for (const scenario of scenarios) {
    const radio = within(group).getByRole('radio', { name: scenario.name });
    expect(radio).toHaveAccessibleDescription(scenario.description);
  }
  expect(within(group).getByRole('radio', { name: 'incident-3' })).toBeChecked();
  expect(within(group).getByRole('radio', { name: 'healthy' })).not.toBeChecked();
});

test('selecting a scenario switches the mock and the badge shows it', async () => {
  const { user, onSelectScenario } = renderPanel();
  await user.click(screen.getByRole('button', { name: 'QA: healthy' }));

  await user.click(screen.getByRole('radio', { name: 'orders-down' }));
  expect(onSelectScenario).toHaveBeenCalledExactlyOnceWith('orders-down');
  expect(getScenario()).toBe('orders-down');
  expect(screen.getByRole('button', { name: 'QA: orders-down' })).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'orders-down' })).toBeChecked();
  expect(screen.getByRole('status')).toHaveTextContent('Scenario switched to orders-down.');
});

test('reset puts the mock back to healthy and the badge follows', async () => {
  setScenario('payment-slow');
  const { user, onResetData } = renderPanel();
  await user.click(screen.getByRole('button', { name: 'QA: payment-slow' }));

  await user.click(screen.getByRole('button', { name: 'Reset mock data' }));
  expect(onResetData).toHaveBeenCalledOnce();
  expect(screen.getByRole('button', { name: 'QA: healthy' })).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'healthy' })).toBeChecked();
});

test('links to the QA pages, and gets out of the way when one is opened', async () => {
  const { user } = renderPanel();
  await user.click(screen.getByRole('button', { name: 'QA: healthy' }));
  const nav = screen.getByRole('navigation', { name: 'QA pages' });
  const link = within(nav).getByRole('link', { name: 'Payment issues (ops view)' });
  expect(link).toHaveAttribute('href', '/ops/payment-issues');

  await user.click(link);
  expect(window.location.pathname).toBe('/ops/payment-issues');
  expect(screen.queryByRole('region', { name: /QA panel/ })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'QA: healthy' })).toBeVisible();
  window.history.replaceState(null, '', '/');
});

test('shows tracked telemetry events, newest first, at most 20', async () => {
  const { user } = renderPanel();
  await user.click(screen.getByRole('button', { name: 'QA: healthy' }));
  expect(screen.getByText('No events yet.')).toBeInTheDocument();

  track({
    type: 'api_error',
    kind: 'payment-unavailable',
    requestId: 'req-0001',
    method: 'POST',
    path: '/orders',
    httpStatus: 500,
  });
  const list = await screen.findByRole('list', { name: 'Recent telemetry events' });
  const first = within(list).getByRole('listitem');
  expect(first).toHaveTextContent('api_error');
  expect(first).toHaveTextContent('kind=payment-unavailable');
  expect(first).toHaveTextContent('requestId=req-0001');
  expect(first).toHaveTextContent('httpStatus=500');

  for (let index = 1; index <= 25; index += 1) {
    track({ type: 'order_status_changed', orderId: `order-${index}`, from: 'PENDING', to: 'PAID' });
  }
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(20));
  const items = within(list).getAllByRole('listitem');
  expect(items[0]).toHaveTextContent('orderId=order-25');
  expect(items.at(-1)).toHaveTextContent('orderId=order-6');
  expect(list).not.toHaveTextContent('api_error');
});
