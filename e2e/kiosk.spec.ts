// The kiosk at /kiosk on wall-screen viewports (1920×1080 and 1080×1920), against the demo BFF
// and its embedded simulator: every door is paged through with a visible indicator, the site
// total's digits are at least a quarter of the screen tall, an old count is marked stale and
// then neutral after the configured outage and recovers without a reload, a deploy causes
// exactly one reload, and a server that is down causes none; with the demo's spaces, a space's card
// and a space's own sign. Time is driven, not waited for:
// the simulator's clock (the BFF's `ageSeconds` follows it) and Playwright's page.clock for the
// browser's timers. Screenshots go to test-results/kiosk-screens/ to be looked at.
import { expect, type Page, test } from '@playwright/test';
import { SimControl } from './support/simulator';
import type { Occupancy } from '@/shared/api-schema';
import {
  count,
  countLoads,
  currentOccupancy,
  cutOff,
  DEMO_SITE_NAME,
  driveClockUntil,
  driveClockUntilLive,
  expectSameWindow,
  LIVE_SIGN,
  expectNoAxeViolations,
  markWindow,
  type Orientation,
  saveScreen,
  signStateOf,
  spaceById,
  STATE_WORDS,
  UNAVAILABLE,
  VIEWPORTS,
  withoutSpaces,
} from './support/kiosk';
import { withoutEmbeddedAnswers } from './support/boot';

const ORIENTATIONS = Object.keys(VIEWPORTS) as Orientation[];
/** Thursday mornings in January 2027: a day no other spec uses, so the BFF's cache is fresh. */
const MORNING = new Date('2027-01-14T09:30:00Z'); // 10:30 in Budapest
const AFTERNOON = new Date('2027-01-14T13:00:00Z');

let sim: SimControl;

test.beforeEach(async ({ request }) => {
  sim = new SimControl(request);
  await sim.reset();
});

test.afterEach(async () => {
  await sim.reset();
});

const sign = (page: Page) => page.getByRole('region', { name: 'Entrance sign' });
const doors = (page: Page) => page.getByRole('list', { name: /^Doors/ });
const spaces = (page: Page) => page.getByRole('list', { name: /^Spaces/ });

async function expectWallScreen(page: Page) {
  const screen = await page.evaluate(() => {
    const root = document.documentElement;
    const kiosk = document.querySelector('.kiosk');
    return {
      scrollsX: root.scrollWidth > window.innerWidth,
      scrollsY: root.scrollHeight > window.innerHeight,
      cursor: kiosk ? getComputedStyle(kiosk).cursor : null,
      focusable: document.querySelectorAll('a[href], button, input, select, textarea, [tabindex], [contenteditable]').length,
    };
  });
  expect(screen).toEqual({ scrollsX: false, scrollsY: false, cursor: 'none', focusable: 0 });
}

