// The installable app and its offline shell, in Chromium against the built SPA: the manifest and
// its icons load; after one visit the worker controls the page, and with the network off a reload
// shows the dashboard with the last numbers marked not live with their age (never as live); sign-out
// leaves nothing of the person in storage or in a runtime cache; a new build is picked up once.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support/accounts';
import { siteTotal } from './support/dashboard';
import { PORTS, urlOf } from './support/ports';

const KEPT_PREFIX = 'occupancy-live:last-answer:';
const UPDATED = 'Occupancy Live was updated.';

/** The worker has installed, taken over the page, and the page has kept its last answer. */
async function controlledAndKept(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction((prefix) => localStorage.getItem(`${prefix}occupancy`) !== null, KEPT_PREFIX);
}

async function expectLive(page: Page) {
  await expect(siteTotal(page).getByText('Live', { exact: true })).toBeVisible();
  await expect(siteTotal(page)).not.toHaveAttribute('data-stale');
}

/** The manifest names the app and its icons, maskable 192 and 512 among them, and they load. */
async function expectInstallable(page: Page) {
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  const res = await page.request.get('/manifest.webmanifest');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await res.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; purpose: string }[] };
  expect(manifest).toMatchObject({ name: 'Occupancy Live', start_url: '/', display: 'standalone' });
  const maskable = manifest.icons.filter((icon) => icon.purpose === 'maskable').map((icon) => icon.sizes);
  expect(maskable.sort()).toEqual(['192x192', '512x512']);
  for (const icon of manifest.icons) {
    const image = await page.request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type'], icon.src).toBe('image/png');
  }
}

/**
 * The demo BFF behind a pass-through proxy of its own origin, whose /sw.js can turn into the next
 * build's (one comment more). A deploy without a second build; the worker's own update check asks
 * the browser's network stack, which no Playwright route sees.
 */
async function deployableBff(): Promise<{ url: string; deploy: () => void; close: () => Promise<void> }> {
  let deployed = false;
  const server: Server = createServer((req, res) => {
    const worker = req.url === '/sw.js';
    const headers = { ...req.headers };
    // The next build's worker must come whole: no 304 for the old one, nothing compressed to edit.
    if (worker) for (const name of ['if-none-match', 'if-modified-since', 'accept-encoding']) delete headers[name];
    const upstream = request({ host: '127.0.0.1', port: PORTS.demo, path: req.url, method: req.method, headers }, (answer) => {
      if (!worker || !deployed) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.concat([...chunks, Buffer.from('\n// the next build\n')]);
        const { etag: _etag, 'last-modified': _modified, ...rest } = answer.headers;
        res.writeHead(answer.statusCode ?? 502, { ...rest, 'content-length': String(body.length) });
        res.end(body);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deploy: () => (deployed = true),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** From the next page load on, records whether the site total ever showed without its stale mark. */
const RECORD_LIVE = () => {
  const w = window as unknown as { sawLive: boolean };
  w.sawLive = false;
  const look = () => {
    for (const section of document.querySelectorAll('section')) {
      if (!section.hasAttribute('data-stale') && section.querySelector('h2')?.textContent === 'Inside now · whole site') w.sawLive = true;
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
};

// The worker is what this spec is about (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('installable, and after one visit the dashboard opens with the network off: the last numbers, not live, with their age', async ({ page, context }) => {
  await page.goto('/');
  await expectInstallable(page);
  await expectLive(page);
  await controlledAndKept(page);

  await page.addInitScript(RECORD_LIVE);
  await context.setOffline(true);
  const offline = await page.reload();
  expect(offline?.fromServiceWorker(), 'the page came from the worker’s shell').toBe(true);
  await expect(page.getByRole('heading', { name: /^This screen cannot reach the Occupancy Live server\. Showing the numbers from \d+ s ago$/ })).toBeVisible();
  await expect(siteTotal(page)).toHaveAttribute('data-stale', 'true');
  await expect(siteTotal(page)).toContainText('Not live');
  expect(await page.evaluate(() => (window as unknown as { sawLive: boolean }).sawLive), 'the kept numbers were never shown as live').toBe(false);

  // Back online, the numbers are live again by themselves.
  await context.setOffline(false);
  await expectLive(page);
});

test('sign-out leaves nothing of the person: no kept answer, no runtime cache (the build’s precache stays)', async ({ page }) => {
  const base = urlOf(PORTS.accounts);
  await signIn(page, base);
  await page.goto(`${base}/`);
  await expectLive(page);
  await controlledAndKept(page);
  // A cache some later version might fill at run time: sign-out must empty it too.
  await page.evaluate(() => caches.open('occupancy-runtime').then((cache) => cache.put('/api/occupancy', new Response('{}'))));

  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Account: / })
    .click();
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${base}/sign-in?note=signed-out`);

  const left = await page.evaluate(
    async (prefix) => ({
      kept: Object.keys(localStorage).filter((key) => key.startsWith(prefix)),
      caches: await caches.keys(),
    }),
    KEPT_PREFIX,
  );
  expect(left.kept).toEqual([]);
  expect(left.caches.length).toBeGreaterThan(0);
  expect(
    left.caches.every((name) => name.startsWith('workbox-precache')),
    left.caches.join(', '),
  ).toBe(true);
});

test('a new build is picked up exactly once: "Reload for the new version", one reload, and it does not come back', async ({ page }) => {
  const bff = await deployableBff();
  try {
    await page.goto(`${bff.url}/`);
    await controlledAndKept(page);

    // The deploy; the next visit finds the new worker, which waits for the person's go-ahead.
    // Chromium asks for sw.js a few seconds after a navigation; the page's hourly check is asked
    // at once here instead (the same update, sooner).
    bff.deploy();
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    const bar = page.getByRole('status').filter({ hasText: UPDATED });
    await expect(bar).toHaveCount(1, { timeout: 20_000 });
    const button = bar.getByRole('button', { name: 'Reload for the new version' });
    await expect(button).toBeVisible();

    let loads = 0;
    page.on('load', () => (loads += 1));
    await Promise.all([page.waitForEvent('load'), button.click()]);
    await expectLive(page);
    const settled = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return {
          waiting: registration?.waiting != null,
          installing: registration?.installing != null,
          controlled: navigator.serviceWorker.controller !== null,
        };
      });
    // The new build is in control and nothing waits: there is nothing left to offer, so the bar
    // cannot come back (each page asks for waiting workers as it registers).
    await expect.poll(settled).toEqual({ waiting: false, installing: false, controlled: true });
    await expect(bar).toHaveCount(0);
    expect(loads).toBe(1);
  } finally {
    await bff.close();
  }
});
