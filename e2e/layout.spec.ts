// The dashboard's layout at every width a visitor may bring: the hero card's texts never print
// over each other and the page never scrolls sideways (320–1920 px in 40 px steps, plus every
// width of 1024–1039 where the card once overlapped itself); the outage banner takes its own
// place in the flow and never covers the content below it; a wall kiosk's small print reads
// from 5 m.
import { expect, type Page, test } from '@playwright/test';
import { freezeAt, scrollToToday, siteTotal } from './support/dashboard';
import { SimControl } from './support/simulator';
import { withoutEmbeddedAnswers } from './support/boot';

// A busy Thursday in Budapest (13:00): over a thousand inside, the widest figures the demo site shows.
const BUSY = new Date('2026-11-19T12:00:00Z');
const FIVE_MINUTES = 5 * 60_000;

const WIDTHS = [...new Set([...Array.from({ length: 41 }, (_, i) => 320 + i * 40), ...Array.from({ length: 16 }, (_, i) => 1024 + i)])].sort((a, b) => a - b);

interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The boxes of every visible text line in the hero card: Range.getClientRects over each text
 * node (one rect per line box fragment), skipping visually hidden text (sr-only is clipped).
 */
function heroTextBoxes(page: Page): Promise<TextBox[]> {
  return siteTotal(page).evaluate((section) => {
    const hidden = (el: Element | null): boolean => {
      for (let e = el; e && e !== section.parentElement; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true;
        if (s.clipPath !== 'none' || (s.clip !== 'auto' && s.clip !== '')) return true;
      }
      return false;
    };
    const boxes: TextBox[] = [];
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (!text || hidden(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width < 0.5 || r.height < 0.5) continue;
        boxes.push({ text, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      }
    }
    return boxes;
  });
}

/** Pairs of boxes whose interiors intersect; shared edges (and sub-pixel rounding) are allowed. */
function overlaps(boxes: TextBox[]): string[] {
  const EPSILON = 0.5;
  const found: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > EPSILON && y > EPSILON) found.push(`"${a.text}" × "${b.text}" (${x.toFixed(1)} × ${y.toFixed(1)} px)`);
    }
  }
  return found;
}

