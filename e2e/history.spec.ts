// The history charts against the demo server: today's curve on the dashboard and the history view
// (visitors per day, peak hours), with the simulator's clock frozen so every number is known.
// Expected numbers come from an independent simulator of the same seed (its getoccupancy and its
// CSV), not from the client's code. Plus: the dashboard's first-load JavaScript has no recharts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { DEMO_SITE } from '@/server/demo-site';
import { type Config, configSchema, type SpaceNode } from '@/shared/api-schema';
import { spaceCounts } from '@/shared/spaces';
import { formatInZone, localTimeToUtc } from '@/shared/zoned';
import { createClock, createSimulator, DEMO_ACCESS_KEY } from '@/simulator';
import { scrollToToday } from './support/dashboard';
import { PORTS, urlOf } from './support/ports';
import { SimControl, vendorOccupancy } from './support/simulator';

const SITE_TZ = 'Europe/Budapest';
// Tuesday 24 Nov 2026, 13:40 in Budapest: a weekday afternoon with people inside.
const AT = new Date('2026-11-24T12:40:00Z');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MINUTE = 60_000;

const count = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(n);
/** "13:35" as the page writes a time in the site's zone; Chromium may drop the hour's leading zero. */
function clock(at: Date): RegExp {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: SITE_TZ }).format(at).split(':');
  return new RegExp(`^${h!.startsWith('0') ? `0?${h!.slice(1)}` : h}:${m}`);
}

/**
 * Freezes the clock at `at`. The BFF caches the live answer by the simulator's clock, so first
 * leave a cached answer for the real day (which no frozen moment on another day reuses).
 */
async function freezeAt(sim: SimControl, request: APIRequestContext, at: Date) {
  await sim.realClock();
  expect((await request.get(`${urlOf(PORTS.demo)}/api/occupancy`)).status()).toBe(200);
  await sim.setClock(at);
}

/** The vendor's CSV for a range, read by an independent simulator frozen at `at`: device, date, hour, IN and OUT per row. */
async function vendorRows(at: Date, from: string, to: string, resolution: 'day' | 'hour') {
  const clockAt = createClock();
  clockAt.setFixed(at);
  const sim = createSimulator({ clock: clockAt, control: false });
  const params = new URLSearchParams({ action: 'downloadcsv', user_access_key: DEMO_ACCESS_KEY, date_start: from, date_end: to, resolution });
  const res = await sim.fetch(`/?${params.toString()}`);
  const records = parse<Record<string, string>>(await res.text(), { columns: true, skip_empty_lines: true });
  // Each door's periods are its own local times; the site config says which doors are in another zone.
  const zones = new Map(DEMO_SITE.devices.flatMap((d) => (d.timezone === undefined ? [] : [[d.id, d.timezone] as const])));
  return records.map((r) => {
    const [date = '', time = '00:00'] = r.period_start!.split(' ');
    const instant = localTimeToUtc(date.length === 7 ? `${date}-01` : date, time, zones.get(Number(r.device_id)) ?? SITE_TZ);
    const site = formatInZone(instant, SITE_TZ, 'yyyy-MM-dd HH');
    return { device: Number(r.device_id), date: site.slice(0, 10), hour: Number(site.slice(11, 13)), in: Number(r.IN), out: Number(r.OUT) };
  });
}

/** A table alternative's body rows, as the text of each cell, after opening its disclosure. */
async function tableRows(scope: Locator, name: RegExp): Promise<string[][]> {
  const details = scope.locator('details');
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await scope.getByText('Show the numbers as a table').click();
  const table = scope.getByRole('table', { name });
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
}

async function expectNoAxeViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
}

const todaySection = (page: Page) => page.getByRole('region', { name: 'Today', exact: true });

/** The demo's configured spaces as the server gives them (the tree is the demo's configuration, not a result). */
async function demoSpaces(request: APIRequestContext): Promise<SpaceNode[]> {
  const config: Config = configSchema.parse(await (await request.get(`${urlOf(PORTS.demo)}/api/config`)).json());
  expect(config.spaces, 'the demo configures its spaces').not.toBeNull();
  return config.spaces!;
}

