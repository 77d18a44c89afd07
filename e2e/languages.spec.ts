// The live screens in German and Hungarian, at a desk (1440×900) and on a phone (390×844): the
// dashboard (the site's language, set through the admin API of the open demo and put back), the
// kiosk (?lang=) and /public (?lang=). Each says the sign and level words of product.md exactly,
// sets <html lang>, writes 24-hour times and grouped numbers, never scrolls sideways, keeps every
// text box inside its card, and passes axe. Screenshots go to /tmp/lang-shots/ to be looked at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './support/dashboard';
import { PORTS, urlOf } from './support/ports';

const BASE = urlOf(PORTS.demo);
const HEADERS = { origin: BASE, 'content-type': 'application/json' };
const SHOTS = '/tmp/lang-shots';
const SIZES = { desk: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** product.md's table, and the level words of the dashboard's pills and the public page. */
const WORDS = {
  de: {
    sign: { comeIn: 'Bitte eintreten', pleaseWait: 'Bitte warten', unavailable: 'Zählung nicht verfügbar', closed: 'Geschlossen' },
    levels: ['Platz frei', 'Fast voll', 'Voll', 'Zählung nicht verfügbar'],
    totalHeading: 'Jetzt anwesend · gesamter Standort',
    // "Samstag, 28. November"
    longDate: /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \p{L}+$/u,
    grouped: /^\d{1,3}(\.\d{3})+$/,
  },
  hu: {
    sign: { comeIn: 'Szabad a belépés', pleaseWait: 'Kérjük, várjon', unavailable: 'A létszám nem elérhető', closed: 'Zárva' },
    levels: ['Van szabad hely', 'Majdnem tele', 'Tele', 'A létszám nem elérhető'],
    totalHeading: 'Most bent · teljes helyszín',
    // "november 28., szombat"
    longDate: /^\p{Ll}+ \d{1,2}\., (hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap)$/u,
    grouped: /^\d{1,3}(\u00a0\d{3})+$/,
  },
} as const;
type Lang = keyof typeof WORDS;

/** The sign word for each data-state of the entrance sign. */
const signFor = (lang: Lang, state: string | null) => {
  const sign = WORDS[lang].sign;
  if (state === 'available' || state === 'nearly_full') return sign.comeIn;
  if (state === 'full') return sign.pleaseWait;
  return sign.unavailable;
};

const TIME_24H = /(^|\D)([01]\d|2[0-3]):[0-5]\d/;

// The dashboard's language is the site's: one test at a time changes it.
test.describe.configure({ mode: 'serial' });

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function putSite(page: Page, locale: string) {
  const res = await page.request.put(`${BASE}/api/admin/settings/site`, { data: JSON.stringify({ locale }), headers: HEADERS });
  expect(res.status(), `PUT site locale ${locale}`).toBe(200);
}

/** No sideways scroll, and no text box wider than (or outside) the card it sits in. */
async function expectFits(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  const outside = await page.evaluate(() => {
    const found: string[] = [];
    const cards = document.querySelectorAll('article, section, li.space, header, footer');
    for (const card of cards) {
      const box = card.getBoundingClientRect();
      if (box.width === 0) continue;
      for (const el of card.querySelectorAll<HTMLElement>('h1, h2, h3, p, dt, dd, th, td, span, a, button, label, summary, time')) {
        const style = getComputedStyle(el);
        // Screen-reader-only text is a 1 px clip by design.
        if (el.closest('.sr-only') !== null || style.position === 'absolute' || !el.textContent?.trim()) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const spills = r.left < box.left - 1 || r.right > box.right + 1;
        // A word longer than its own box shows past it unless the box cuts it with an ellipsis.
        const overflows =
          style.display !== 'inline' && style.textOverflow !== 'ellipsis' && style.overflow === 'visible' && el.scrollWidth > el.clientWidth + 1;
        if (spills || overflows)
          found.push(
            `${el.tagName.toLowerCase()} “${el.textContent.trim().slice(0, 40)}” (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)}; ${el.scrollWidth} of ${el.clientWidth} px)`,
          );
      }
    }
    return found;
  });
  expect(outside, `${where}: text boxes outside their cards`).toEqual([]);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

async function dashboard(page: Page, testInfo: TestInfo, lang: Lang, size: keyof typeof SIZES) {
  const words = WORDS[lang];
  await page.setViewportSize(SIZES[size]);
  await page.goto(`${BASE}/`);
  const total = page.getByRole('region', { name: words.totalHeading });
  await expect(total).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  // The pill says a level word, never English.
  await expect(total.locator('p[aria-hidden] > span').first()).toHaveText(new RegExp(`^(${words.levels.join('|')})$`));
  await expect(total).toContainText(TIME_24H);
  await expect(total).not.toContainText(/\b(AM|PM)\b/);
  for (const figure of await total.locator('dd').allTextContents()) {
    const value = Number(figure.replace(/\D/g, ''));
    // Grouping is only visible from 1000: below that there is nothing to check.
    if (value >= 1000) expect(figure, `${figure} grouped as ${lang} groups`).toMatch(words.grouped);
  }
  await shoot(page, `dashboard-${lang}-${size}`);
  await expectFits(page, `dashboard ${lang} ${size}`);
  await expectNoAxeViolations(page, testInfo, `dashboard ${lang} ${size}`);
}

async function kiosk(page: Page, testInfo: TestInfo, lang: Lang, size: keyof typeof SIZES) {
  const words = WORDS[lang];
  await page.setViewportSize(SIZES[size]);
  await page.goto(`${BASE}/kiosk?lang=${lang}`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const closed = page.getByRole('heading', { name: words.sign.closed, exact: true });
  const sign = page.locator('section[data-state]').first();
  await expect(sign.or(closed)).toBeVisible();
  if (await sign.isVisible()) {
    await expect(sign).not.toHaveAttribute('data-state', 'connecting');
    const state = await sign.getAttribute('data-state');
    await expect(sign.locator('p').first()).toHaveText(signFor(lang, state));
    // Said whole: never cut with an ellipsis on a narrow screen.
    expect(
      await sign
        .locator('p')
        .first()
        .evaluate((el) => el.scrollWidth <= el.clientWidth),
      'the sign word is not cut',
    ).toBe(true);
  }
  const header = page.locator('header');
  await expect(header.locator('time')).toHaveText(/^([01]\d|2[0-3]):[0-5]\d/);
  await expect(header.locator('p:has(time) + p')).toHaveText(words.longDate);
  await shoot(page, `kiosk-${lang}-${size}`);
  await expectFits(page, `kiosk ${lang} ${size}`);
  await expectNoAxeViolations(page, testInfo, `kiosk ${lang} ${size}`);
}

async function publicView(page: Page, testInfo: TestInfo, lang: Lang, size: keyof typeof SIZES) {
  const words = WORDS[lang];
  await page.setViewportSize(SIZES[size]);
  await page.goto(`${BASE}/public?lang=${lang}`);
  const levels = page.locator('.space .level span');
  await expect(levels.first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  for (const level of await levels.allTextContents()) expect(level).toMatch(new RegExp(`^(${words.levels.join('|')})$`));
  for (const figure of await page.locator('.space .count').allTextContents()) {
    const [first = ''] = figure.match(/^[\d.\u00a0]+/) ?? [];
    if (Number(first.replace(/\D/g, '')) >= 1000) expect(first.trim(), `${figure} grouped`).toMatch(words.grouped);
  }
  await shoot(page, `public-${lang}-${size}`);
  await expectFits(page, `public ${lang} ${size}`);
  await expectNoAxeViolations(page, testInfo, `public ${lang} ${size}`);
}

for (const lang of ['de', 'hu'] as const) {
  test(`the live screens in ${lang === 'de' ? 'German' : 'Hungarian'}, at a desk and on a phone`, async ({ page }, testInfo) => {
    // Generous for a loaded machine: about 20 s of work on an idle one.
    test.setTimeout(120_000);
    await page.goto(`${BASE}/`);
    // The public view as public.spec's: every space, with numbers; put back as it was.
    const before = (await (await page.request.get(`${BASE}/api/admin/settings`)).json()) as { values: { public: unknown; locale: string } };
    const spaces = ((await (await page.request.get(`${BASE}/api/config`)).json()) as { spaces: { id: string }[] | null }).spaces ?? [];
    const shown = { enabled: true, spaces: spaces.map((s) => s.id), showNumbers: true, allowOrigins: [] };
    expect((await page.request.put(`${BASE}/api/admin/settings/public`, { data: JSON.stringify(shown), headers: HEADERS })).status()).toBe(200);
    try {
      await putSite(page, lang);
      try {
        for (const size of ['desk', 'phone'] as const) await dashboard(page, testInfo, lang, size);
      } finally {
        // Other specs read the demo in English.
        await putSite(page, before.values.locale);
      }
      for (const size of ['desk', 'phone'] as const) await kiosk(page, testInfo, lang, size);
      for (const size of ['desk', 'phone'] as const) await publicView(page, testInfo, lang, size);
    } finally {
      await page.request.put(`${BASE}/api/admin/settings/public`, { data: JSON.stringify(before.values.public), headers: HEADERS });
    }
  });
}
