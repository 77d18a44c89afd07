// The live dashboard at the three viewports (desktop, phone, wall; see playwright.config.ts),
// against the demo BFF on its embedded simulator: first load, numbers equal to the simulator's
// for the same moment, updates that never shift the layout, sort and filter by keyboard, and
// a layout a thumb can use. Every state is scanned with axe in light and dark.
import { expect, test } from '@playwright/test';
import {
  byOccupancy,
  COLOR_SCHEMES,
  checkState,
  checkStateInBothSchemes,
  doorLabels,
  doorList,
  expectedScreen,
  expectNoHorizontalScroll,
  expectScreen,
  expectTouchTargets,
  freezeAt,
  layoutShifts,
  MIN_TOUCH_TARGET_PX,
  PAUSED_REQUEST_TIMEOUTS,
  recordLayoutShifts,
  resumeRequestTimeouts,
  siteTotal,
} from './support/dashboard';
import { SimControl, vendorOccupancy } from './support/simulator';

// A Thursday, 10:30 in Budapest: two doors count more OUT than IN (shown as 0 with a note), one
// is nearly full, and the sum of the doors (1,176) differs from the site total (883).
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
    const expected = expectedScreen(await vendorOccupancy(MORNING), MORNING);
    expect(expected.doors).toHaveLength(12);

    // The answer is held in the network while the first-load state is looked at, as on a slow
    // connection, then goes through to the BFF unchanged. One load per colour scheme: a scan
    // under load can take seconds (the client's request limit is paused meanwhile, below).
    const main = page.getByRole('main');
    const backgrounds: string[] = [];
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
        await expect(page.getByRole('heading', { level: 1, name: 'Riverside Leisure Centre (demo)' })).toBeVisible();
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
    await expect(doorList(page).getByRole('listitem')).toHaveCount(12);
    // The placeholders have the final sizes: the numbers arriving move nothing.
    const { sum, shifts } = await layoutShifts(page);
    testInfo.annotations.push({ type: 'layout shift', description: `first load → numbers: ${sum.toFixed(4)} ${JSON.stringify(shifts)}` });
    expect(sum, `layout shift when the first numbers replace the placeholders: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);

    // The same numbers through the accessibility tree, as a screen reader hears them.
    for (const door of expected.doors.filter((d) => d.gauge !== null)) {
      await expect(page.getByRole('img', { name: door.gauge ?? '' })).toBeVisible();
    }
    await expect(siteTotal(page).getByText(expected.total.summary, { exact: true })).toBeAttached();

    await checkStateInBothSchemes(page, testInfo, 'live');
    await expectNoHorizontalScroll(page, 'live');
    // The site total comes first: on a phone at the top of the first screen, above the doors.
    const totalBox = await siteTotal(page).boundingBox();
    const doorsBox = await doorList(page).boundingBox();
    expect(totalBox && doorsBox && totalBox.y + totalBox.height <= doorsBox.y, 'the site total sits above the doors').toBe(true);
    if (testInfo.project.name === 'phone') {
      expect(totalBox!.y, 'the site total starts in the top half of the phone screen').toBeLessThan(844 / 2);
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
    const expected = expectedScreen(await vendorOccupancy(MORNING), MORNING);
    await page.goto('/');
    await expect.poll(() => doorLabels(page)).toEqual(expected.doors.map((d) => d.label));
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
    await page.keyboard.type('entrance');
    const entrances = expected.doors.map((d) => d.label).filter((l) => l.toLowerCase().includes('entrance'));
    expect(entrances).toEqual(['Main entrance', 'Pool entrance']);
    await expect.poll(() => doorLabels(page)).toEqual(entrances);
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(`Showing ${entrances.length} of 12 doors`);

    // Tab to "Sort by" and pick "Most people first" with the arrow key.
    await page.keyboard.press('Tab');
    await expect(sort).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(sort).toHaveValue('occupancy');
    const all = byOccupancy(expected);
    await expect.poll(() => doorLabels(page)).toEqual(all.filter((l) => entrances.includes(l)));

    // Back to the filter, clear it with Escape: every door, most people first.
    await page.keyboard.press('Shift+Tab');
    await expect(filter).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(filter).toHaveValue('');
    await expect.poll(() => doorLabels(page)).toEqual(all);

    // A filter that matches nothing explains itself, and its button clears it by keyboard.
    await page.keyboard.type('attic');
    await expect(page.getByText('No door name contains “attic”.')).toBeVisible();
    await expectTouchTargets(page, 'empty filter');
    await expectNoHorizontalScroll(page, 'empty filter');
    await page.keyboard.press('Tab'); // sort
    await page.keyboard.press('Tab'); // "Clear the filter"
    const clear = page.getByRole('button', { name: 'Clear the filter' });
    await expect(clear).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(filter).toHaveValue('');
    await expect.poll(() => doorLabels(page)).toEqual(all);
  });
});