/** People inside a space at `at`, from the vendor's live counts of its doors at that moment. */
async function vendorSpaceOccupancy(space: SpaceNode, at: Date): Promise<number> {
  const devices = await vendorOccupancy(at, SITE_TZ);
  return spaceCounts(space.doors, new Map(devices.map((d) => [d.device_id, { in: d.IN, out: d.OUT }]))).occupancy;
}

/** People entering a space per CSV row: IN at its `in` doors, OUT at its `out` doors. */
function enteringRows(space: SpaceNode, rows: Awaited<ReturnType<typeof vendorRows>>) {
  const sides = new Map(space.doors.map((d) => [d.device, d.side]));
  return rows.flatMap((r) => {
    const side = sides.get(r.device);
    return side === undefined ? [] : [{ date: r.date, hour: r.hour, in: side === 'in' ? r.in : r.out }];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('history charts on the demo simulator', () => {
  let sim: SimControl;

  test.beforeEach(async ({ request }) => {
    sim = new SimControl(request);
    await sim.reset();
    await freezeAt(sim, request, AT);
  });

  test.afterEach(async () => {
    await sim.reset();
  });

  test('today’s curve has an accessible name and a table, follows the vendor’s counts and ends at the live total', async ({ page, request }) => {
    // The site is the root space: people inside its outer doors (a room's door inside it is not counted again).
    const site = (await demoSpaces(request))[0]!;
    const total = await vendorSpaceOccupancy(site, AT);
    await page.goto('/');

    // The live total in the hero, and the curve's last point, for the same moment.
    await expect(page.getByRole('region', { name: 'Inside now · whole site' }).getByText(new RegExp(`^${count(total)} people inside`))).toBeAttached();
    const section = todaySection(page);
    const chart = section.getByRole('img', { name: new RegExp(`^People inside today, Whole site, from .+: ${count(total)} inside now, peak [\\d,]+ at `) });
    await expect(chart).toBeVisible();
    await expect(chart.locator('svg path').first()).toBeAttached();
    const siteRows = await tableRows(section, /^People inside today, Whole site/);
    expect(siteRows.at(-1)?.[0]).toMatch(new RegExp(`${clock(AT).source.slice(1)} \\(now\\)$`));
    expect(siteRows.at(-1)?.[1]).toBe(count(total));
    // From the day start (0) through every 5-minute period that was over at 13:40, to now.
    expect(siteRows[0]).toEqual([expect.stringMatching(/^0?0:00/), '0']);
    expect(siteRows).toHaveLength(1 + (13 * 60 + 35) / 5 + 1);

    // At every moment the curve is what the vendor's counts of the outer doors said then.
    for (const minutesBefore of [5, 65, 4 * 60 + 10]) {
      const at = new Date(AT.getTime() - minutesBefore * MINUTE);
      const row = siteRows.find(([t]) => clock(at).test(t ?? '') && !t?.includes('now'));
      expect(row?.[1], `the site at ${at.toISOString()}`).toBe(count(await vendorSpaceOccupancy(site, at)));
    }

    await expectNoAxeViolations(page, 'main');
  });

  test('the history view: visitors per day against a week earlier, and peak hours, with the simulator’s numbers', async ({ page, request }) => {
    // Visitors to the site: people coming in through its outer doors (not again at a room's door).
    const site = (await demoSpaces(request))[0]!;
    await page.goto('/');
    await todaySection(page).getByRole('button', { name: 'History' }).click();
    const dialog = page.getByRole('dialog', { name: 'History' });
    await expect(dialog).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#history');

    // Visitors per day: 17–23 Nov (whole days up to yesterday), each against 10–16 Nov.
    const daily = enteringRows(site, await vendorRows(AT, '2026-11-10', '2026-11-23', 'day'));
    const visitorsOn = (date: string) => daily.filter((r) => r.date === date).reduce((n, r) => n + r.in, 0);
    const shown = ['17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-11-${d}`);
    const week = shown.reduce((n, d) => n + visitorsOn(d), 0);
    expect(week).toBeGreaterThan(0);
    const visitors = dialog.getByRole('region', { name: 'Visitors per day' });
    await expect(visitors.getByRole('img', { name: new RegExp(`^Bar chart of visitors per day: ${count(week)} visitors, `) })).toBeVisible();
    const rows = await tableRows(visitors, /^Visitors per day/);
    expect(rows.map((r) => [r[1], r[2]])).toEqual(shown.map((d) => [count(visitorsOn(d)), count(visitorsOn(`2026-11-${Number(d.slice(8)) - 7}`))]));
    await expect(visitors.getByRole('link', { name: /^Download these days as CSV/ })).toHaveAttribute(
      'href',
      '/api/export?from=2026-11-17&to=2026-11-23&resolution=day&space=site',
    );
    // The link is a working download of the same range and doors.
    const csv = await page.request.get(`${urlOf(PORTS.demo)}/api/export?from=2026-11-17&to=2026-11-23&resolution=day&space=site`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toMatch(/^attachment/);

    // 30 days, by the toggle.
    await visitors.getByRole('radio', { name: '30 days' }).check();
    await expect(visitors.getByRole('radio', { name: '30 days' })).toBeChecked();
    await expect(visitors.getByRole('img', { name: /^Bar chart of visitors per day: [\d,]+ visitors, 25 Oct – 23 Nov 2026\./ })).toBeVisible();
    expect(await tableRows(visitors, /^Visitors per day/)).toHaveLength(30);

    // Peak hours: average IN at the outer doors per weekday and hour over 27 Oct – 23 Nov (four of each weekday).
    const hourly = enteringRows(site, await vendorRows(AT, '2026-10-27', '2026-11-23', 'hour'));
    const average = (weekday: number, hour: number) =>
      hourly.filter((r) => r.hour === hour && new Date(`${r.date}T12:00:00Z`).getUTCDay() === weekday).reduce((n, r) => n + r.in, 0) / 4;
    let busiest = { weekday: 0, hour: 0, value: -1 };
    for (let weekday = 0; weekday < 7; weekday++)
      for (let hour = 0; hour < 24; hour++) if (average(weekday, hour) > busiest.value) busiest = { weekday, hour, value: average(weekday, hour) };
    const peaks = dialog.getByRole('region', { name: 'Peak hours' });
    const weekdayName = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 22 + busiest.weekday));
    await expect(
      peaks.getByRole('img', {
        name: new RegExp(`^Heatmap of average visitors per hour and weekday, .*Busiest: ${weekdayName}s .*, ${count(busiest.value)} visitors on average\\.`),
      }),
    ).toBeVisible();
    const hours = await tableRows(peaks, /^Average visitors per hour/);
    expect(hours).toHaveLength(24);
    // Monday first (the demo site's week); 09:00 and 17:00 rows checked cell by cell.
    for (const hour of [9, 17]) {
      expect(hours[hour]!.slice(1)).toEqual([1, 2, 3, 4, 5, 6, 0].map((weekday) => count(average(weekday, hour))));
    }
    await expect(peaks.getByRole('link', { name: /^Download these hours as CSV/ })).toHaveAttribute(
      'href',
      '/api/export?from=2026-10-27&to=2026-11-23&resolution=hour&space=site',
    );

    await expectNoAxeViolations(page, 'dialog');

    // Escape closes it; focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(todaySection(page).getByRole('button', { name: 'History' })).toBeFocused();
    expect(new URL(page.url()).hash).toBe('');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the curve, the history view and their tables fit one column', async ({ page, request }) => {
      const total = await vendorSpaceOccupancy((await demoSpaces(request))[0]!, AT);
      await page.goto('/');
      await scrollToToday(page);
      const section = todaySection(page);
      await expect(section.getByRole('img', { name: new RegExp(`: ${count(total)} inside now, `) })).toBeVisible();
      const rows = await tableRows(section, /^People inside today, Whole site/);
      expect(rows.at(-1)?.[1]).toBe(count(total));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await section.getByRole('button', { name: 'History' }).tap();
      const dialog = page.getByRole('dialog', { name: 'History' });
      // The whole screen, not a box floating over the dashboard.
      expect(await dialog.boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
      await expect(dialog.getByRole('img', { name: /^Bar chart of visitors per day: [\d,]+ visitors, / })).toBeVisible();
      const heatmap = dialog.getByRole('img', { name: /^Heatmap of average visitors per hour and weekday/ });
      await heatmap.scrollIntoViewIfNeeded();
      await expect(heatmap).toBeVisible();
      // On a phone the weekdays run across (7 columns), the hours down.
      const box = (await heatmap.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeGreaterThan(box.width);
      expect(await tableRows(dialog.getByRole('region', { name: 'Peak hours' }), /^Average visitors per hour/)).toHaveLength(24);
      await dialog.getByRole('button', { name: 'Close' }).tap();
      await expect(dialog).toBeHidden();
    });
  });
});

test.describe('history per space on the demo simulator', () => {
  let sim: SimControl;

  test.beforeEach(async ({ request }) => {
    sim = new SimControl(request);
    await sim.reset();
    await freezeAt(sim, request, AT);
  });

  test.afterEach(async () => {
    await sim.reset();
  });

  test('Today for the pool hall: chosen by keyboard, its own curve ending at its live count, kept across polls and in the link', async ({ page, request }) => {
    const pool = (await demoSpaces(request)).find((s) => s.id === 'pool')!;
    await page.goto('/');
    const chooser = page.getByRole('region', { name: /^Today/ }).getByRole('combobox', { name: 'Show' });
    await expect(chooser).toHaveValue('site');
    // The site first, then its spaces in a group (a room of the building is not indented further).
    const options = await chooser.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    expect(options[0]).toEqual({ value: 'site', text: 'Whole site' });
    expect(options.find((o) => o.value === 'pool')?.text).toBe(pool.name);
    await expect(chooser.locator('optgroup[label="Spaces"] > option[value="pool"]')).toBeAttached();

    // By keyboard: focus the chooser and step down the list to the pool hall.
    await chooser.focus();
    for (let i = 0; i < options.length && (await chooser.inputValue()) !== 'pool'; i++) await page.keyboard.press('ArrowDown');
    await expect(chooser).toHaveValue('pool');
    expect(new URL(page.url()).searchParams.get('space')).toBe('pool');

    const section = page.getByRole('region', { name: `Today in the ${pool.name}`, exact: true });
    const live = await vendorSpaceOccupancy(pool, AT);
    await expect(
      section.getByRole('img', { name: new RegExp(`^People inside today, ${escape(pool.name)}, from .+: ${count(live)} inside now, `) }),
    ).toBeVisible();
    const rows = await tableRows(section, new RegExp(`^People inside today, ${escape(pool.name)}`));
    expect(rows[0]).toEqual([expect.stringMatching(/^0?0:00/), '0']);
    // At every moment the curve is what the vendor's counts of the pool hall's doors said then.
    for (const minutesBefore of [0, 5, 65, 4 * 60 + 10]) {
      const at = new Date(AT.getTime() - minutesBefore * MINUTE);
      const row = minutesBefore === 0 ? rows.at(-1) : rows.find(([t]) => clock(at).test(t ?? '') && !t?.includes('now'));
      expect(row?.[1], `the pool hall at ${at.toISOString()}`).toBe(count(await vendorSpaceOccupancy(pool, at)));
    }

    // Polls go on (the clock moves a minute); the choice stays.
    await sim.setClock(new Date(AT.getTime() + MINUTE));
    await expect(
      section.getByRole('img', {
        name: new RegExp(
          `^People inside today, ${escape(pool.name)}, .*: ${count(await vendorSpaceOccupancy(pool, new Date(AT.getTime() + MINUTE)))} inside now`,
        ),
      }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(chooser).toHaveValue('pool');

    // A reload (or the link sent to a colleague) shows the same space.
    await page.reload();
    await expect(chooser).toHaveValue('pool');
    await expect(section.getByRole('img', { name: new RegExp(`^People inside today, ${escape(pool.name)},`) })).toBeVisible();

    await expectNoAxeViolations(page, 'main');
  });

  test('the history view for the pool hall: people entering it per day and its peak hours, with the simulator’s numbers and its CSV', async ({
    page,
    request,
  }) => {
    const pool = (await demoSpaces(request)).find((s) => s.id === 'pool')!;
    await page.goto('/?space=pool#history');
    const dialog = page.getByRole('dialog', { name: 'History' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Show' })).toHaveValue('pool');

    const daily = enteringRows(pool, await vendorRows(AT, '2026-11-10', '2026-11-23', 'day'));
    const enteredOn = (date: string) => daily.filter((r) => r.date === date).reduce((n, r) => n + r.in, 0);
    const shown = ['17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-11-${d}`);
    const week = shown.reduce((n, d) => n + enteredOn(d), 0);
    expect(week).toBeGreaterThan(0);
    const visitors = dialog.getByRole('region', { name: `Visitors per day in the ${pool.name}`, exact: true });
    await expect(
      visitors.getByRole('img', { name: new RegExp(`^Bar chart of visitors per day in the ${escape(pool.name)}: ${count(week)} visitors, `) }),
    ).toBeVisible();
    const rows = await tableRows(visitors, new RegExp(`^Visitors per day, ${escape(pool.name)}, `));
    expect(rows.map((r) => [r[1], r[2]])).toEqual(shown.map((d) => [count(enteredOn(d)), count(enteredOn(`2026-11-${Number(d.slice(8)) - 7}`))]));
    const href = '/api/export?from=2026-11-17&to=2026-11-23&resolution=day&space=pool';
    await expect(visitors.getByRole('link', { name: /^Download these days as CSV/ })).toHaveAttribute('href', href);
    const csv = await page.request.get(`${urlOf(PORTS.demo)}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toMatch(/^attachment.*pool/);

    const hourly = enteringRows(pool, await vendorRows(AT, '2026-10-27', '2026-11-23', 'hour'));
    const average = (weekday: number, hour: number) =>
      hourly.filter((r) => r.hour === hour && new Date(`${r.date}T12:00:00Z`).getUTCDay() === weekday).reduce((n, r) => n + r.in, 0) / 4;
    const peaks = dialog.getByRole('region', { name: `Peak hours in the ${pool.name}`, exact: true });
    await expect(peaks.getByRole('img', { name: new RegExp(`^Heatmap of average visitors per hour and weekday in the ${escape(pool.name)}, `) })).toBeVisible();
    const hours = await tableRows(peaks, new RegExp(`^Average visitors per hour, ${escape(pool.name)}, `));
    for (const hour of [10, 18]) {
      expect(hours[hour]!.slice(1)).toEqual([1, 2, 3, 4, 5, 6, 0].map((weekday) => count(average(weekday, hour))));
    }
    await expect(peaks.getByRole('link', { name: /^Download these hours as CSV/ })).toHaveAttribute(
      'href',
      '/api/export?from=2026-10-27&to=2026-11-23&resolution=hour&space=pool',
    );

    await expectNoAxeViolations(page, 'dialog');

    // Back to the whole site from inside the view: its titles are the plain ones again, and Today follows.
    await dialog.getByRole('combobox', { name: 'Show' }).selectOption('site');
    await expect(dialog.getByRole('region', { name: 'Visitors per day', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(todaySection(page).getByRole('combobox', { name: 'Show' })).toHaveValue('site');
    expect(new URL(page.url()).search).toBe('');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('a space’s curve and history view fit one column, the chooser within reach', async ({ page, request }) => {
      const pool = (await demoSpaces(request)).find((s) => s.id === 'pool')!;
      await page.goto('/?space=pool');
      await scrollToToday(page);
      const section = page.getByRole('region', { name: `Today in the ${pool.name}`, exact: true });
      await expect(section.getByRole('img', { name: new RegExp(`: ${count(await vendorSpaceOccupancy(pool, AT))} inside now, `) })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await section.getByRole('button', { name: 'History' }).tap();
      const dialog = page.getByRole('dialog', { name: 'History' });
      const chooser = dialog.getByRole('combobox', { name: 'Show' });
      await expect(chooser).toBeInViewport();
      expect((await chooser.boundingBox())!.width).toBeGreaterThan(250);
      await expect(dialog.getByRole('img', { name: new RegExp(`^Bar chart of visitors per day in the ${escape(pool.name)}: `) })).toBeVisible();
      expect(await dialog.evaluate((d) => d.scrollWidth)).toBeLessThanOrEqual(390);
    });
  });
});

test.describe('the dashboard’s first-load JavaScript', () => {
  const dist = process.env.E2E_CLIENT_DIST ?? path.resolve('dist/client');
  // Class names recharts puts on what it draws: present in its code, nowhere else.
  const RECHARTS = /recharts-(?:surface|wrapper|cartesian-grid)/;

  test('does not include recharts, which loads with the charts only', () => {
    expect(existsSync(path.join(dist, 'index.html')), `a build in ${dist}`).toBe(true);
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const entry = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    expect(entry).toHaveLength(1);

    // The entry, what index.html preloads, and whatever those import statically (not import()).
    const firstLoad = new Set<string>();
    const visit = (file: string) => {
      if (firstLoad.has(file)) return;
      firstLoad.add(file);
      const code = readFileSync(path.join(dist, file), 'utf8');
      for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) visit(path.posix.join(path.posix.dirname(file), m[1]!));
    };
    for (const src of [...entry, ...preloaded]) visit(src.replace(/^\//, ''));

    let gzipBytes = 0;
    for (const file of firstLoad) {
      const code = readFileSync(path.join(dist, file));
      expect(code.toString('utf8'), `${file} is loaded first`).not.toMatch(RECHARTS);
      expect(code.toString('utf8'), `${file} is loaded first`).not.toContain('recharts');
      gzipBytes += gzipSync(code).length;
    }
    test.info().annotations.push({ type: 'first-load JS', description: `${[...firstLoad].join(', ')}: ${(gzipBytes / 1024).toFixed(1)} KB gzip` });
    expect(gzipBytes, 'first-load JS within the 150 KB gzip budget').toBeLessThanOrEqual(150 * 1024);

    // The marker is real: a lazily loaded chunk of the same build carries recharts.
    const lazy = readdirSync(path.join(dist, 'assets'))
      .filter((f) => f.endsWith('.js') && !firstLoad.has(`assets/${f}`))
      .filter((f) => RECHARTS.test(readFileSync(path.join(dist, 'assets', f), 'utf8')));
    expect(lazy.length, 'a lazy chunk with recharts in it').toBeGreaterThan(0);
  });

  test('is all the dashboard needs to show the live numbers; the chart code follows', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Inside now · whole site' })).toBeVisible();
    await expect(todaySection(page).getByRole('img', { name: /^People inside today/ })).toBeVisible();
    // The chart code came as a chunk of its own, after the entry.
    const entry = scripts[0]!;
    expect(scripts.indexOf(entry)).toBe(0);
    const chartChunks = [];
    for (const script of scripts.slice(1)) {
      const body = await (await page.request.get(script)).text();
      if (RECHARTS.test(body)) chartChunks.push(script);
    }
    expect(chartChunks.length).toBeGreaterThan(0);
    expect(RECHARTS.test(await (await page.request.get(entry)).text())).toBe(false);
  });
});
