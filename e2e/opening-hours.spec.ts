// Outside opening hours a wall screen says "Closed" and when the site opens next, turning at the
// closing minute by itself (no poll needed). On the no-PRO BFF, which no other spec changes the
// settings of: the hours are set by the API for this test and cleared in `finally` (one worker
// runs the specs one after another, so no other spec sees them). The browser's clock is pinned
// with page.clock, so the test means the same whatever the day it runs.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './support/accounts';
import { PORTS, urlOf } from './support/ports';

const BASE = urlOf(PORTS.noPro);
const SCREENS = join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'opening-hours-screens');
const WEEKDAYS_7_TO_22 = {
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['07:00', '22:00']]])),
  closed: [],
  special: [],
};

test('a kiosk outside opening hours shows "Closed" and the next opening', async ({ page, browser }) => {
  await signIn(page, BASE);
  const headers = { origin: BASE, 'content-type': 'application/json' };
  const putHours = (body: unknown) => page.request.put(`${BASE}/api/admin/settings/hours`, { data: JSON.stringify(body), headers });
  const made = await page.request.post(`${BASE}/api/admin/displays`, { data: { name: 'Hours wall', mode: 'total' }, headers });
  expect(made.status(), await made.text()).toBe(201);
  const display = (await made.json()) as { id: string; url: string };
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    expect((await putHours(WEEKDAYS_7_TO_22)).status()).toBe(200);
    const wall = await wallContext.newPage();
    // Friday 27 November 2026, 21:59:50 in Budapest (the site's zone).
    await wall.clock.setFixedTime(new Date('2026-11-27T20:59:50Z'));
    await wall.goto(display.url);
    // Open: the screen shows what it has (this account has no PRO devices, so it says that).
    await expect(wall.getByRole('heading', { name: 'No people counters to show' })).toBeVisible();
    await expect(wall.getByRole('heading', { name: 'Closed' })).toHaveCount(0);

    // 22:00:10: the screen turns by itself.
    await wall.clock.setFixedTime(new Date('2026-11-27T21:00:10Z'));
    await expect(wall.getByRole('heading', { name: 'Closed' })).toBeVisible();
    await expect(wall.getByText('Opens Monday 07:00')).toBeVisible();
    await expect(wall.getByRole('heading', { name: 'No people counters to show' })).toHaveCount(0);
    await wall.screenshot({ path: join(SCREENS, 'kiosk-closed-wall.png') });
  } finally {
    await wallContext.close();
    await putHours(null);
    await page.request.delete(`${BASE}/api/admin/displays/${display.id}`, { headers: { origin: BASE } });
  }
});
