// The live dashboard at the three viewports (desktop, phone, wall; see playwright.config.ts),
// against the demo BFF on its embedded simulator: first load, numbers equal to the simulator's
// for the same moment (the site, every space from its own doors, each door's traffic), updates
// that never shift the layout, sort and filter by keyboard, and a layout a thumb can use. Every
// state is scanned with axe in light and dark.
import { expect, test } from '@playwright/test';
import { DEMO_SITE } from '@/server/demo-site';
import {
  COLOR_SCHEMES,
  checkState,
  checkStateInBothSchemes,
  expectedScreen,
  expectedSite,
  expectNoHorizontalScroll,
  expectScreen,
  expectTouchTargets,
  filterSpaces,
  freezeAt,
  gaugeLabels,
  gaugeList,
  gaugeOrder,
  layoutShifts,
  MIN_TOUCH_TARGET_PX,
  PAUSED_REQUEST_TIMEOUTS,
  recordLayoutShifts,
  resumeRequestTimeouts,
  siteTotal,
  sortSpaces,
} from './support/dashboard';
import { embeddedOccupancy, SHIFTS_FROM_START, shiftsFromStart, withoutEmbeddedAnswers } from './support/boot';
import { SimControl, vendorOccupancy } from './support/simulator';

// A Thursday, 10:30 in Budapest: a weekday morning in the demo building.
const MORNING = new Date('2026-11-19T09:30:00Z');