const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test.describe('the dashboard’s layout', () => {
  let sim: SimControl;

  test.beforeEach(async ({ request }) => {
    sim = new SimControl(request);
    await sim.reset();
  });

  test.afterEach(async ({ page }) => {
    await page.close();
    await sim.reset();
  });

  test('the hero card’s texts never overlap and nothing scrolls sideways, 320–1920 px', async ({ page, request }, testInfo) => {
    await freezeAt(sim, request, BUSY);
    // The demo building holds a few hundred: its answer is given the site of a large venue, over
    // a thousand inside of 1,400, IN and OUT in five digits.
    // Shaped in the network: the page must ask the network for it.
    await withoutEmbeddedAnswers(page);
    await page.route('**/api/occupancy', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { total: object; spaces: object[] };
      const site = { in: 12_345, out: 11_111, occupancy: 1_234, capacity: 1_400 };
      const [root, ...rest] = body.spaces;
      await route.fulfill({ response, json: { ...body, total: site, spaces: [{ ...root, ...site, raw: 1_234, state: 'nearly_full' }, ...rest] } });
    });
    await page.goto('/');
    await expect(siteTotal(page).getByText('In today')).toBeVisible();
    // Four digits and a separator inside: the widest hero number the layout must hold.
    await expect(siteTotal(page).locator('h2 ~ [aria-hidden="true"] > span').first()).toHaveText(/^\d,\d{3}$/);

    const failures: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await settle(page);
      const boxes = await heroTextBoxes(page);
      expect(boxes.length, `text boxes found in the hero card at ${width} px`).toBeGreaterThan(8);
      const hits = overlaps(boxes);
      if (hits.length > 0) failures.push(`${width} px: ${hits.join('; ')}`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      if (scrollWidth > clientWidth) failures.push(`${width} px: the page scrolls sideways (${scrollWidth} > ${clientWidth})`);
    }
    testInfo.annotations.push({ type: 'widths', description: `${WIDTHS.length} widths, ${failures.length} failing` });
    expect(failures, 'widths where the hero card overlaps itself or the page scrolls sideways').toEqual([]);
  });

  for (const viewport of [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`the outage banner takes its own place and covers nothing (${viewport.name})`, async ({ page, request }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await freezeAt(sim, request, BUSY);
      await page.goto('/');
      await scrollToToday(page);
      const toggle = page.getByText('Show the numbers as a table').first();
      await expect(toggle).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));

      await sim.setFaults({ status: 503 });
      await sim.advance(FIVE_MINUTES);
      const banner = page.getByRole('region', { name: /^The WELLPOINT cloud is not answering\./ });
      await expect(banner).toBeVisible();

      // Put the toggle where a bottom-docked overlay would sit (near the viewport's foot), then at
      // its top and middle: whatever is painted at the toggle's centre must be the toggle.
      for (const place of ['bottom', 'middle', 'top'] as const) {
        const covered = await toggle.evaluate((el, where) => {
          const height = window.innerHeight;
          const before = el.getBoundingClientRect();
          const target = where === 'bottom' ? height - before.height - 8 : where === 'middle' ? height / 2 : 8;
          window.scrollBy(0, before.top - target);
          const r = el.getBoundingClientRect();
          const x = r.left + Math.min(r.width, 80) / 2;
          const y = r.top + r.height / 2;
          if (y < 0 || y > height) return null; // the page is too short to bring it there
          const hit = document.elementFromPoint(x, y);
          return hit && (el === hit || el.contains(hit)) ? null : (hit?.closest('section')?.getAttribute('aria-labelledby') ?? hit?.tagName ?? 'nothing');
        }, place);
        expect(covered, `the table toggle at the ${place} of the viewport is covered by another element`).toBeNull();
      }

      // In the flow: the banner sits above the numbers and scrolls away with the page.
      const bannerBox = await banner.boundingBox();
      const totalBox = await siteTotal(page).boundingBox();
      expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('static');
      expect(bannerBox && totalBox && bannerBox.y + bannerBox.height <= totalBox.y + 0.5, 'the banner ends above the site total').toBe(true);
    });
  }
});

/** Font size and contrast (WCAG) of an element's text against the first opaque background behind it. */
async function legibility(page: Page, selector: string, text: RegExp) {
  return page
    .locator(selector, { hasText: text })
    .first()
    .evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      let bg = 'rgb(0, 0, 0)';
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) {
        opacity *= Number(getComputedStyle(e).opacity);
      }
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        const alpha = rgb(c)[3];
        if (c !== 'transparent' && (alpha === undefined || alpha === 1)) {
          bg = c;
          break;
        }
      }
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg))].sort((x, y) => y - x) as [number, number];
      return { fontPx: parseFloat(getComputedStyle(el).fontSize), contrast: (a + 0.05) / (b + 0.05), opacity, viewportHeight: innerHeight };
    });
}

test.describe('the kiosk on a 1920 × 1080 wall', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  for (const theme of ['dark', 'light'] as const) {
    test(`the door sub-lines and the Live marker are at least 3 % of the height and AAA (${theme})`, async ({ page }) => {
      await page.goto(`/kiosk?theme=${theme}`);
      await expect(page.getByText('Live', { exact: true })).toBeVisible();
      // The page of doors fades in; judge it once it is there.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      for (const [selector, text] of [
        ['article p', /^of [\d,]+ · \d+\s?%$/],
        ['span', /^Live$/],
      ] as const) {
        const seen = await legibility(page, selector, text);
        expect(seen.fontPx, `${text} font size`).toBeGreaterThanOrEqual(0.03 * seen.viewportHeight);
        expect(seen.opacity, `${text} is not faded`).toBe(1);
        expect(seen.contrast, `${text} contrast`).toBeGreaterThanOrEqual(7);
      }
    });
  }
});
