import { useQueryClient } from '@tanstack/react-query';
import { syncSessionFromCookie } from '@/features/auth/stores/session-store';
import { QaPanel, type QaLink } from '@/features/qa/components/qa-panel';
import {
  currentMockScenario,
  listMockScenarios,
  resetMockData,
  selectMockScenario,
} from '../../mocks/browser';
import { telemetryLog } from './telemetry-setup';

/**
 * Mock build only: app.tsx loads this module with a dynamic import inside `if (__MOCK_API__)`, so
 * the live build contains neither the panel nor the mock backend. The panel knows nothing about
 * the mocks; the functions are passed in here.
 */
const QA_LINKS: readonly QaLink[] = [
  { href: '/ops/payment-issues', label: 'Payment issues (ops view)' },
];

export function QaMount() {
  const queryClient = useQueryClient();
  return (
    <QaPanel
      scenarios={listMockScenarios()}
      getCurrentScenario={currentMockScenario}
      onSelectScenario={(name) => {
        selectMockScenario(name);
        // Every screen refetches, so what is shown is what the new scenario answers.
        void queryClient.invalidateQueries();
      }}
      onResetData={() => {
        resetMockData();
        // The reset signs the shopper out: forget every answer given to the old session.
        syncSessionFromCookie();
        void queryClient.resetQueries();
      }}
      eventLog={telemetryLog}
      links={QA_LINKS}
    />
  );
}