for (const orientation of ORIENTATIONS) {
  test.describe(`${orientation} ${VIEWPORTS[orientation].width}×${VIEWPORTS[orientation].height}`, () => {
    test.use({ viewport: VIEWPORTS[orientation] });

    test('a site without spaces: pages through every demo door with a visible page indicator', async ({ page, request }) => {
      await sim.setClock(MORNING);
      const answer = await currentOccupancy(request);
      const allDoors = answer.devices.map((d) => d.name).sort();
      expect(allDoors).toHaveLength(12);

      await withoutSpaces(page);
      await page.goto('/kiosk?rotate=3');
      await expect(sign(page)).toContainText(LIVE_SIGN);
      await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_SITE_NAME);
      await expect(page.getByText(/^Page 1 of \d$/)).toBeVisible();
      const pages = Number((await doors(page).getAttribute('aria-label'))?.match(/of (\d+)/)?.[1]);
      expect(pages).toBeGreaterThan(1);

      const seen = new Set<string>();
      for (let p = 1; p <= pages; p++) {
        const list = page.getByRole('list', { name: `Doors, page ${p} of ${pages}` });
        await expect(list).toBeVisible({ timeout: 8_000 });
        await expect(page.getByText(`Page ${p} of ${pages}`, { exact: true })).toBeVisible();
        for (const name of await list.getByRole('heading', { level: 3 }).allTextContents()) seen.add(name);
        if (p === 1) await saveScreen(page, `${orientation}-doors-live`);
      }
      expect([...seen].sort()).toEqual(allDoors);
      // …and round again.
      await expect(page.getByRole('list', { name: `Doors, page 1 of ${pages}` })).toBeVisible({ timeout: 8_000 });
      await expectWallScreen(page);
    });

    test("site-total mode: the number's digits are at least a quarter of the screen tall", async ({ page, request }) => {
      await sim.setClock(MORNING);
      const { total } = await currentOccupancy(request);
      // Three digits: a portrait screen's width holds them at a quarter of its height (four do not).
      expect(total.occupancy).toBeLessThan(1000);

      await page.goto('/kiosk?mode=total');
      const number = page.getByRole('region', { name: 'Inside now' }).getByText(count(total.occupancy), { exact: true });
      await expect(number).toBeVisible();
      await expect(sign(page)).toContainText(LIVE_SIGN);
      const box = await number.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(0.25 * VIEWPORTS[orientation].height);
      // Nothing cut off: the number fits inside the screen.
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= VIEWPORTS[orientation].width).toBe(true);
      await expect(page.getByText(/^\d{1,2}:\d{2}$/)).toBeVisible(); // the clock
      await expect(page.getByText(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+$/)).toBeVisible();
      await expectWallScreen(page);
      await saveScreen(page, `${orientation}-total-live`);
    });
  });
}

