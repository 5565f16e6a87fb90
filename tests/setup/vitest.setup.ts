import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { resetDb } from '../../mocks/db';
import { server } from '../../mocks/node';

// A console error or warning fails the test that caused it.
let consoleProblems: string[] = [];
const originalError = console.error;
const originalWarn = console.warn;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

beforeEach(() => {
  consoleProblems = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleProblems.push(args.map(String).join(' '));
    originalError(...args);
  });
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    consoleProblems.push(args.map(String).join(' '));
    originalWarn(...args);
  });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetDb();
  window.localStorage.clear();
  window.sessionStorage.clear();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
  const problems = consoleProblems;
  consoleProblems = [];
  if (problems.length > 0) {
    throw new Error(`console.error/warn was called during the test:\n${problems.join('\n')}`);
  }
});

afterAll(() => {
  server.close();
});
