/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type ProxyOptions } from 'vite';

const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Modes
 * - `npm start` / `npm run dev`: the storefront on its embedded mock backend (MSW service worker),
 *   unless SOCKSHOP_API_URL is set, in which case the API base path is proxied to that server.
 * - `npm run build`: the live build. No mock code, no service worker script.
 * - `npm run build:demo`: a static demo that ships the mock backend (outDir `dist-demo`).
 */
export default defineConfig(({ command, mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  // `npm run build:ops`: the operator build (ops view included), served by nginx only behind
  // authentication, under its own asset and API paths (deploy/nginx/ops.conf.template).
  const isOps = mode === 'ops';
  const apiBase = (env.VITE_API_BASE || (isOps ? '/ops-api' : '/api')).replace(/\/+$/, '');
  const liveTarget = env.SOCKSHOP_API_URL;
  const isDemo = mode === 'demo';
  const mockApi =
    isDemo || (command === 'serve' && mode !== 'production' && !liveTarget && mode !== 'test');

  const proxy: Record<string, ProxyOptions> | undefined = liveTarget
    ? {
        [`^${apiBase}(/|$)`]: {
          target: liveTarget,
          changeOrigin: true,
          rewrite: (path) => path.slice(apiBase.length) || '/',
        },
      }
    : undefined;

  return {
    plugins: [react()],
    resolve: {
      alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    },
    define: {
      __MOCK_API__: JSON.stringify(mockApi),
      ...(isOps ? { 'import.meta.env.VITE_API_BASE': JSON.stringify(apiBase) } : {}),
    },
    // The service worker script is served only when the mock backend is part of the app.
    publicDir: mockApi ? 'mocks/public' : false,
    build: {
      outDir: isDemo ? 'dist-demo' : isOps ? 'dist-ops' : 'dist',
      assetsDir: isOps ? 'ops-assets' : 'assets',
      // The demo ships the whole mock backend (MSW) as one lazy chunk, loaded before the app.
      chunkSizeWarningLimit: isDemo ? 1_500 : 500,
      sourcemap: false,
      rolldownOptions: {
        output: {
          // V8's explicit compile hint: the functions of the chunks every page runs at start (the
          // entry and the storefront) are compiled eagerly, off the main thread while the file
          // streams in, instead of one by one on the main thread when first called (Chromium 136+;
          // other engines ignore the comment). `npm run bench` measures the effect.
          postBanner: (chunk) => (chunk.isEntry || chunk.name === 'storefront' ? COMPILE_HINT : ''),
        },
      },
    },
    server: { proxy },
    preview: { proxy },
    test: {
      environment: 'jsdom',
      setupFiles: ['./tests/setup/vitest.setup.ts'],
      include: ['tests/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      testTimeout: 15_000,
      // Short waits so resilience tests run in seconds; the app defaults are in src/config/env.ts.
      env: {
        TZ: 'UTC',
        VITE_CHECKOUT_TIMEOUT_MS: '2500',
        VITE_BREAKER_COOLDOWN_MS: '1500',
        VITE_HEALTH_PATH: '/health',
      },
    },
  };
});
