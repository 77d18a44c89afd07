// What the dashboard specs share: the numbers the screen should show for a simulator answer
// (computed here from the vendor's raw counts and the demo site's labels and capacities, not with
// the client's code), a reader of what the screen does show, and the checks every state gets at
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

/** The product's capacity rule: below 80 % space, from 80 % nearly full, from 100 % full; the
 *  percentage rounded down so it never contradicts the word. */
function capacityText(inside: number, capacity: number): string {
  const ratio = inside / capacity;
  const state = ratio >= 1 ? 'full' : ratio >= 0.8 ? 'nearly full' : 'space available';
  return `${count(inside)} ${inside === 1 ? 'person' : 'people'} inside of ${count(capacity)}, ${percentFormat.format(Math.floor(ratio * 100) / 100)}, ${state}`;
}

export interface DoorOnScreen {
  label: string;
  /** The big number. */
  inside: string;
  in: string;
  out: string;
  /** The gauge's text equivalent (its accessible name); null for a door without a capacity. */
  gauge: string | null;
  /** The "more people left than entered" note; null when the door's raw count is not negative. */
  note: string | null;
  stale: boolean;
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
  /** In the page's default order (name, A–Z). */
  doors: DoorOnScreen[];
}

/** What the screen must show for the vendor's answer at `at`: total inside = max(0, ΣIN − ΣOUT)
 *  (not the sum of the doors), each door max(0, IN − OUT) with a note when IN − OUT < 0. */
export function expectedScreen(vendor: readonly VendorDevice[], at: Date, { stale = false } = {}): ScreenNumbers {
  const site = new Map(DEMO_SITE.devices.map((d) => [d.id, d]));
  const sumIn = vendor.reduce((n, d) => n + d.IN, 0);
  const sumOut = vendor.reduce((n, d) => n + d.OUT, 0);
  const inside = Math.max(0, sumIn - sumOut);
  const siteCapacity = DEMO_SITE.siteCapacity;
  const doors = vendor.map((d): DoorOnScreen => {
    const raw = d.IN - d.OUT;
    const shown = Math.max(0, raw);
    // The vendor's own corrected figure must agree with the rule, or the fixture is wrong.
    expect(d.CorrectedOccupancy, `vendor CorrectedOccupancy of device ${d.device_id}`).toBe(shown);
    const label = site.get(d.device_id)?.label ?? d.device_name;
    const capacity = site.get(d.device_id)?.capacity;
    return {
      label,
      inside: count(shown),
      in: count(d.IN),
      out: count(d.OUT),
      gauge: capacity ? `${label}: ${capacityText(shown, capacity)}${stale ? ', not live' : ''}` : null,
      note: raw < 0 ? `More people left than entered by this door today (${signedFormat.format(raw)}).` : null,
      stale,
    };
  });
  return {
    total: {
      inside: count(inside),
      in: count(sumIn),
      out: count(sumOut),
      summary: siteCapacity ? `${capacityText(inside, siteCapacity)}.` : `${count(inside)} people inside.`,
      // The demo site's day starts at local midnight.
      since: expect.stringMatching(/^Counted since 0?0:00$/) as unknown as string,
      live: stale ? 'Not live' : 'Live',
      fetchedAt: clockText('at ', at),
      stale,
    },
    doors: doors.sort((a, b) => collator.compare(a.label, b.label)),
  };
}

/** The door labels in the order "Most people first" must show them. */
export function byOccupancy(screen: ScreenNumbers): string[] {
  const inside = (d: DoorOnScreen) => Number(d.inside.replace(/\D/g, ''));
  return [...screen.doors].sort((a, b) => inside(b) - inside(a) || collator.compare(a.label, b.label)).map((d) => d.label);
}

export const siteTotal = (page: Page) => page.getByRole('region', { name: 'Inside now · whole site' });
export const doorList = (page: Page) => page.getByRole('list', { name: /^Doors/ });
export const doorLabels = (page: Page) => doorList(page).getByRole('heading', { level: 3 }).allTextContents();

/** Everything the site total and the door cards show, read from the DOM in one go. */
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
  const doors = await doorList(page)
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
          note: [...article.querySelectorAll('p')].map((p) => p.textContent?.trim() ?? '').find((p) => p.startsWith('More people left')) ?? null,
          stale: article.getAttribute('data-stale') === 'true',
        };
      }),
    );
  return { total, doors };
}

/** Waits (polling often: the page polls every 2 s) until the screen shows `expected`; on a
 *  timeout the failure is a diff of every number that differs. */
export async function expectScreen(page: Page, expected: ScreenNumbers, message: string) {
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
