import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import jestDom from 'eslint-plugin-jest-dom';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const features = ['auth', 'catalogue', 'checkout', 'orders', 'ops', 'qa', 'reorder'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'dist-ops',
      'dist-idempotent',
      'coverage',
      'node_modules',
      'mocks/public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      '.scratch',
      // Stryker's sandboxes and its HTML report (npm run test:mutation).
      '.stryker-tmp',
      'reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-restricted-globals': ['error', 'process'],
      // One-way imports: shared (lib, components, config) -> features -> app.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'A feature never imports another feature: compose them in src/app.',
            })),
            {
              target: './src/features',
              from: './src/app',
              message: 'Features never import the app.',
            },
            {
              target: ['./src/lib', './src/components', './src/config', './src/domain'],
              from: ['./src/features', './src/app'],
              message: 'Shared code never imports features or the app.',
            },
            {
              target: './src',
              from: './mocks',
              except: ['./browser.ts'],
              message:
                'Only main.tsx may load the mock backend, and only through mocks/browser.ts.',
            },
          ],
        },
      ],
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['tests/**/*.test.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: ['tests/**/*.test.{ts,tsx}'],
    ...jestDom.configs['flat/recommended'],
  },
  {
    files: ['tests/e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    files: [
      'mocks/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'deploy/**/*.{js,mjs}',
      'tests/**/*.ts',
      '*.config.{js,ts}',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
