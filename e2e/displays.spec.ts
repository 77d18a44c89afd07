// The display-link life cycle in two browsers, on the BFF with accounts: an admin makes a link in
// Settings ▸ Displays, the wall screen opens it (the token leaves the address bar, the chosen space
// shows, the HttpOnly cookie does the rest after a reload), the admin sees it polling, revokes it,
// and the wall says so within a poll without reloading. A screen without a link is told so.
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support/accounts';
import { countLoads } from './support/kiosk';
import { PORTS, urlOf } from './support/ports';

const BASE = urlOf(PORTS.accounts);
const WALL = { width: 1920, height: 1080 };
const SCREENS = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'displays-screens');

const heading = (page: Page, name: string | RegExp, level?: number) => page.getByRole('heading', { name, ...(level === undefined ? {} : { level }) });

test('a display link: made in Settings, opened on the wall, seen, revoked', async ({ browser }) => {
  const adminContext = await browser.newContext({ baseURL: BASE, viewport: { width: 1440, height: 1000 } });
  const admin = await adminContext.newPage();
  await signIn(admin, BASE);
  await admin.goto('/settings/displays');
  const name = `Pool wall ${Date.now() % 100_000}`;
  await admin.getByRole('textbox', { name: 'Name' }).fill(name);
  await admin.getByRole('checkbox', { name: 'Pool hall' }).check();
  await admin.getByRole('radio', { name: 'One number with the entrance sign' }).check();
  await admin.getByRole('radio', { name: 'Light' }).check();
  await admin.getByRole('button', { name: 'Make link' }).click();
  const link = admin.getByRole('textbox', { name: 'Display link' });
  await expect(link).toHaveValue(new RegExp(`^${BASE}/kiosk#display=[A-Za-z0-9_-]{43}$`));
  const url = await link.inputValue();
  await expect(
    admin.getByRole('img', { name: `QR code of the display link for ${name}: scan it with the wall screen's camera, or open the link shown beside it.` }),
  ).toBeVisible();
  await admin.screenshot({ path: join(SCREENS, 'section-link-desktop.png'), fullPage: true });
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.screenshot({ path: join(SCREENS, 'section-link-phone.png'), fullPage: true });
  await admin.setViewportSize({ width: 1440, height: 1000 });
  await admin.getByRole('button', { name: 'Done' }).click();
  const item = admin.getByRole('listitem', { name });
  await expect(item).toContainText('Never opened');

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

  // The admin sees it polling (the list is asked again on opening the page).
  await admin.reload();
  await expect(item).toContainText(/Last seen (just now|\d+ s ago)/);
  await admin.screenshot({ path: join(SCREENS, 'section-list-desktop.png'), fullPage: true });
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.screenshot({ path: join(SCREENS, 'section-list-phone.png'), fullPage: true });

  const before = loads.value;
  await item.getByRole('button', { name: `Revoke the link of ${name}` }).click();
  const dialog = admin.getByRole('dialog', { name: `Revoke the link of “${name}”?` });
  await admin.screenshot({ path: join(SCREENS, 'section-revoke-phone.png') });
  await dialog.getByRole('button', { name: 'Revoke link' }).click();
  await expect(item).toBeHidden();
  // The BFF polls every 2 s here: one poll, with room for a busy machine.
  await expect(heading(wall, 'This display link was revoked')).toBeVisible({ timeout: 6_000 });
  expect(loads.value).toBe(before);
  await wall.screenshot({ path: join(SCREENS, 'revoked-1920x1080.png') });

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
