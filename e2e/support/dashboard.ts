// What the dashboard specs share: the numbers the screen should show for a simulator answer
// (computed here from the vendor's raw counts and the demo site's spaces, labels and capacities,
// not with the client's or the server's code), a reader of what the screen does show, and the checks every state gets at
// every viewport: axe, light and dark screenshots, no sideways scroll, thumb-sized controls.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test, type TestInfo } from '@playwright/test';
import { DEMO_SITE } from '@/server/demo-site';
import { PORTS, urlOf } from './ports';
import type { SimControl, VendorDevice } from './simulator';

/** The browser's locale and zone (playwright.config.ts) and the demo BFF's site zone. */
const LOCALE = 'en-GB';
const SITE_TIMEZONE = 'Europe/Budapest';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const MIN_TOUCH_TARGET_PX = 44;
export const COLOR_SCHEMES = ['light', 'dark'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const signedFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const percentFormat = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const clockParts = (at: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: SITE_TIMEZONE })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<'hour' | 'minute' | 'second', string>;
const collator = new Intl.Collator(LOCALE, { numeric: true, sensitivity: 'base' });

export const count = (n: number) => countFormat.format(n);

/** "at 10:30:00" in the site's zone. Browsers' ICU differ on a leading zero for the hour with
 *  hour: 'numeric' ("0:00" in Chromium, "00:00" in Node), so either is accepted. */
function clockText(prefix: string, at: Date) {
  const { hour, minute, second } = clockParts(at);
  const hourPattern = hour.startsWith('0') ? `0?${hour.slice(1)}` : hour;
  return expect.stringMatching(new RegExp(`^${prefix}${hourPattern}:${minute}:${second}$`)) as unknown as string;
}

/** The product's capacity rule: below the space's nearly-full share (80 % unless configured)
 *  space, from it nearly full, from 100 % full; the percentage rounded down so it never
 *  contradicts the word. */
function capacityText(inside: number, capacity: number, nearlyFull = 0.8): string {
  const ratio = inside / capacity;
  const state = ratio >= 1 ? 'full' : ratio >= nearlyFull ? 'nearly full' : 'space available';
  return `${count(inside)} ${inside === 1 ? 'person' : 'people'} inside of ${count(capacity)}, ${percentFormat.format(Math.floor(ratio * 100) / 100)}, ${state}`;
}

export interface GaugeOnScreen {
  label: string;
  /** The big number ("–" for a space without any live door). */
  inside: string;
  in: string;
  out: string;
  /** The gauge's text equivalent (its accessible name); null for a space without a capacity. */
  gauge: string | null;
  /** The note under a count below zero; null when the count is not negative. */
  note: string | null;
  stale: boolean;
}

/** One row of the door traffic table (only with configured spaces). */
export interface TrafficOnScreen {
  label: string;
  in: string;
  out: string;
  balance: string;
  /** "Door of Riverside Leisure Centre, Gym" or "In no space". */
  spaces: string;
}

export interface ScreenNumbers {
  total: {
    inside: string;
    in: string;
    out: string;
    /** The screen-reader sentence beside the hero number. */
    summary: string;
    since: string;
    live: string;
    fetchedAt: string;
    stale: boolean;
  };
  /** Every gauge (spaces, or without configured spaces the doors' own), in the page's DOM order. */
  gauges: GaugeOnScreen[];
  /** The door traffic table, by name; null when it is not shown (no configured spaces). */
  traffic: TrafficOnScreen[] | null;
}

interface SpaceConfig {
  id: string;
  name: string;
  parent?: string | undefined;
  capacity?: number | undefined;
  nearlyFull?: number | undefined;
  doors: readonly { device: number; side: 'in' | 'out' }[];
}

/** A space as the screen must show it, with the counts of its own boundary doors. */
export interface ExpectedSpace {
  id: string;
  label: string;
  occupancy: number;
  /** How many more left than entered beyond counting noise (OUT − IN ≥ max(10, 10 % of IN)); else null. */
  drift: number | null;
  gauge: GaugeOnScreen;
  children: ExpectedSpace[];
}

