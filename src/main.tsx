import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startPageRequests } from './app/early-requests';
import { setupTelemetry } from './app/telemetry-setup';
import './styles.css';

async function enableMocking(): Promise<void> {
  // __MOCK_API__ is a build-time constant: in the live build this branch and the mock backend
  // are removed entirely.
  if (!__MOCK_API__) return;
  const { startMockWorker } = await import('../mocks/browser');
  await startMockWorker();
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

setupTelemetry();

enableMocking()
  .catch((error: unknown) => {
    // The storefront still renders; requests will fail visibly instead of a blank page.
    console.error('The mock backend could not start', error);
  })
  .finally(() => {
    startPageRequests(window.location.pathname);
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
