// What the kiosk specs share: the two wall-screen viewports, a counter of full page loads (a
// reload is a navigation of the main frame), a marker that only survives if the page was not
// reloaded, the occupancy answer the demo BFF gives at a moment, and screenshots for a person to
// look at, saved under test-results/kiosk-screens/.
import { join } from 'node:path';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { type Occupancy, occupancySchema } from '@/shared/api-schema';

export const VIEWPORTS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
} as const;
export type Orientation = keyof typeof VIEWPORTS;

export const SCREENS_DIR = join('test-results', 'kiosk-screens');

export async function saveScreen(page: Page, name: string): Promise<void> {
  // Finished animations: a page that has just turned is shown as it settles, not mid-fade.
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), animations: 'disabled' });
}

/** Counts loads of the page's main frame; the first goto is 1, every reload adds one. */
export function countLoads(page: Page): { readonly value: number } {
  const counter = { value: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) counter.value += 1;
  });
  return counter;
}

/** Sets a value on window that a reload would wipe. */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { kioskMarker?: string }).kioskMarker = 'still the same page';
  });
}

export async function expectSameWindow(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { kioskMarker?: string }).kioskMarker)).toBe('still the same page');
}

/** What the demo BFF answers now (its clock is the simulator's). */
export async function currentOccupancy(request: APIRequestContext): Promise<Occupancy> {
  const res = await request.get('/api/occupancy');
  expect(res.status()).toBe(200);
  return occupancySchema.parse(await res.json());
}

export const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);

/** The entrance sign's words while the count is live. */
export const LIVE_SIGN = /Come in|Please wait/;
export const UNAVAILABLE = 'Live count unavailable';
