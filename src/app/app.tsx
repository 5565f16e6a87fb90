import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense } from 'react';
import type { BaseLocationHook } from 'wouter';
import { Layout } from './layout';
import { PageErrorBoundary } from './page-error';
import { AppProvider } from './provider';
import { AppRoutes } from './routes';

// The QA panel exists only with the mock backend: __MOCK_API__ is false in the live build, so this
// import and its chunk (panel + mock controls) are dropped from it.
let QaMount: ComponentType | null = null;
if (__MOCK_API__) {
  QaMount = lazy(() => import('./qa-mount').then((m) => ({ default: m.QaMount })));
}

export function App(props: { queryClient?: QueryClient; locationHook?: BaseLocationHook }) {
  return (
    <AppProvider {...props}>
      <PageErrorBoundary>
        <Layout>
          <AppRoutes />
        </Layout>
      </PageErrorBoundary>
      {QaMount ? (
        <Suspense fallback={null}>
          <QaMount />
        </Suspense>
      ) : null}
    </AppProvider>
  );
}