/** The demo site's spaces: configured, or the default tree (the site of every door, each door a space of its own). */
function demoSpaces(vendor: readonly VendorDevice[]): { configured: boolean; spaces: SpaceConfig[] } {
  const configured = (DEMO_SITE.spaces?.length ?? 0) > 0;
  if (configured) return { configured, spaces: DEMO_SITE.spaces ?? [] };
  const site = new Map(DEMO_SITE.devices.map((d) => [d.id, d]));
  return {
    configured,
    spaces: [
      {
        id: 'site',
        name: DEMO_SITE.siteName ?? 'Site',
        capacity: DEMO_SITE.siteCapacity,
        doors: vendor.map((d) => ({ device: d.device_id, side: 'in' as const })),
      },
      ...vendor.map((d) => ({
        id: `device-${d.device_id}`,
        name: doorLabel(d),
        parent: 'site',
        capacity: site.get(d.device_id)?.capacity,
        doors: [{ device: d.device_id, side: 'in' as const }],
      })),
    ],
  };
}

function doorLabel(d: VendorDevice): string {
  const label = DEMO_SITE.devices.find((s) => s.id === d.device_id)?.label ?? d.device_name;
  return label.trim() || `Device ${d.device_id}`;
}

/** The site and its tree of spaces for the vendor's answer, each space from its own doors:
 *  occupancy = max(0, Σ `in` doors (IN − OUT) − Σ `out` doors (IN − OUT)). */
export function expectedSite(vendor: readonly VendorDevice[], { stale = false } = {}) {
  const { configured, spaces } = demoSpaces(vendor);
  const counts = new Map(vendor.map((d) => [d.device_id, d]));
  for (const d of vendor) {
    // The vendor's own corrected figure must agree with the rule, or the fixture is wrong.
    expect(d.CorrectedOccupancy, `vendor CorrectedOccupancy of device ${d.device_id}`).toBe(Math.max(0, d.IN - d.OUT));
  }
  const counted = (space: SpaceConfig) => {
    let entered = 0;
    let left = 0;
    for (const door of space.doors) {
      const c = counts.get(door.device);
      if (!c) continue;
      entered += door.side === 'in' ? c.IN : c.OUT;
      left += door.side === 'in' ? c.OUT : c.IN;
    }
    return { entered, left, raw: entered - left, occupancy: Math.max(0, entered - left), live: space.doors.some((d) => counts.has(d.device)) };
  };
  const build = (space: SpaceConfig): ExpectedSpace => {
    const c = counted(space);
    const drift = c.left - c.entered >= Math.max(10, 0.1 * c.entered) ? c.left - c.entered : null;
    const note =
      !c.live || c.raw >= 0
        ? null
        : !configured
          ? `More people left than entered by this door today (${signedFormat.format(c.raw)}).`
          : drift !== null
            ? `Counts don’t balance: ${count(drift)} more left than entered today.`
            : `More people left than entered today (${signedFormat.format(c.raw)}).`;
    return {
      id: space.id,
      label: space.name,
      occupancy: c.occupancy,
      drift: c.live ? drift : null,
      gauge: {
        label: space.name,
        inside: c.live ? count(c.occupancy) : '–',
        in: c.live ? count(c.entered) : '<missing>',
        out: c.live ? count(c.left) : '<missing>',
        gauge: space.capacity && c.live ? `${space.name}: ${capacityText(c.occupancy, space.capacity, space.nearlyFull)}${stale ? ', not live' : ''}` : null,
        note,
        stale,
      },
      children: spaces.filter((child) => child.parent === space.id).map(build),
    };
  };
  const rootConfig = spaces.find((s) => s.parent === undefined)!;
  const root = build(rootConfig);
  return {
    configured,
    spaces,
    root,
    rootConfig,
    rootCounts: counted(rootConfig),
    tree: configured ? root.children : sortSpaces(root.children, 'name'),
    /** Each door's label. */
    traffic: new Map(vendor.map((d) => [d.device_id, doorLabel(d)])),
  };
}

export type SpaceSort = 'site' | 'name' | 'occupancy';

/** Siblings sorted among themselves, as the page's "Sort by" does. */
export function sortSpaces(nodes: readonly ExpectedSpace[], sort: SpaceSort): ExpectedSpace[] {
  const sorted = nodes.map((n) => ({ ...n, children: sortSpaces(n.children, sort) }));
  const byName = (a: ExpectedSpace, b: ExpectedSpace) => collator.compare(a.label, b.label);
  if (sort === 'name') sorted.sort(byName);
  if (sort === 'occupancy') sorted.sort((a, b) => b.occupancy - a.occupancy || byName(a, b));
  return sorted;
}

/** The spaces whose name contains the needle, with their parents; a matching parent keeps its children. */
export function filterSpaces(nodes: readonly ExpectedSpace[], needle: string): ExpectedSpace[] {
  const n = needle.trim().toLowerCase();
  return nodes.flatMap((node) => {
    if (node.label.toLowerCase().includes(n)) return [node];
    const children = filterSpaces(node.children, needle);
    return children.length > 0 ? [{ ...node, children }] : [];
  });
}