test.describe('landscape, four digits', () => {
  test.use({ viewport: VIEWPORTS.landscape });

  test('a four-digit site total still meets the size rule on a landscape screen', async ({ page }) => {
    await sim.setClock(AFTERNOON);
    // The demo building holds a few hundred; a large venue's total is the demo's answer with four digits.
    const LARGE = 1284;
    // Shaped in the network: the page must ask the network for it.
    await withoutEmbeddedAnswers(page);
    await page.route('**/api/occupancy', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Occupancy;
      // `total` equals the root space: both carry the large venue's count.
      const site = { in: LARGE + 200, out: 200, occupancy: LARGE, capacity: 2000 };
      const [root, ...rooms] = body.spaces;
      const spaces = [{ ...root!, ...site, raw: LARGE, state: 'available' as const }, ...rooms];
      await route.fulfill({ response, json: { ...body, total: site, spaces } });
    });
    await page.goto('/kiosk?mode=total&theme=light');
    const number = page.getByRole('region', { name: 'Inside now' }).getByText(count(LARGE), { exact: true });
    await expect(number).toBeVisible();
    expect((await number.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(0.25 * VIEWPORTS.landscape.height);
    await saveScreen(page, 'landscape-total-light-4-digits');
  });
});

test.describe('never lies', () => {
  test('vendor outage: stale with its age, then the neutral sign after the outage limit, then back without a reload (portrait, site total)', async ({
    page,
  }) => {
    await page.setViewportSize(VIEWPORTS.portrait);
    const start = new Date('2027-01-21T09:30:00Z');
    await sim.setClock(start);
    const loads = countLoads(page);
    await page.goto('/kiosk?mode=total&outage=60');
    await expect(sign(page)).toContainText(LIVE_SIGN);
    await markWindow(page);

    // The vendor fails; 30 s later on the server's clock its last good answer is 30 s old.
    await sim.setFaults({ status: 503 });
    await sim.advance(30_000);
    const inside = page.getByRole('region', { name: 'Inside now' });
    await expect(inside).toHaveAttribute('data-stale', 'true');
    await expect(inside.getByText(/^Not live · 3\d s old$/)).toBeVisible();
    await expect(sign(page)).toContainText(LIVE_SIGN); // still within the outage limit
    await saveScreen(page, 'portrait-total-stale');

    // 75 s without a confirmed count: past the 60 s limit the sign goes neutral.
    await sim.advance(45_000);
    await expect(sign(page)).toContainText(UNAVAILABLE);
    await expect(sign(page)).not.toContainText(LIVE_SIGN);
    await expect(sign(page)).toContainText(/Last count 1 min ago/);
    await saveScreen(page, 'portrait-total-unavailable');

    // The vendor answers again: live by itself, on the same page, once the server's back-off has
    // run out (at most the third step by now: 20–24 s at CACHE_SECONDS=5, on the server's clock).
    await sim.setFaults({ status: null });
    await sim.advance(30_000);
    await expect(sign(page)).toContainText(LIVE_SIGN);
    await expect(inside).not.toHaveAttribute('data-stale');
    await expect(page.getByText('Live', { exact: true })).toBeVisible();
    await expectSameWindow(page);
    expect(loads.value).toBe(1);
  });

  test('dropped network: stale, then neutral, then back without a reload, on the browser clock (landscape, doors)', async ({ page }) => {
    await page.setViewportSize(VIEWPORTS.landscape);
    await sim.setClock(new Date('2027-01-28T09:30:00Z'));
    await page.clock.install();
    const loads = countLoads(page);
    await withoutSpaces(page);
    await page.goto('/kiosk?outage=90&rotate=3600');
    await expect(sign(page)).toContainText(LIVE_SIGN);
    await markWindow(page);

    const blocked = await cutOff(page, '**/api/**', 'internetdisconnected');
    await page.clock.fastForward(20_000);
    await expect(page.getByText(/^Not live · last count 2\d s ago$/)).toBeVisible();
    await expect(doors(page).locator('article[data-stale]').first()).toBeVisible();
    await expect(sign(page)).toContainText(LIVE_SIGN);
    await saveScreen(page, 'landscape-doors-stale');

    // Past the 90 s outage limit, to the middle of the "1 min old" minute (1:45): the real time a
    // busy machine spends on the steps above cannot carry the age past 2 min.
    for (const ms of [31_000, 31_000, 23_000]) await page.clock.fastForward(ms);
    await expect(sign(page)).toContainText(UNAVAILABLE);
    await expect(
      doors(page)
        .getByText(/^1 min old$/)
        .first(),
    ).toBeVisible();
    await saveScreen(page, 'landscape-doors-unavailable');
    expect(blocked.value).toBeGreaterThan(1); // it kept trying

    await page.unroute('**/api/**');
    await driveClockUntilLive(page, sign(page)); // within the longest back-off
    await expect(sign(page)).toContainText(LIVE_SIGN);
    await expect(page.getByText('Live', { exact: true })).toBeVisible();
    await expect(doors(page).locator('article[data-stale]')).toHaveCount(0);
    await expectSameWindow(page);
    expect(loads.value).toBe(1);
  });
});

test.describe('runs unattended', () => {
  test.use({ viewport: VIEWPORTS.landscape });

  test('a new build on the server reloads the page exactly once, even while two builds answer in turn', async ({ page }) => {
    await page.clock.install();
    const loads = countLoads(page);
    let deployed = false;
    let configCalls = 0;
    // The build ids are shaped in the network: the page asks it for every config.
    await withoutEmbeddedAnswers(page);
    await page.route('**/api/config', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { buildId: string };
      configCalls += 1;
      // After the deploy, a rolling restart: old and new servers answer in turn.
      const buildId = deployed && configCalls % 2 === 0 ? 'next-build' : body.buildId;
      await route.fulfill({ response, json: { ...body, buildId } });
    });

    await page.goto('/kiosk?mode=total');
    await expect(sign(page)).toContainText(LIVE_SIGN);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_SITE_NAME); // the config is in
    expect(loads.value).toBe(1);

    // The build check runs a minute after its last answer, and the page may take a moment to
    // handle that answer, so move the clock half a minute at a time until the next check arrives.
    const minute = async () => {
      const before = configCalls;
      await expect
        .poll(async () => {
          await page.clock.fastForward(30_000).catch(() => undefined); // fails while the page reloads
          return configCalls;
        })
        .toBeGreaterThan(before);
    };
    deployed = true;
    await minute();
    await expect.poll(() => loads.value).toBe(2);
    // The reloaded page's first poll may have met the reload and be waiting out its back-off:
    // drive the clock on until the live sign is back.
    await expect
      .poll(
        async () => {
          await page.clock.fastForward(5_000).catch(() => undefined);
          return (await sign(page).textContent()) ?? '';
        },
        { timeout: 30_000 },
      )
      .toMatch(LIVE_SIGN);
    const handled = await page.evaluate(() => sessionStorage.getItem('occupancy-live:kiosk:reloaded-for-builds'));
    expect(JSON.parse(handled ?? '[]')).toContain('next-build');

    // Ten more checks with old and new answering in turn: no second reload.
    for (let i = 0; i < 10; i++) await minute();
    expect(loads.value).toBe(2);
  });

  test('a server that is down causes no reload, only patient retries, and the page recovers by itself', async ({ page }) => {
    await page.clock.install();
    const loads = countLoads(page);
    await page.goto('/kiosk?mode=total&outage=60');
    await expect(sign(page)).toContainText(LIVE_SIGN);
    await markWindow(page);

    let attempts = 0;
    await page.route('**/*', (route) => {
      attempts += 1;
      return route.abort('connectionrefused');
    });
    // Half an hour of outage, a minute at a time: config checks and polls all fail.
    for (let i = 0; i < 30; i++) await page.clock.fastForward(61_000);
    await expect(sign(page)).toContainText(UNAVAILABLE);
    expect(loads.value).toBe(1);
    // Bounded back-off: after half an hour it still tries, within the next minute (counted once the
    // page has settled: how many of the half hour's tries a busy machine lets through varies)...
    const before = attempts;
    await page.clock.fastForward(61_000);
    await expect.poll(() => attempts).toBeGreaterThan(before);
    // ...and it never hammered.
    expect(attempts).toBeLessThan(400);

    await page.unroute('**/*');
    await driveClockUntilLive(page, sign(page)); // within the longest back-off
    await expect(sign(page)).toContainText(LIVE_SIGN);
    await expectSameWindow(page);
    expect(loads.value).toBe(1);
  });

  test('the daily reload happens at the quiet hour, not while the server is down, and once it is back', async ({ page }) => {
    // 03:29 in Budapest (UTC+1 in January).
    await page.clock.install({ time: new Date('2027-01-15T02:29:00Z') });
    const loads = countLoads(page);
    await page.goto('/kiosk?mode=total&reload=03:30');
    await expect(sign(page)).toContainText(LIVE_SIGN);

    // Down across 03:30: no reload into an error page. The cut has taken hold before the clock
    // passes 03:30, so no answer sent before it can arrive after 03:30 and (rightly) reload.
    await cutOff(page, '**/*', 'connectionrefused');
    for (let i = 0; i < 4; i++) await page.clock.fastForward(61_000);
    await expect(sign(page)).toContainText(UNAVAILABLE);
    expect(loads.value).toBe(1);

    // Back: the missed reload happens once, as soon as the count is live again. The next poll
    // may be waiting out its back-off (a poll that failed just as the server came back): drive
    // the clock until the reload, then until the new page's count is live.
    await page.unroute('**/*');
    await driveClockUntil(page, () => loads.value, 2);
    await driveClockUntilLive(page, sign(page));
    for (let i = 0; i < 3; i++) await page.clock.fastForward(61_000);
    await driveClockUntilLive(page, sign(page)); // answers after the jumps: a reload would have come with them
    expect(loads.value).toBe(2);
  });
});

