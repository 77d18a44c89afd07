// Vitest setup for client tests: DOM matchers, and after each test a clean DOM, real timers, no
// stubbed globals and empty storage, so no test leans on what another one left behind.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  // Tests of pure modules run in node (no storage there).
  if (typeof localStorage !== 'undefined') localStorage.clear();
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