/** The gauges in the page's order: at each level the spaces without children, then each parent followed by its own. */
export function gaugeOrder(nodes: readonly ExpectedSpace[]): ExpectedSpace[] {
  const leaves = nodes.filter((n) => n.children.length === 0);
  const parents = nodes.filter((n) => n.children.length > 0);
  return [...leaves, ...parents.flatMap((p) => [p, ...gaugeOrder(p.children)])];
}

/** What the screen must show for the vendor's answer at `at`: the site (the root space, not the
 *  sum of its rooms), every space from its own doors, and with configured spaces each door's traffic. */
export function expectedScreen(vendor: readonly VendorDevice[], at: Date, { stale = false } = {}): ScreenNumbers {
  const { configured, spaces, root, rootConfig, rootCounts, tree } = expectedSite(vendor, { stale });
  const siteCapacity = rootConfig.capacity;
  const inTreeOrder: SpaceConfig[] = [];
  const visit = (s: SpaceConfig) => {
    inTreeOrder.push(s);
    spaces.filter((c) => c.parent === s.id).forEach(visit);
  };
  visit(rootConfig);
  const traffic = configured
    ? vendor
        .map((d): TrafficOnScreen => {
          const of = inTreeOrder.filter((s) => s.doors.some((door) => door.device === d.device_id)).map((s) => s.name);
          return {
            label: doorLabel(d),
            in: count(d.IN),
            out: count(d.OUT),
            balance: signedFormat.format(d.IN - d.OUT),
            spaces: of.length > 0 ? `Door of ${of.join(', ')}` : 'In no space',
          };
        })
        .sort((a, b) => collator.compare(a.label, b.label))
    : null;
  return {
    total: {
      inside: count(root.occupancy),
      in: count(rootCounts.entered),
      out: count(rootCounts.left),
      summary: siteCapacity ? `${capacityText(root.occupancy, siteCapacity, rootConfig.nearlyFull)}.` : `${count(root.occupancy)} people inside.`,
      // The demo site's day starts at local midnight.
      since: expect.stringMatching(/^Counted since 0?0:00$/) as unknown as string,
      live: stale ? 'Not live' : 'Live',
      fetchedAt: clockText('at ', at),
      stale,
    },
    gauges: gaugeOrder(tree).map((n) => n.gauge),
    traffic,
  };
}