test.describe('set up by the link', () => {
  test.use({ viewport: VIEWPORTS.landscape });

  test('a mistyped link shows what to fix, in large type, with nothing to click', async ({ page }) => {
    await page.goto('/kiosk?devcies=91&rotate=1');
    await expect(page.getByRole('heading', { name: 'This kiosk link needs a fix' })).toBeVisible();
    await expect(page.getByText(/“devcies” is not a kiosk setting/)).toBeVisible();
    await expect(page.getByText(/rotate=1: use a whole number of seconds from 2 to 3600/)).toBeVisible();
    await expectWallScreen(page);
    await saveScreen(page, 'landscape-bad-link');
  });

  test('a site without spaces: chosen doors in the chosen order, light theme; an unknown door number is named', async ({ page }) => {
    await sim.setClock(MORNING);
    await withoutSpaces(page);
    await page.goto('/kiosk?devices=93,91&theme=light');
    await expect(doors(page).getByRole('heading', { level: 3 })).toHaveCount(2);
    const names = await doors(page).getByRole('heading', { level: 3 }).allTextContents();
    expect(names).toHaveLength(2);
    await expect(page.getByText(/^Page \d of \d$/)).toHaveCount(0);
    await saveScreen(page, 'landscape-two-doors-light');

    await page.goto('/kiosk?devices=91,999');
    await expect(page.getByRole('heading', { name: 'This kiosk link needs a fix' })).toBeVisible();
    await expect(page.getByText(/Device 999 is not among this site's people counters/)).toBeVisible();
  });
});

test.describe('spaces (the demo building)', () => {
  for (const orientation of ORIENTATIONS) {
    test.describe(`${orientation} ${VIEWPORTS[orientation].width}×${VIEWPORTS[orientation].height}`, () => {
      test.use({ viewport: VIEWPORTS[orientation] });

      test('space=cafe: the café on one card, its count and its state in words; axe finds nothing', async ({ page, request }) => {
        await sim.setClock(MORNING);
        const cafe = spaceById(await currentOccupancy(request), 'cafe');
        await page.goto('/kiosk?space=cafe');
        const card = spaces(page).getByRole('article');
        await expect(card).toHaveCount(1);
        await expect(card.getByRole('heading', { level: 3 })).toHaveText(cafe.name);
        await expect(card.getByText(count(cafe.occupancy), { exact: true })).toBeVisible();
        if (cafe.capacity !== null) await expect(card).toContainText(STATE_WORDS[cafe.state]);
        await expect(doors(page)).toHaveCount(0);
        await expectWallScreen(page);
        await expectNoAxeViolations(page);
        await saveScreen(page, `${orientation}-space-cafe`);
      });

      test("mode=total&space=pool: the pool hall's number under its name, and its own entrance sign; axe finds nothing", async ({ page, request }) => {
        await sim.setClock(MORNING);
        const pool = spaceById(await currentOccupancy(request), 'pool');
        await page.goto('/kiosk?mode=total&space=pool');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(pool.name);
        const { siteName } = (await (await request.get('/api/config')).json()) as { siteName: string };
        await expect(page.getByText(siteName, { exact: true })).toBeVisible(); // where the pool hall is
        const number = page.getByRole('region', { name: 'Inside now' }).getByText(count(pool.occupancy), { exact: true });
        await expect(number).toBeVisible();
        await expect(sign(page)).toHaveAttribute('data-state', signStateOf(pool));
        if (pool.state === 'full') await expect(sign(page)).toContainText('Please wait');
        else if (pool.state !== 'unknown') await expect(sign(page)).toContainText('Come in');
        expect((await number.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(0.25 * VIEWPORTS[orientation].height);
        await expectWallScreen(page);
        await expectNoAxeViolations(page);
        await saveScreen(page, `${orientation}-total-pool`);
      });
    });
  }

  test.describe('landscape', () => {
    test.use({ viewport: VIEWPORTS.landscape });

    test("without parameters: the site's sign, a card per room under it, and no door claims people inside", async ({ page, request }) => {
      await sim.setClock(MORNING);
      const answer = await currentOccupancy(request);
      expect(answer.spacesConfigured).toBe(true);
      await page.goto('/kiosk?rotate=3600');
      // The building's own entrance sign heads it, with the site's number: the site is no card.
      await expect(sign(page)).toContainText(LIVE_SIGN);
      await expect(sign(page)).toContainText(`${answer.spaces[0]!.occupancy} of ${answer.spaces[0]!.capacity} inside`);
      const names = spaces(page).getByRole('heading', { level: 3 });
      await expect(names.first()).toHaveText(answer.spaces[1]!.name);
      const shown = await names.allTextContents();
      expect(shown).toEqual(answer.spaces.slice(1, 1 + shown.length).map((s) => s.name));
      await expect(doors(page)).toHaveCount(0);
      // No card is a door's (unless a door is named after its room).
      const spaceNames = new Set(answer.spaces.map((s) => s.name));
      for (const device of answer.devices.filter((d) => !spaceNames.has(d.name))) {
        await expect(spaces(page).getByRole('heading', { name: device.name, exact: true })).toHaveCount(0);
      }
      await expectNoAxeViolations(page);
      await saveScreen(page, 'landscape-spaces');
    });

    test('a full space says "Please wait"; its card says Full', async ({ page, request }) => {
      // The demo's rooms fill up during the day: find the first hour at which one is full.
      let found: { at: Date; id: string } | null = null;
      for (let hour = 7; hour <= 21 && found === null; hour++) {
        const at = new Date(Date.UTC(2027, 1, 4, hour - 1, 30)); // hh:30 in Budapest, a Thursday no other test uses
        await sim.setClock(at);
        const full = (await currentOccupancy(request)).spaces.find((s) => s.parent !== null && s.state === 'full');
        if (full) found = { at, id: full.id };
      }
      expect(found, 'some demo room is full during a Thursday').not.toBeNull();
      await sim.setClock(found!.at);
      const space = spaceById(await currentOccupancy(request), found!.id);

      await page.goto(`/kiosk?mode=total&space=${space.id}`);
      await expect(sign(page)).toHaveAttribute('data-state', 'full');
      await expect(sign(page)).toContainText('Please wait');
      await expect(page.getByRole('region', { name: 'Inside now' }).getByText(count(space.occupancy), { exact: true })).toBeVisible();
      await saveScreen(page, `landscape-total-${space.id}-full`);

      await page.goto(`/kiosk?space=${space.id}&theme=light`);
      await expect(spaces(page).getByRole('article', { name: space.name })).toContainText('Full');
      await expectNoAxeViolations(page);
    });

    test('an old devices= link shows the room its door leads into', async ({ page, request }) => {
      await sim.setClock(MORNING);
      const cafe = spaceById(await currentOccupancy(request), 'cafe');
      await page.goto(`/kiosk?devices=${cafe.doors[0]!.device}`);
      await expect(spaces(page).getByRole('article', { name: cafe.name })).toBeVisible();
      await expect(doors(page)).toHaveCount(0);
    });

    test('an unknown or malformed space id is named in large type', async ({ page }) => {
      await page.goto('/kiosk?space=nosuch');
      await expect(page.getByRole('heading', { name: 'This kiosk link needs a fix' })).toBeVisible();
      await expect(page.getByText("Space “nosuch” is not among this site's spaces.")).toBeVisible();
      await expect(page.getByText(/^This site's spaces are: site, .*cafe.*pool/)).toBeVisible();
      await expectWallScreen(page);
      await expectNoAxeViolations(page);
      await saveScreen(page, 'landscape-unknown-space');

      await page.goto('/kiosk?mode=total&space=GYM!');
      await expect(page.getByText(/^space=GYM!: a space id is lower-case letters/)).toBeVisible();
    });
  });
});
