import { defineConfig, type UserConfig } from 'vite';
import viteConfig from './vite.config';

/**
 * Vitest for `npm run test:mutation` (Stryker): the app's test config, limited to the tests of the
 * pure modules Stryker mutates (domain rules, failure classification, the checkout model). The
 * screen tests cover the same code far more slowly; the pure tests are meant to kill every mutant
 * that matters on their own.
 */
export default defineConfig((env) => {
  const base = (typeof viteConfig === 'function' ? viteConfig(env) : viteConfig) as UserConfig;
  return {
    ...base,
    test: {
      ...base.test,
      include: ['tests/domain/**/*.test.ts', 'tests/lib/**/*.test.ts', 'tests/*.test.ts'],
    },
  };
});