export const siteTotal = (page: Page) => page.getByRole('region', { name: 'Inside now · whole site' });
/** The gauges' list: "Spaces (n)" with configured spaces, "Doors (n)" without. */
export const gaugeList = (page: Page) => page.getByRole('list', { name: /^(Spaces|Doors) \(/ });
/** Every gauge's name in DOM order, folded-away ones (on a phone) too. */
export const gaugeLabels = (page: Page) => gaugeList(page).locator('article h3').allTextContents();
export const trafficTable = (page: Page) => page.getByRole('table', { name: /^Door traffic since/ });

/** On a phone a parent's children are folded away: unfold every branch (a wide screen has no folds). */
export async function unfoldSpaces(page: Page) {
  const folded = gaugeList(page).locator('button[aria-expanded="false"]');
  while ((await folded.count()) > 0) await folded.first().click();
}

/** Everything the site total, the gauges and the door traffic show, read from the DOM in one go. */
export async function readScreen(page: Page): Promise<ScreenNumbers> {
  const total = await siteTotal(page).evaluate((section) => {
    const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '<missing>';
    const paragraphs = [...section.querySelectorAll('p')].map((p) => p.textContent?.trim() ?? '');
    const dd = (term: string) => text([...section.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === term)?.nextElementSibling);
    return {
      // The hero number: the first figure of the visual (aria-hidden) block under the heading.
      inside: text(section.querySelector('h2 ~ [aria-hidden="true"] > span')),
      in: dd('In today'),
      out: dd('Out today'),
      summary: text(section.querySelector('h2 + p')),
      since: paragraphs.find((p) => p.startsWith('Counted since')) ?? '<missing>',
      live: paragraphs.find((p) => p === 'Live' || p === 'Not live') ?? '<missing>',
      fetchedAt: paragraphs.find((p) => p.startsWith('at ')) ?? '<missing>',
      stale: section.getAttribute('data-stale') === 'true',
    };
  });
  const gauges = await gaugeList(page)
    .getByRole('article')
    .evaluateAll((articles) =>
      articles.map((article) => {
        const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '<missing>';
        const dd = (term: string) => text([...article.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === term)?.nextElementSibling);
        const number = article.querySelector('.area-value > span');
        return {
          label: text(article.querySelector('h3')),
          // The big number must be on screen at this viewport, not only in the DOM.
          inside: number && (number as HTMLElement).checkVisibility() ? text(number) : '<not visible>',
          in: dd('In'),
          out: dd('Out'),
          gauge: article.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? null,
          note: text(article.querySelector('.area-note')) === '<missing>' ? null : text(article.querySelector('.area-note')),
          stale: article.getAttribute('data-stale') === 'true',
        };
      }),
    );
  const table = trafficTable(page);
  const traffic =
    (await table.count()) === 0
      ? null
      : await table.locator('tbody tr').evaluateAll((rows) =>
          rows.map((row) => {
            const cells = [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
            const th = row.querySelector('th');
            return {
              label: th?.querySelector('span')?.textContent?.trim() ?? '<missing>',
              in: cells[0] ?? '<missing>',
              out: cells[1] ?? '<missing>',
              balance: cells[2] ?? '<missing>',
              spaces: th?.querySelectorAll('span')[1]?.textContent?.trim() ?? '<missing>',
            };
          }),
        );
  return { total, gauges, traffic };
}

/** Waits (polling often: the page polls every 2 s) until the screen shows `expected`; on a
 *  timeout the failure is a diff of every number that differs. */
export async function expectScreen(page: Page, expected: ScreenNumbers, message: string) {
  await expect(siteTotal(page)).toBeVisible();
  await unfoldSpaces(page);
  await expect.poll(() => readScreen(page), { message, intervals: [100, 200] }).toEqual(expected);
}

/**
 * Freezes the demo simulator's clock (and so the demo BFF's) at `at`, making sure the BFF asks
 * the vendor again for that moment. The BFF treats a cached answer as fresh while
 * now − fetchedAt < the cache period, which a clock set back to an earlier moment of the same
 * day (the previous test, or the same test at the previous viewport) would also satisfy. One
 * request at the real clock first leaves a cached answer for the real day, which no frozen
 * moment on another day can reuse.
 */
export async function freezeAt(sim: SimControl, request: APIRequestContext, at: Date) {
  await sim.realClock();
  const res = await request.get(`${urlOf(PORTS.demo)}/api/occupancy`);
  expect(res.status(), 'priming GET /api/occupancy at the real clock').toBe(200);
  await sim.setClock(at);
}

/** Runs axe with the WCAG 2.1 A/AA tags; attaches the violations; fails listing each one. */
export async function expectNoAxeViolations(page: Page, testInfo: TestInfo, state: string) {
  // Full node lists only for violations: the scan is the slow part of these specs.
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  await testInfo.attach(`axe ${state}.json`, {
    body: JSON.stringify({ violations: results.violations, incomplete: results.incomplete.map((r) => r.id) }, null, 2),
    contentType: 'application/json',
  });
  testInfo.annotations.push({
    type: 'axe',
    description: `${testInfo.project.name} ${state}: ${results.violations.length} violations, ${results.passes.length} rules passed, ${results.incomplete.length} need review (${results.incomplete.map((r) => r.id).join(', ') || 'none'})`,
  });
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).join('; ')}`,
  );
  expect(found, `axe violations in the ${state} state at ${testInfo.project.name}`).toEqual([]);
}

/**
 * In one colour scheme: switch to it, prove the page follows it, scan with axe, and (unless
 * told not to) save a full-page screenshot as <project>-<state>-<scheme>.png in the test's
 * output folder under test-results/. Returns the page background, to compare across schemes.
 */
export async function checkState(page: Page, testInfo: TestInfo, state: string, scheme: ColorScheme, { screenshot = true } = {}) {
  return test.step(`${state}, ${scheme}: axe${screenshot ? ' and screenshot' : ''}`, async () => {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), `${scheme} scheme emulated`).toBe(scheme === 'dark');
    await expectNoAxeViolations(page, testInfo, `${state}, ${scheme}`);
    if (screenshot) {
      await page.screenshot({ path: testInfo.outputPath(`${testInfo.project.name}-${state}-${scheme}.png`), fullPage: true, animations: 'disabled' });
    }
    return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  });
}

/** checkState in light, then in dark; the two must look different. */
export async function checkStateInBothSchemes(page: Page, testInfo: TestInfo, state: string, options: { screenshot?: boolean } = {}) {
  const light = await checkState(page, testInfo, state, 'light', options);
  const dark = await checkState(page, testInfo, state, 'dark', options);
  expect(light, 'the page background follows the colour scheme').not.toBe(dark);
  await page.emulateMedia({ colorScheme: null });
}

/** document.scrollingElement.scrollWidth ≤ innerWidth: nothing makes the page scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, state: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: (document.scrollingElement ?? document.documentElement).scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page width in the ${state} state (wider than the viewport means a horizontal scroll)`).toBeLessThanOrEqual(innerWidth);
}