test.describe('the live dashboard', () => {
  let sim: SimControl;

  test.beforeEach(async ({ request }) => {
    sim = new SimControl(request);
    await sim.reset();
  });

  test.afterEach(async ({ page }) => {
    // Close first: a page still polling after the reset would leave the BFF a snapshot at the
    // real clock for whichever spec runs next.
    await page.close();
    await sim.reset();
  });

  test("first load shows placeholders, then exactly the simulator's numbers for that moment", async ({ page, request }, testInfo) => {
    await freezeAt(sim, request, MORNING);
    const vendor = await vendorOccupancy(MORNING);
    const expected = expectedScreen(vendor, MORNING);
    expect(vendor).toHaveLength(12);

    // The page as a server without the live answer yet sends it (a vendor slower than the page):
    // the answer is held in the network while the first-load state is looked at, as on a slow
    // connection, then goes through to the BFF unchanged. One load per colour scheme: a scan
    // under load can take seconds (the client's request limit is paused meanwhile, below).
    const main = page.getByRole('main');
    const backgrounds: string[] = [];
    await withoutEmbeddedAnswers(page);
    // The client's 15 s request limit stands still while the held answer waits for the scan.
    await page.addInitScript(PAUSED_REQUEST_TIMEOUTS);
    for (const scheme of COLOR_SCHEMES) {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/occupancy', async (route) => {
        await held;
        // The page may have given up on this request meanwhile (the next poll, a reload).
        await route.continue().catch(() => undefined);
      });
      try {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto('/');
        await expect(main).toHaveAttribute('aria-busy', 'true');
        await expect(main.getByText('Loading the live numbers…')).toBeAttached();
        await expect(page.getByRole('heading', { level: 1, name: DEMO_SITE.siteName })).toBeVisible();
        await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
        await recordLayoutShifts(page);
        backgrounds.push(await checkState(page, testInfo, 'loading', scheme, { screenshot: false }));
        await expectNoHorizontalScroll(page, 'loading');
        // Still loading after the scan: it saw the placeholders, not the numbers.
        await expect(main).toHaveAttribute('aria-busy', 'true');
        await expect(siteTotal(page), 'no numbers while loading').toHaveCount(0);
      } finally {
        await resumeRequestTimeouts(page);
        release();
        await page.unroute('**/api/occupancy');
      }
    }
    expect(backgrounds[0], 'the page background follows the colour scheme').not.toBe(backgrounds[1]);
    await page.emulateMedia({ colorScheme: null });

    await expect(main).toHaveAttribute('aria-busy', 'false');
    await expectScreen(page, expected, "the screen shows the vendor's numbers for 10:30:00 in Budapest");
    await expect(gaugeList(page).getByRole('article')).toHaveCount(expected.gauges.length);
    // The placeholders have the final sizes: the numbers arriving move nothing.
    const { sum, shifts } = await layoutShifts(page);
    testInfo.annotations.push({ type: 'layout shift', description: `first load → numbers: ${sum.toFixed(4)} ${JSON.stringify(shifts)}` });
    expect(sum, `layout shift when the first numbers replace the placeholders: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);

    // The same numbers through the accessibility tree, as a screen reader hears them.
    for (const gauge of expected.gauges.filter((d) => d.gauge !== null)) {
      await expect(page.getByRole('img', { name: gauge.gauge ?? '' })).toBeVisible();
    }
    await expect(siteTotal(page).getByText(expected.total.summary, { exact: true })).toBeAttached();

    await checkStateInBothSchemes(page, testInfo, 'live');
    await expectNoHorizontalScroll(page, 'live');
    // The site total comes first: on a phone at the top of the first screen, above the spaces.
    const totalBox = await siteTotal(page).boundingBox();
    const gaugesBox = await gaugeList(page).boundingBox();
    expect(totalBox && gaugesBox && totalBox.y + totalBox.height <= gaugesBox.y, 'the site total sits above the spaces').toBe(true);
    if (testInfo.project.name === 'phone') {
      expect(totalBox!.y, 'the site total starts in the top half of the phone screen').toBeLessThan(844 / 2);
    }
  });

  test("the page as served carries the simulator's numbers: they paint with the network held, and nothing shifts from the first frame", async ({
    page,
    request,
  }, testInfo) => {
    await freezeAt(sim, request, MORNING);
    const expected = expectedScreen(await vendorOccupancy(MORNING), MORNING);
    // Every /api/occupancy request waits: the numbers can only come from the page itself.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/occupancy', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    await page.addInitScript(SHIFTS_FROM_START);
    try {
      await page.goto('/');
      expect(await embeddedOccupancy(page), 'the page carried the live answer').toBe(true);
      await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'false');
      await expectScreen(page, expected, "the page's own numbers are the vendor's for 10:30:00 in Budapest");
      const fromStart = await shiftsFromStart(page);
      testInfo.annotations.push({ type: 'layout shift', description: `page with the answer, from the first frame: ${fromStart.toFixed(4)}` });
      expect(fromStart, 'layout shift from the first frame of the page with the answer').toBeLessThan(0.01);
    } finally {
      release();
    }
  });

  test('polls bring new numbers without shifting the layout', async ({ page, request }, testInfo) => {
    await freezeAt(sim, request, MORNING);
    await page.goto('/');
    await expectScreen(page, expectedScreen(await vendorOccupancy(MORNING), MORNING), 'the numbers for 10:30:00');
    const before = await page.evaluate(() => window.scrollY);
    await recordLayoutShifts(page);

    let at = MORNING;
    for (let poll = 1; poll <= 3; poll++) {
      // Past the BFF's 5 s cache, far enough that the counts change.
      await sim.advance(4 * 60_000);
      at = new Date(at.getTime() + 4 * 60_000);
      const expected = expectedScreen(await vendorOccupancy(at), at);
      await expectScreen(page, expected, `poll ${poll}: the numbers for ${at.toISOString()}`);
    }
    // A little longer, with the age ticking between polls: two more answers arrive and are shown.
    // (The server's clock stands still here, so each answer is brand new and the age label may
    // stay "a moment ago": waiting for it to change could wait for ever.)
    for (let more = 0; more < 2; more++) await page.waitForResponse((r) => r.url().endsWith('/api/occupancy'));
    const { sum, shifts } = await layoutShifts(page);
    testInfo.annotations.push({ type: 'layout shift', description: `3 polls: ${sum.toFixed(4)} ${JSON.stringify(shifts)}` });
    expect(sum, `layout shift across three polls: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
    expect(await page.evaluate(() => window.scrollY), 'the page did not scroll by itself').toBe(before);
  });

  test('sorts and filters with the keyboard alone; every control is big enough for a thumb', async ({ page, request }, testInfo) => {
    await freezeAt(sim, request, MORNING);
    const site = expectedSite(await vendorOccupancy(MORNING));
    const labels = (nodes: Parameters<typeof gaugeOrder>[0]) => gaugeOrder(nodes).map((n) => n.label);
    const noun = site.configured ? 'spaces' : 'doors';
    await page.goto('/');
    await expect(siteTotal(page)).toBeVisible();
    // The order of every card, folded ones on a phone too (nothing is clicked: the keyboard walk
    // below starts from the top of the page).
    await expect.poll(() => gaugeLabels(page)).toEqual(labels(site.tree));
    const controls = await expectTouchTargets(page, 'live');
    testInfo.annotations.push({ type: 'controls', description: JSON.stringify(controls) });
    expect(controls.map((c) => c.control)).toEqual(expect.arrayContaining(['input “Filter by name”', 'select “Sort by”']));

    // The first Tab reaches the skip link, which is visible when focused and big enough to hit.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the numbers' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    const skipBox = await skip.boundingBox();
    expect(Math.round(skipBox?.height ?? 0), 'the focused skip link’s height').toBeGreaterThanOrEqual(MIN_TOUCH_TARGET_PX);

    // Tab on to the filter (whatever page actions sit in the header before it).
    const filter = page.getByRole('searchbox', { name: 'Filter by name' });
    const sort = page.getByRole('combobox', { name: 'Sort by' });
    for (let i = 0; i < 30 && !(await filter.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(filter).toBeFocused();
    // A space inside another (with its parent shown for context), or without spaces the entrances.
    const nested = site.tree.find((n) => n.children.length > 0)?.children[0];
    const needle = site.configured && nested ? nested.label : 'entrance';
    await page.keyboard.type(needle);
    const matching = filterSpaces(site.tree, needle);
    expect(labels(matching).length, `the filter “${needle}” matches something`).toBeGreaterThan(0);
    await expect.poll(() => gaugeLabels(page)).toEqual(labels(matching));
    const all = labels(site.tree).length;
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(`Showing ${labels(matching).length} of ${all} ${noun}`);

    // Tab to "Sort by" and pick "Most people first" with the arrow keys.
    await page.keyboard.press('Tab');
    await expect(sort).toBeFocused();
    for (let i = 0; i < 3 && (await sort.inputValue()) !== 'occupancy'; i++) await page.keyboard.press('ArrowDown');
    await expect(sort).toHaveValue('occupancy');
    await expect.poll(() => gaugeLabels(page)).toEqual(labels(sortSpaces(matching, 'occupancy')));

    // Back to the filter, clear it with Escape: every space, most people first among its siblings.
    await page.keyboard.press('Shift+Tab');
    await expect(filter).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(filter).toHaveValue('');
    await expect.poll(() => gaugeLabels(page)).toEqual(labels(sortSpaces(site.tree, 'occupancy')));

    // A filter that matches nothing explains itself, and its button clears it by keyboard.
    await filter.focus();
    await page.keyboard.type('attic');
    await expect(page.getByText(`No ${site.configured ? 'space' : 'door'} name contains “attic”.`)).toBeVisible();
    await expectTouchTargets(page, 'empty filter');
    await expectNoHorizontalScroll(page, 'empty filter');
    await page.keyboard.press('Tab'); // sort
    await page.keyboard.press('Tab'); // "Clear the filter"
    const clear = page.getByRole('button', { name: 'Clear the filter' });
    await expect(clear).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(filter).toHaveValue('');
    await expect.poll(() => gaugeLabels(page)).toEqual(labels(sortSpaces(site.tree, 'occupancy')));
  });
});
