// The display-link life cycle in two browsers, on the BFF with accounts: an admin makes a link,
// the wall screen opens it (the token leaves the address bar, the chosen space shows, the cookie is
// HttpOnly and does the rest after a reload), the admin sees it polling, revokes it, and the wall
// says so within a poll without reloading. A screen without a link is told what it needs.
import { join } from 'node:path';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { createdDisplaySchema, displayListSchema } from '@/shared/display-schema';
import { signIn } from './support/accounts';
import { countLoads } from './support/kiosk';
import { PORTS, urlOf } from './support/ports';

const BASE = urlOf(PORTS.accounts);
const WALL = { width: 1920, height: 1080 };
const SCREENS = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'displays-screens');

async function listed(request: APIRequestContext, id: string) {
  const res = await request.get(`${BASE}/api/admin/displays`);
  expect(res.status()).toBe(200);
  return displayListSchema.parse(await res.json()).find((d) => d.id === id);
}

const heading = (page: Page, name: string | RegExp, level?: number) => page.getByRole('heading', { name, ...(level === undefined ? {} : { level }) });

test('a display link: made, opened on the wall, seen, revoked', async ({ browser }) => {
  const adminContext = await browser.newContext({ baseURL: BASE });
  const admin = await adminContext.newPage();
  await signIn(admin, BASE);
  // Settings ▸ Displays makes the same request.
  const made = await admin.request.post(`${BASE}/api/admin/displays`, {
    data: { name: `Pool wall ${Date.now()}`, spaces: ['pool'], mode: 'total', theme: 'light' },
    headers: { origin: BASE },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { id, url } = createdDisplaySchema.parse(await made.json());
  expect(url).toMatch(new RegExp(`^${BASE}/kiosk#display=[A-Za-z0-9_-]{43}$`));
  expect((await listed(admin.request, id))?.lastSeen).toBeNull();

  const wallContext = await browser.newContext({ viewport: WALL });
  const wall = await wallContext.newPage();
  const loads = countLoads(wall);
  await wall.goto(url);
  await expect(heading(wall, 'Pool hall', 1)).toBeVisible();
  await expect(wall.locator('.kiosk')).toHaveAttribute('data-theme', 'light');
  await expect(wall.getByRole('region', { name: 'Entrance sign' })).toContainText(/Come in|Please wait/);
  // The token is gone from the address bar and the history; the cookie is out of the page's reach.
  expect(wall.url()).toBe(`${BASE}/kiosk`);
  expect(await wall.evaluate(() => document.cookie)).not.toContain('occupancy_display');
  const cookie = (await wallContext.cookies()).find((c) => c.name === 'occupancy_display');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(399 * 24 * 3600 * 1000);

  // The cookie alone: the same screen after a reload.
  await wall.reload();
  await expect(heading(wall, 'Pool hall', 1)).toBeVisible();
  await expect.poll(async () => (await listed(admin.request, id))?.lastSeen ?? null).not.toBeNull();

  const before = loads.value;
  const revoked = await admin.request.delete(`${BASE}/api/admin/displays/${id}`, { headers: { origin: BASE } });
  expect(revoked.status()).toBe(204);
  // The BFF polls every 2 s here: one poll, with room for a busy machine.
  await expect(heading(wall, 'This display link was revoked')).toBeVisible({ timeout: 6_000 });
  expect(loads.value).toBe(before);
  await wall.screenshot({ path: join(SCREENS, 'revoked-1920x1080.png') });
  expect((await listed(admin.request, id))?.revokedAt).not.toBeNull();

  await wallContext.close();
  await adminContext.close();
});

test('a kiosk with neither a link nor a session, where accounts exist, says it needs a display link', async ({ browser }) => {
  const context = await browser.newContext({ viewport: WALL });
  const page = await context.newPage();
  await page.goto(`${BASE}/kiosk`);
  await expect(heading(page, 'This screen needs a display link')).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'needs-link-1920x1080.png') });
  await context.close();
});