/** Every visible control (links, buttons, fields) is at least 44 × 44 px. Visually hidden ones
 *  (the skip link until focused) are skipped here and checked when focused. */
export async function expectTouchTargets(page: Page, state: string) {
  const controls = await page.locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').evaluateAll((elements) =>
    elements
      .filter((el) => (el as HTMLElement).checkVisibility())
      .map((el) => {
        const box = el.getBoundingClientRect();
        const name = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent;
        return { control: `${el.tagName.toLowerCase()} “${(name ?? '').trim()}”`, width: Math.round(box.width), height: Math.round(box.height) };
      })
      .filter((c) => c.width > 1 && c.height > 1),
  );
  expect(controls.length, `controls on screen in the ${state} state`).toBeGreaterThan(0);
  const small = controls.filter((c) => c.width < MIN_TOUCH_TARGET_PX || c.height < MIN_TOUCH_TARGET_PX);
  expect(small, `controls smaller than ${MIN_TOUCH_TARGET_PX} px in the ${state} state`).toEqual([]);
  return controls;
}

interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null }[];
}

/** Starts summing 'layout-shift' entries (not caused by input) from now on. */
export async function recordLayoutShifts(page: Page) {
  await page.evaluate(() => {
    const store = { sum: 0, shifts: [] as { value: number; nodes: string[] }[] };
    (window as unknown as { __layoutShifts: typeof store }).__layoutShifts = store;
    const describe = (node: Node | null) => {
      if (!(node instanceof Element)) return node?.nodeName ?? 'unknown';
      const cls = typeof node.className === 'string' ? node.className.split(/\s+/).slice(0, 3).join('.') : '';
      return `${node.tagName.toLowerCase()}${cls ? `.${cls}` : ''} “${(node.textContent ?? '').trim().slice(0, 30)}”`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShiftEntry[]) {
        if (entry.hadRecentInput) continue;
        store.sum += entry.value;
        store.shifts.push({ value: Number(entry.value.toFixed(4)), nodes: entry.sources.map((s) => describe(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });
}

export function layoutShifts(page: Page) {
  return page.evaluate(() => (window as unknown as { __layoutShifts: { sum: number; shifts: { value: number; nodes: string[] }[] } }).__layoutShifts);
}

/**
 * An init script: the page's request time limits (AbortSignal.timeout) stand still until
 * `resumeRequestTimeouts`. A first answer held in the network while axe scans the loading state
 * would otherwise be given up after 15 s of a scan that a loaded machine makes slow, and the
 * error state (not the loading state, nor the numbers) would be what the test sees. After the
 * resume each waiting limit starts afresh, as if the scan had taken no time.
 */
export const PAUSED_REQUEST_TIMEOUTS = `(() => {
  const waiting = [];
  let paused = true;
  window.__e2eResumeRequestTimeouts = () => {
    paused = false;
    for (const arm of waiting.splice(0)) arm();
  };
  AbortSignal.timeout = (ms) => {
    const controller = new AbortController();
    const arm = () => setTimeout(() => (paused ? waiting.push(arm) : controller.abort(new DOMException('signal timed out', 'TimeoutError'))), ms);
    arm();
    return controller.signal;
  };
})();`;

export async function resumeRequestTimeouts(page: Page) {
  await page.evaluate(() => (window as unknown as { __e2eResumeRequestTimeouts?: () => void }).__e2eResumeRequestTimeouts?.());
}

/**
 * Scrolls to the end of the dashboard, as a person reaching Today's curve does: on a phone it
 * sits below the spaces and loads only once its place nears the screen (decision 026).
 */
export async function scrollToToday(page: Page): Promise<void> {
  // Until the numbers are in, the page is not yet as long as it will be: scroll again until the
  // curve's section (its region, "Today" or "Today in …") is there.
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.getByRole('region', { name: /^Today( in |$)/ })).toBeAttached({ timeout: 1_000 });
  }).toPass();
}
