// End-to-end tests: the real server (built SPA + BFF) in demo mode on the embedded simulator,
// driven through the simulator's control routes, plus BFFs with a rejected key and a key without
// PRO devices against the standalone simulator. One worker: tests share the simulators' clocks
// and faults. Dashboard specs run at three viewports; journey specs set their own.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/browser';
import { E2E_ADMIN } from './e2e/support/accounts';
import { PORTS } from './e2e/support/ports';

const browser = findChromium();
const DASHBOARD = /dashboard.*\.spec\.ts/;

// Each BFF keeps its store in a folder of its own, emptied at its start: every run begins with no accounts.
const dataDir = (port: number) => join(tmpdir(), `occupancy-e2e-${port}`);
const bff = (port: number, env: Record<string, string>) => ({
  command: `rm -rf '${dataDir(port)}' && node --import tsx src/server/main.ts`,
  url: `http://127.0.0.1:${port}/healthz`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(port),
    HOST: '127.0.0.1',
    SITE_TIMEZONE: 'Europe/Budapest',
    CACHE_SECONDS: '5',
    POLL_INTERVAL_SECONDS: '2',
    AUTH_BACKOFF_SECONDS: '30',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir(port),
    // E2E_CLIENT_DIST serves a build from elsewhere than dist/client (parallel runs on one machine).
    ...(process.env.E2E_CLIENT_DIST ? { CLIENT_DIST_DIR: process.env.E2E_CLIENT_DIST } : {}),
    ...env,
  },
});

export default defineConfig({
  testDir: 'e2e',
  // E2E_OUTPUT_DIR keeps parallel runs on one machine from clearing each other's results.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORTS.demo}`,
    launchOptions: { executablePath: browser?.path, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/Budapest',
    // The offline shell's worker precaches the whole build on a page's first visit: only the specs
    // about it (pwa.spec.ts, and the soak, which runs with it in control) let it install.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'desktop', testMatch: DASHBOARD, use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    // The stale-then-recover run is the same code at every width (desktop runs it; layout.spec puts the
    // outage banner on a phone): the phone keeps the other states, within the ten-minute budget.
    {
      name: 'phone',
      testMatch: DASHBOARD,
      grepInvert: /the vendor failing: the last numbers stay/,
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, defaultBrowserType: 'chromium' },
    },
    // At 1920 px the grid only widens (layout.spec.ts sweeps 320–1920 px for overlap and sideways
    // scrolling): the wall checks the spaces' tree, where a parent and its rooms share a box, and
    // leaves the numbers, polls and failure states to desktop and phone, within the ten-minute budget.
    {
      name: 'wall',
      testMatch: /dashboard-spaces\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 } },
    },
    { name: 'journeys', testIgnore: DASHBOARD, use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
  ],
  webServer: [
    bff(PORTS.demo, { SIMULATOR_CONTROL: 'true' }),
    {
      command: 'node --import tsx src/simulator/main.ts',
      url: `http://127.0.0.1:${PORTS.simulator}/__sim/state`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { SIMULATOR_PORT: String(PORTS.simulator), SIMULATOR_HOST: '127.0.0.1', SIMULATOR_AUTH_DELAY_MS: '300' },
    },
    // A real key needs an account: the tests sign in as the administrator named here.
    bff(PORTS.wrongKey, {
      WELLPOINT_BASE_URL: `http://127.0.0.1:${PORTS.simulator}/`,
      WELLPOINT_ACCESS_KEY: 'e2e-key-the-vendor-rejects',
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
    }),
    bff(PORTS.noPro, {
      WELLPOINT_BASE_URL: `http://127.0.0.1:${PORTS.simulator}/`,
      WELLPOINT_ACCESS_KEY: 'sim-nopro-key',
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
    }),
    bff(PORTS.accounts, { SIMULATOR_CONTROL: 'true', ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password }),
  ],
});
