// `npm run lighthouse`: Lighthouse 12 (mobile, its default) on the dashboard, the kiosk and the
// public view, three runs each, in the system Chromium (as the e2e tests use it). Starts the built
// SPA and the BFF in demo mode on a free port, turns the public view on, and prints the median of
// each category and of LCP and TBT per page. Prints figures; asserts nothing. Needs `npm run build`.
// `-- --pages=/,/kiosk` measures only those pages; `-- --save=DIR` keeps each run's report (JSON)
// there, for its trace-based diagnostics (main-thread work, the LCP's phases, the request chain);
// `-- --dist=DIR` serves another build than dist/client (to compare two builds in one sitting).
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser';
import { cleanupTempDirs, freePort, installCleanup, spawnChild, stopAll, trackTempDir } from './bench/children';
import { fmtMs, table } from './bench/format';
import { request, waitForHttp } from './bench/http';

const REPO = resolve(import.meta.dirname, '..');
const RUNS = 3;
const PAGES = ['/', '/kiosk', '/public'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<number> {
  installCleanup();
  const pages = option('pages')?.split(',') ?? PAGES;
  const saveDir = option('save');
  if (saveDir !== undefined) mkdirSync(saveDir, { recursive: true });
  const browser = findChromium();
  if (browser?.path === undefined) {
    console.error('No system Chromium found (apt-get install -y chromium, or set PLAYWRIGHT_CHROMIUM_PATH).');
    return 2;
  }
  const dist = option('dist');
  if (!existsSync(join(dist ?? join(REPO, 'dist/client'), 'index.html'))) {
    console.error('No built client in dist/client: run `npm run build` first.');
    return 2;
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const bff = spawnChild('BFF (demo)', process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...(dist === undefined ? {} : { CLIENT_DIST_DIR: resolve(dist) }),
      DATA_DIR: trackTempDir(mkdtempSync(join(tmpdir(), 'occupancy-lighthouse-'))),
    },
  });
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    await waitForHttp(`${origin}/healthz`, () => !bff.hasExited(), 30_000);
    // The open demo may change settings (same-origin): the public view shows the whole site.
    const enabled = await request(`${origin}/api/admin/settings/public`, {
      method: 'PUT',
      json: { enabled: true, spaces: ['site'], showNumbers: true, allowOrigins: [] },
      headers: { origin },
    });
    if (enabled.status !== 200) throw new Error(`turning the public view on answered HTTP ${enabled.status}`);

    chrome = await chromeLauncher.launch({ chromePath: browser.path, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
    const rows: string[][] = [];
    for (const page of pages) {
      const runs: { scores: Record<string, number>; lcp: number; tbt: number }[] = [];
      for (let run = 1; run <= RUNS; run++) {
        let result = await lighthouse(`${origin}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        // A trace Lighthouse could not read (NO_NAVSTART on a loaded machine) has no scores: that run is taken again.
        for (let retry = 0; retry < 2 && result?.lhr.runtimeError !== undefined; retry++) {
          console.log(`${page} run ${run}: ${result.lhr.runtimeError.code}, taken again`);
          result = await lighthouse(`${origin}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        }
        if (result === undefined) throw new Error(`Lighthouse gave no result for ${page}`);
        const { categories, audits } = result.lhr;
        if (saveDir !== undefined) writeFileSync(join(saveDir, `${page.replace(/\W+/g, '_') || '_'}-${run}.json`), JSON.stringify(result.lhr));
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, categories[c]?.score ?? Number.NaN]));
        runs.push({
          scores,
          lcp: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
          tbt: audits['total-blocking-time']?.numericValue ?? Number.NaN,
        });
        console.log(`${page} run ${run}: ${CATEGORIES.map((c) => `${c} ${scores[c]?.toFixed(2)}`).join(', ')}`);
      }
      rows.push([
        page,
        ...CATEGORIES.map((c) => median(runs.map((r) => r.scores[c]!)).toFixed(2)),
        fmtMs(median(runs.map((r) => r.lcp))),
        fmtMs(median(runs.map((r) => r.tbt))),
      ]);
    }
    console.log(`\nLighthouse ${RUNS} runs per page (mobile), medians; ${browser.description}`);
    console.log(table(['page', ...CATEGORIES, 'LCP', 'TBT'], rows, [1, 2, 3, 4, 5, 6]));
    return 0;
  } finally {
    chrome?.kill();
    await bff.stop();
    await stopAll();
    cleanupTempDirs();
  }
}

process.exitCode = await main();
