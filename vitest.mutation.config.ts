import { defineConfig, type UserConfig } from 'vite';
import viteConfig from './vite.config';

/**
 * Vitest for `npm run test:mutation` (Stryker): the app's test config, limited to the tests of the
 * pure modules Stryker mutates (domain rules, failure classification, the checkout model). The
 * screen tests cover the same code far more slowly; the pure tests are meant to kill every mutant
 * that matters on their own.
 *
 * The pure tests need no DOM and no mock server, so they run in Node without the app's setup file:
 * Stryker re-runs the tests that cover a mutant once per mutant, and a jsdom environment plus the
 * setup file cost about a second per test file each time. The API client and telemetry tests do
 * need both, and keep the app's environment.
 */
const needsDom = ['tests/lib/api-client.test.ts', 'tests/telemetry.test.ts'];

export default defineConfig((env) => {
  const base = (typeof viteConfig === 'function' ? viteConfig(env) : viteConfig) as UserConfig;
  const { setupFiles, ...shared } = base.test ?? {};
  return {
    ...base,
    test: {
      ...shared,
      include: [],
      projects: [
        {
          extends: true,
          test: {
            name: 'pure',
            environment: 'node',
            include: ['tests/domain/**/*.test.ts', 'tests/lib/**/*.test.ts', 'tests/*.test.ts'],
            exclude: needsDom,
          },
        },
        {
          extends: true,
          test: { name: 'dom', include: needsDom, setupFiles },
        },
      ],
    },
  };
});
