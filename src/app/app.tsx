import type { QueryClient } from '@tanstack/react-query';
import type { BaseLocationHook } from 'wouter';
import { Layout } from './layout';
import { AppProvider } from './provider';
import { AppRoutes } from './routes';

export function App(props: { queryClient?: QueryClient; locationHook?: BaseLocationHook }) {
  return (
    <AppProvider {...props}>
      <Layout>
        <AppRoutes />
      </Layout>
    </AppProvider>
  );
}
