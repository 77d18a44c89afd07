// `npm run soak`: the long kiosk soak. Builds the client into a temporary folder, starts the
// server in demo mode on a free loopback port (its own process group), opens the kiosk in
// Chromium polling every 200 ms and turning a page every 2 s, and for the given time samples the
// page's JS heap after forced GC, its live JS objects, DOM nodes and event listeners over CDP.
// Every minute the simulated vendor fails for 15 s, so the stale and "Live count unavailable"
// states and the recovery run thousands of times too; samples are taken only in the live part of
// each minute, so they compare like with like. Prints every sample, the first and the last, and
// the trend; exits 1 when something grows beyond noise. Everything started is stopped at the end,
// on error and on Ctrl-C.
//
//   npm run soak                       15 minutes, about 4,500 polls
//   npm run soak -- --minutes=30       about 24 h of polling at the server's default 10 s
//   npm run soak -- --leak             with a deliberate leak (every answer kept), to see it fail
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser';
import {
  countPolls,
  formatSample,
  formatVerdict,
  judgeFlat,
  KIOSK_SOAK_PATH,
  LEAK_EVERY_ANSWER,
  type MemorySample,
  memorySession,
  sampleMemory,
} from '../e2e/support/soak';
import { withoutSpaces } from '../e2e/support/kiosk';
import { freePort, installCleanup, listensOn, spawnChild, stopAll, trackTempDir } from './bench/children';
import { json, waitForHttp } from './bench/http';

const REPO = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const POLL_MS = 200;
const ROTATE_S = 2;
/** Faults cycle every minute: the vendor fails for FAULT_S, the kiosk goes stale, then neutral (OUTAGE_S). */
const CYCLE_S = 60;
const FAULT_S = 18;
const OUTAGE_S = 12;
/** Seconds into each cycle at which samples are taken: well after the recovery. */
const SAMPLE_AT_S = [35, 50];
const WARMUP_S = 60;

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const minutes = option('minutes', 15);
const leak = process.argv.includes('--leak');
const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function buildClient(): Promise<string> {
  const outDir = trackTempDir(mkdtempSync(join(tmpdir(), 'occupancy-soak-client-')));
  log(`vite build into ${outDir}...`);
  const build = spawnChild(
    'vite build',
    NODE,
    [resolve(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: REPO,
      env: { NODE_ENV: 'production', NO_COLOR: '1' },
    },
  );
  const code = await build.exited;
  if (code !== 0) throw new Error(`vite build failed (${code}):\n${build.tail()}`);
  return outDir;
}

async function startServer(clientDist: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawnChild('server', NODE, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: REPO,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        SIMULATOR_CONTROL: 'true',
        CACHE_SECONDS: '5',
        POLL_INTERVAL_SECONDS: '2',
        SITE_TIMEZONE: 'Europe/Budapest',
        LOG_LEVEL: 'error',
        CLIENT_DIST_DIR: clientDist,
      },
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${url}/healthz`, () => !child.hasExited(), 60_000);
      if (!listensOn(child.pid, port)) throw new Error(`port ${port} is answered by another process`);
      log(`server: pid ${child.pid} (process group) on ${url}, demo mode`);
      return url;
    } catch (error) {
      await child.stop();
      if (attempt >= 3) throw new Error(`the server did not start: ${(error as Error).message}\n${child.tail()}`, { cause: error });
    }
  }
}

async function main(): Promise<number> {
  installCleanup();
  const browserPath = findChromium();
  if (browserPath === null) throw new Error('no Chromium found (set PLAYWRIGHT_CHROMIUM_PATH)');
  const base = await startServer(await buildClient());
  const setFaults = (faults: Record<string, unknown> | null) =>
    faults === null ? json(`${base}/__sim/faults`, { method: 'DELETE' }) : json(`${base}/__sim/faults`, { method: 'PUT', json: faults });

  const browser = await chromium.launch({ executablePath: browserPath.path, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', timezoneId: 'Europe/Budapest' });
    if (leak) await page.addInitScript(LEAK_EVERY_ANSWER);
    const polls = countPolls(page);
    await withoutSpaces(page); // the demo's twelve doors fill two pages, so pages turn
    const path = `${KIOSK_SOAK_PATH(POLL_MS, ROTATE_S)}&outage=${OUTAGE_S}`;
    await page.goto(`${base}${path}`);
    await page
      .getByRole('region', { name: 'Entrance sign' })
      .getByText(/Come in|Please wait/)
      .waitFor({ timeout: 30_000 });
    const cdp = await memorySession(page);
    log(`kiosk ${path} in ${browserPath.description}; ${leak ? 'WITH A DELIBERATE LEAK; ' : ''}warming up for ${WARMUP_S} s`);
    await sleep(WARMUP_S * 1000);

    const samples: MemorySample[] = [];
    let unavailableSeen = 0;
    const soakStart = Date.now();
    const end = soakStart + minutes * 60_000;
    log(`soaking for ${minutes} min: the vendor fails ${FAULT_S} s of every ${CYCLE_S} s; samples at ${SAMPLE_AT_S.join(' and ')} s of each minute`);
    for (let cycle = 0; Date.now() < end; cycle++) {
      const cycleStart = soakStart + cycle * CYCLE_S * 1000;
      await setFaults({ status: 503 });
      await sleep(Math.max(0, cycleStart + FAULT_S * 1000 - Date.now()));
      // By now the count is older than the outage limit: the sign must have gone neutral.
      if ((await page.getByRole('region', { name: 'Entrance sign' }).getAttribute('data-state')) === 'unavailable') unavailableSeen += 1;
      await setFaults(null);
      for (const at of SAMPLE_AT_S) {
        await sleep(Math.max(0, cycleStart + at * 1000 - Date.now()));
        if (Date.now() >= end) break;
        const sample = await sampleMemory(cdp, (Date.now() - soakStart) / 1000, polls.value);
        samples.push(sample);
        log(formatSample(sample));
      }
      await sleep(Math.max(0, cycleStart + CYCLE_S * 1000 - Date.now()));
    }

    const first = samples[0];
    const last = samples.at(-1);
    if (first === undefined || last === undefined || samples.length < 6) throw new Error('too few samples: run for at least 3 minutes');
    const verdict = judgeFlat(samples);
    console.log('\n=== Kiosk soak ===');
    console.log(
      `polls: ${polls.value} in ${minutes} min (+${WARMUP_S} s warm-up) at ${POLL_MS} ms, a page turn every ${ROTATE_S} s; ${samples.length} samples`,
    );
    console.log(
      `       = ${(((polls.value * 10) / 3600) | 0).toLocaleString('en-GB')} h of polling at the server's default 10 s, ${(((polls.value * 5) / 3600) | 0).toLocaleString('en-GB')} h at 5 s`,
    );
    console.log(`vendor outages: ${Math.ceil((minutes * 60) / CYCLE_S)}, sign neutral at the end of ${unavailableSeen} of them`);
    console.log(`first: ${formatSample(first)}`);
    console.log(`last:  ${formatSample(last)}`);
    for (const line of formatVerdict(verdict)) console.log(line);
    return verdict.ok ? 0 : 1;
  } finally {
    await browser.close().catch(() => undefined);
    await setFaults(null).catch(() => undefined);
  }
}

void main()
  .then(
    (code) => code,
    (error: unknown) => {
      console.error(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    },
  )
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  });
