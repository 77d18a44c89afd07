// The public view embedded in another site: the real server (compose(), as main.ts starts it) in
// demo mode with the public view provisioned by a site file, and two tiny sites on other loopback
// ports (another port is another origin): the allowed one frames /public and reads /api/public,
// the refused one gets neither. Screenshots (320 px frame and a phone, light and dark) go to the
// test's output folder, public-screens/, to be looked at.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import { expect, type Page, test } from '@playwright/test';
import { CLIENT_DIST, compose } from '@/server/compose';
import { DEMO_SITE } from '@/server/demo-site';
import { loadEnv } from '@/server/env';
import { openStore } from '@/server/store/store';
import { type PublicOccupancy, publicOccupancySchema } from '@/shared/public-schema';
import { createClock } from '@/simulator';

// A Thursday, 17:30 in Budapest: the after-work rush, rooms at different levels.
const EVENING = new Date('2026-11-19T16:30:00Z');
/** Chosen in any order; shown in the tree's (the demo lists the pool hall before the gym). */
const CHOSEN = ['studio', 'gym', 'site', 'pool'];
const WORDS = { available: 'Space available', nearly_full: 'Nearly full', full: 'Full', unknown: 'Live count unavailable' } as const;

/** A site of its own on a free loopback port, answering every path with `page()`. */
async function site(page: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let bff = '';
let bffServer: ServerType | undefined;
let allowed: Awaited<ReturnType<typeof site>>;
let refused: Awaited<ReturnType<typeof site>>;
const temp = mkdtempSync(join(tmpdir(), 'occupancy-public-e2e-'));

const embedding = (width: number) => () =>
  `<!doctype html><html lang="en"><head><title>Our gym</title></head><body><h1>Our gym</h1>` +
  `<iframe src="${bff}/public" title="How busy is it now" width="${width}" height="620" style="border:0"></iframe></body></html>`;

test.beforeAll(async () => {
  allowed = await site(embedding(320));
  refused = await site(embedding(320));
  const file = join(temp, 'site.json');
  writeFileSync(file, JSON.stringify({ ...DEMO_SITE, public: { enabled: true, spaces: CHOSEN, showNumbers: false, allowOrigins: [allowed.origin] } }));
  const clock = createClock();
  clock.setFixed(EVENING);
  const clientDist = process.env.E2E_CLIENT_DIST ? resolve(process.env.E2E_CLIENT_DIST) : CLIENT_DIST;
  const { app, ready } = compose(
    loadEnv({
      SITE_CONFIG_FILE: file,
      SITE_TIMEZONE: 'Europe/Budapest',
      POLL_INTERVAL_SECONDS: '2',
      LOG_LEVEL: 'warn',
      // With an account, a visitor who is not signed in is nobody: the public view must still answer.
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'public-view-e2e-password',
    }),
    {
      clientDist,
      simulator: { clock },
      store: openStore({ file: ':memory:' }),
    },
  );
  await ready;
  const port = await new Promise<number>((done) => {
    bffServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => done(info.port));
  });
  bff = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  const close = (server: { close: (cb: () => void) => void; closeAllConnections?: () => void } | undefined) =>
    new Promise<void>((done) => {
      if (server === undefined) return done();
      server.closeAllConnections?.();
      server.close(() => done());
    });
  await Promise.all([close(bffServer as Server | undefined), close(allowed?.server), close(refused?.server)]);
  rmSync(temp, { recursive: true, force: true });
});

async function expected(page: Page): Promise<PublicOccupancy> {
  const res = await page.request.get(`${bff}/api/public`);
  expect(res.status()).toBe(200);
  return publicOccupancySchema.parse(await res.json());
}

/** Every chosen space with its level in words, as the page says it. */
async function expectLevels(frame: ReturnType<Page['frameLocator']> | Page, answer: PublicOccupancy) {
  const items = frame.getByRole('listitem');
  await expect(items).toHaveCount(answer.spaces.length);
  for (const [i, space] of answer.spaces.entries()) {
    await expect(items.nth(i).getByRole('heading', { level: 2 })).toHaveText(space.name);
    await expect(items.nth(i).locator('.level')).toHaveText(WORDS[space.state]);
  }
}

test.describe('the public view, embedded', () => {
  test('an allowed origin frames /public (the chosen spaces’ levels in words, no numbers) and reads /api/public', async ({ page }, testInfo) => {
    const answer = await expected(page);
    expect(answer.spaces.map((s) => s.id)).toEqual(['site', 'pool', 'gym', 'studio']);
    // The chosen moment must show more than one level, or the words prove little.
    expect(new Set(answer.spaces.map((s) => s.state)).size).toBeGreaterThan(1);
    // Not signed in: nothing but the public view.
    expect((await page.request.get(`${bff}/api/config`)).status()).toBe(401);

    await page.goto(allowed.origin);
    const frame = page.frameLocator('iframe[title="How busy is it now"]');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(answer.siteName);
    await expectLevels(frame, answer);
    await expect(frame.getByText('Live count', { exact: true })).toBeVisible();
    await expect(frame.locator('body')).not.toContainText(/\d+ (of \d+ )?inside/);

    const read = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, body: (await res.json()) as unknown };
    }, `${bff}/api/public`);
    expect(read).toEqual({ status: 200, body: answer });

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 360, height: 720 });
      await page.screenshot({ path: testInfo.outputPath('public-screens', `iframe-320-${scheme}.png`) });
    }
  });

  test('a refused origin: Chromium blocks the frame (CSP frame-ancestors), and CORS keeps /api/public from its scripts', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => violations.push(message.text()));
    await page.goto(refused.origin);
    await expect.poll(() => violations.some((text) => /frame-ancestors/.test(text) && text.includes(allowed.origin))).toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    // The frame holds Chromium's error page, not ours.
    await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toHaveCount(0);
    await expect(page.frameLocator('iframe').getByText(/Space available|Nearly full|Full/)).toHaveCount(0);
    expect(frame!.url()).not.toBe(`${bff}/public`);

    const read = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'read';
      } catch (error) {
        return (error as Error).name;
      }
    }, `${bff}/api/public`);
    expect(read).toBe('TypeError');
    expect(violations.some((text) => /CORS policy/.test(text) && text.includes('Access-Control-Allow-Origin'))).toBe(true);
  });

  test('/public on its own: a phone in light and dark, accessible', async ({ page }, testInfo) => {
    const answer = await expected(page);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${bff}/public`);
      await expectLevels(page, answer);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath('public-screens', `phone-${scheme}.png`), fullPage: true });
    }

    // A stale answer with numbers (as the server sends them when chosen), to see both drawn.
    const stale: PublicOccupancy = {
      ...answer,
      stale: true,
      generatedUtc: new Date(Date.now() - 12 * 60_000).toISOString(),
      spaces: answer.spaces.map((s, i) => ({ ...s, occupancy: 40 + i * 7, capacity: 60 + i * 10 })),
    };
    await page.route(`${bff}/api/public`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'cache-control': 'public, max-age=2', date: new Date().toUTCString() },
        body: JSON.stringify(stale),
      }),
    );
    await page.reload();
    await expect(page.getByText(/^Last count 1[23] min ago$/)).toBeVisible();
    await expect(page.getByRole('main')).toHaveAttribute('data-state', 'stale');
    await expect(page.getByText('40 of 60 inside')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: testInfo.outputPath('public-screens', `phone-stale-numbers-${scheme}.png`), fullPage: true });
    }
  });
});
