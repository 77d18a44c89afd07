// What the kiosk specs share: the two wall-screen viewports, a counter of full page loads (a
// reload is a navigation of the main frame), a marker that only survives if the page was not
// reloaded, the occupancy answer the demo BFF gives at a moment, and screenshots for a person to
// look at, saved under test-results/kiosk-screens/. Network cuts wait until they have taken hold,
// and recoveries drive the page's clock until the state shows, so a busy machine cannot race them.
// A site without spaces is the demo's own answers with the spaces taken out; axe scans a screen.
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page, type Route } from '@playwright/test';
import { DEMO_SITE } from '@/server/demo-site';
import { type Occupancy, occupancySchema, type SpaceOccupancy } from '@/shared/api-schema';
import { withoutEmbeddedAnswers } from './boot';

/** The demo site's name, the kiosk's title when it is about the whole site. */
export const DEMO_SITE_NAME = DEMO_SITE.siteName ?? 'Occupancy Live';

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

type AbortCode = Parameters<Route['abort']>[0];

/**
 * Makes every request to `url` fail and waits until a poll of /api/occupancy has failed: only
 * then can no answer from before the cut still be on its way (the polls never overlap), so a
 * late success cannot land after the clock has been moved on. Returns the count of failed requests.
 */
export async function cutOff(page: Page, url: string, errorCode: AbortCode): Promise<{ readonly value: number }> {
  const blocked = { value: 0 };
  const failedPoll = page.waitForEvent('requestfailed', (r) => new URL(r.url()).pathname === '/api/occupancy');
  await page.route(url, (route) => {
    blocked.value += 1;
    return route.abort(errorCode);
  });
  await failedPoll;
  return blocked;
}

/**
 * Moves the page's clock on a few seconds at a time until `read` matches. After an outage the
 * next poll may sit in a back-off of up to 30 s that began just before the server came back (a
 * poll still failing when the route was lifted), so one fixed jump is a race on a busy machine.
 * A jump can fail while the page reloads; the next one goes to the new page.
 */
export async function driveClockUntil(page: Page, read: () => unknown, expected: RegExp | number): Promise<void> {
  const poll = expect.poll(
    async () => {
      await page.clock.fastForward(5_000).catch(() => undefined);
      return read();
    },
    { timeout: 30_000 },
  );
  if (typeof expected === 'number') await poll.toBe(expected);
  else await poll.toMatch(expected);
}

/** Drives the clock until the entrance sign says the count is live again. */
export async function driveClockUntilLive(page: Page, sign: Locator): Promise<void> {
  await driveClockUntil(page, async () => (await sign.textContent()) ?? '', LIVE_SIGN);
}

/** A space of the demo's answer, by id; fails naming the ids the demo has. */
export function spaceById(answer: Occupancy, id: string): SpaceOccupancy {
  const space = answer.spaces.find((s) => s.id === id);
  expect(space, `the demo has a space "${id}" (its spaces: ${answer.spaces.map((s) => s.id).join(', ')})`).toBeDefined();
  return space!;
}

/** The entrance sign's data-state for a space whose count is live. */
export function signStateOf(space: SpaceOccupancy): string {
  if (space.capacity === null) return 'no-capacity';
  return space.state === 'unknown' ? 'unavailable' : space.state;
}

/** A card's state line for a space whose count is live. */
export const STATE_WORDS = { available: 'Space available', nearly_full: 'Nearly full', full: 'Full', unknown: 'Live count unavailable' } as const;

/**
 * Makes the page see a site without configured spaces (the doors-only kiosk of a small install):
 * the demo's own answers, with `spacesConfigured` false and the config's tree taken out.
 */
export async function withoutSpaces(page: Page): Promise<void> {
  // Shaped in the network: the page must ask the network for its first answers too.
  await withoutEmbeddedAnswers(page);
  const rewrite = (change: (body: Record<string, unknown>) => Record<string, unknown>) => async (route: Route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response, json: change((await response.json()) as Record<string, unknown>) });
    } catch {
      await route.abort('connectionrefused').catch(() => undefined); // the server is gone, or the page closed
    }
  };
  await page.route(
    '**/api/occupancy',
    rewrite((body) => ({ ...body, spacesConfigured: false })),
  );
  await page.route(
    '**/api/config',
    rewrite((body) => ({ ...body, spaces: null })),
  );
}

/** No WCAG 2.1 A/AA violation on the screen as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
