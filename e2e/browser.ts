// Which Chromium the end-to-end tests launch: PLAYWRIGHT_CHROMIUM_PATH if set, else the system
// Chromium (Debian's /usr/bin/chromium and friends), else the browser Playwright downloaded.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Playwright from '@playwright/test';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export interface FoundBrowser {
  /** undefined: Playwright's own download. */
  path: string | undefined;
  description: string;
}

export function findChromium(): FoundBrowser | null {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv, description: `${fromEnv} (PLAYWRIGHT_CHROMIUM_PATH)` } : null;
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return { path: system, description: `${system} (system)` };
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('@playwright/test') as typeof Playwright;
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: undefined, description: `${own} (Playwright's own)` };
  } catch {
    // Playwright not installed or no browser downloaded.
  }
  return null;
}

/** Flags for a headless Chromium on a locked-down machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
