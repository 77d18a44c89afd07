// Vitest setup for client tests: DOM matchers, and after each test a clean DOM, real timers, no
// stubbed globals and empty storage, so no test leans on what another one left behind. Each test
// starts with the English catalog active.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import english from '@/client/i18n/catalogs/en';
import englishHistory from '@/client/i18n/catalogs/en-history';
import englishKiosk from '@/client/i18n/catalogs/en-kiosk';
import englishSettings from '@/client/i18n/catalogs/en-settings';
import { activate, type Catalog } from '@/client/i18n/i18n';
import { forgetLanguageLoading } from '@/client/i18n/load';
import englishPublic from '@/shared/i18n/locales/en/public.json';

// The app starts with its screen's code in (main.tsx preloads the screen of its path): so does every
// test, for every screen. A screen's chunk still downloading when its test ends would land in the
// next file's environment (files share one module graph); lazy-screen.test.tsx covers the loading.
beforeAll(async () => {
  const { preloadScreen } = await import('@/client/app');
  await Promise.all(['/', '/kiosk', '/sign-in', '/setup', '/set-password', '/settings'].map(preloadScreen));
});

// Every test starts in English, as the app does in a browser that says nothing else (with the
// parts that load with their code, and /public's own words for its page's tests).
beforeEach(() => activate('en', { ...english, ...englishSettings, ...englishHistory, ...englishKiosk, ...(englishPublic as Catalog) }));

afterEach(() => {
  cleanup();
  // What a test put outside React's roots (a portal's host, a node a module appended) goes too:
  // files share one jsdom, and a leftover list was found by the next file's getByRole('list').
  if (typeof document !== 'undefined') document.body.replaceChildren();
  // Back at / : a test that was sent to /sign-in must not start the next one there.
  if (typeof window !== 'undefined') window.history.replaceState(null, '', '/');
  // A language still downloading for this test must not switch the next one.
  forgetLanguageLoading();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  // Tests of pure modules run in node (no storage there).
  if (typeof localStorage !== 'undefined') localStorage.clear();
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
