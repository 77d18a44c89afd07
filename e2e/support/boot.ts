// The page arrives with its first answers inside (src/server/boot-page.ts). A test that shapes an
// API answer in the network (page.route) strips them, so the page asks the network as it would
// had the server nothing to give (nobody signed in yet, a vendor too slow for the page).
import type { Page } from '@playwright/test';
import { BOOT_ELEMENT_ID } from '@/shared/boot-data';

const BOOT = new RegExp(`<script type="application/json" id="${BOOT_ELEMENT_ID}">[\\s\\S]*?</script>`);
/** Headers that described the bytes on the wire, not the text handed on. */
const WIRE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding']);

/** Every page this test opens comes without its embedded answers. */
export async function withoutEmbeddedAnswers(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    // A kept-alive socket the server closed as it idled resets the fetch; a browser sends such a
    // request again on a new connection, and so does this.
    const response = await route.fetch().catch((error: unknown) => {
      if (error instanceof Error && /ECONNRESET|socket hang up/.test(error.message)) return route.fetch();
      throw error;
    });
    const html = await response.text();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !WIRE_HEADERS.has(name.toLowerCase())));
    await route.fulfill({ status: response.status(), headers, body: html.replace(BOOT, '') });
  });
}

/** Whether the page's HTML carried the live answer (the e2e's proof that the first numbers came with it). */
export async function embeddedOccupancy(page: Page): Promise<boolean> {
  return page.evaluate((id) => {
    const text = document.getElementById(id)?.textContent;
    return text !== undefined && text !== null && (JSON.parse(text) as { occupancy?: unknown }).occupancy !== undefined;
  }, BOOT_ELEMENT_ID);
}

/** An init script: every layout shift from the page's first frame, summed (none missed: it runs before the page's own code). */
export const SHIFTS_FROM_START = `(() => {
  const store = { sum: 0 };
  window.__shiftsFromStart = store;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) store.sum += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

export function shiftsFromStart(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __shiftsFromStart: { sum: number } }).__shiftsFromStart.sum);
}
