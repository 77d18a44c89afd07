// The dashboard's unhappy states at the three viewports: the vendor failing (the last numbers
// stay, visibly not live, with their age, and come back by themselves without a reload), a key
// the vendor rejects, and an account without PRO devices. Each is scanned with axe in light and
// dark, and screenshotted.
import { expect, type Page, test } from '@playwright/test';
import {
  checkStateInBothSchemes,
  gaugeList,
  expectedScreen,
  expectNoHorizontalScroll,
  expectScreen,
  expectTouchTargets,
  freezeAt,
  layoutShifts,
  recordLayoutShifts,
  siteTotal,
} from './support/dashboard';
import { signIn } from './support/accounts';
import { PORTS, urlOf } from './support/ports';
import { SimControl, vendorOccupancy } from './support/simulator';

// A Thursday, 13:00 in Budapest.
const NOON = new Date('2026-11-19T12:00:00Z');
const FIVE_MINUTES = 5 * 60_000;

/** The colour of the hero number and of the first door's number, to compare live with stale. */
function numberColours(page: Page) {
  return page.evaluate(() => {
    const colour = (selector: string) => {
      const el = document.querySelector(selector);
      return el ? getComputedStyle(el).color : '<missing>';
    };
    return { total: colour('main section h2 ~ [aria-hidden="true"] > span'), door: colour('main article .area-value > span') };
  });
}

test.describe('the dashboard when something is wrong', () => {
  let sim: SimControl;
  let vendor: SimControl;

  test.beforeEach(async ({ request }) => {
    sim = new SimControl(request);
    vendor = new SimControl(request, urlOf(PORTS.simulator));
    await sim.reset();
    await vendor.reset();
  });

  test.afterEach(async ({ page }) => {
    await page.close();
    await sim.reset();
    await vendor.reset();
  });

  test('the vendor failing: the last numbers stay, marked stale with their age; they recover without a reload', async ({ page, request }, testInfo) => {
    await freezeAt(sim, request, NOON);
    const liveScreen = expectedScreen(await vendorOccupancy(NOON), NOON);
    await page.goto('/');
    await expectScreen(page, liveScreen, 'the numbers for 13:00:00');
    const liveColours = await numberColours(page);
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: string }).__sameDocument = 'set before the fault';
    });

    // The vendor answers 503 from now on; five minutes later the BFF's cache has long expired.
    await sim.setFaults({ status: 503 });
    await sim.advance(FIVE_MINUTES);
    const later = new Date(NOON.getTime() + FIVE_MINUTES);
    const vendorLater = expectedScreen(await vendorOccupancy(later), later);
    expect(vendorLater.total.in, 'the vendor’s counts moved on meanwhile (else keeping them proves nothing)').not.toBe(liveScreen.total.in);

    const banner = page.getByRole('region', { name: /^The WELLPOINT cloud is not answering\./ });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Showing the numbers from 5 min ago');
    // The server backs off for one cache period (5 s, up to 20 % more) and says so; its clock stands still here.
    await expect(banner).toContainText(/The server tries again in about [56][\s\u00a0]s\./);
    // The numbers of 13:00 are kept, every one of them marked not live.
    await expectScreen(page, expectedScreen(await vendorOccupancy(NOON), NOON, { stale: true }), 'the numbers of 13:00:00 kept, marked not live');
    await expect(siteTotal(page)).toHaveAttribute('data-stale', 'true');
    await expect(siteTotal(page).getByText('Updated 5 min ago')).toBeVisible();
    const staleColours = await numberColours(page);
    expect(staleColours.total, 'the stale hero number is dimmed').not.toBe(liveColours.total);
    expect(staleColours.door, 'a stale door number is dimmed').not.toBe(liveColours.door);
    if (testInfo.project.name !== 'phone') {
      // Each card carries the age too (on a phone the banner and the total say it once).
      const firstDoor = gaugeList(page).getByRole('article').first();
      await expect(firstDoor.getByText('5 min', { exact: true })).toBeVisible();
    }
    await checkStateInBothSchemes(page, testInfo, 'stale');
    await expectNoHorizontalScroll(page, 'stale');
    // The banner takes its own place above the numbers (it covers nothing), so its arrival moves
    // them once; while the outage lasts, the polls that keep coming move nothing.
    await recordLayoutShifts(page);
    await nextPolls(page, 2);
    const stale = await layoutShifts(page);
    expect(stale.sum, `layout shift while stale: ${JSON.stringify(stale.shifts)}`).toBeLessThan(0.01);

    // The vendor is back: the next poll after the cache period brings the new numbers.
    await sim.setFaults({ status: null });
    await sim.advance(6_000);
    const recovered = new Date(later.getTime() + 6_000);
    await expect(banner).toBeHidden();
    await expectScreen(page, expectedScreen(await vendorOccupancy(recovered), recovered), 'the numbers of 13:05:06, live again');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: string }).__sameDocument), 'no reload: the same document').toBe(
      'set before the fault',
    );
    // Live again, updates move nothing.
    await recordLayoutShifts(page);
    await nextPolls(page, 2);
    const live = await layoutShifts(page);
    expect(live.sum, `layout shift once live again: ${JSON.stringify(live.shifts)}`).toBeLessThan(0.01);
  });

  /** Waits for the page's next `count` answers to its poll of /api/occupancy. */
  async function nextPolls(page: Page, count: number) {
    for (let i = 0; i < count; i++) await page.waitForResponse((r) => r.url().endsWith('/api/occupancy'));
  }

  test('a key the vendor rejects: says so in plain words, and shows no numbers', async ({ page }, testInfo) => {
    await signIn(page, urlOf(PORTS.wrongKey));
    await page.goto(urlOf(PORTS.wrongKey));
    const panel = page.getByRole('region', { name: "The server's WELLPOINT access key is not accepted." });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('Live count unavailable');
    await expect(panel).toContainText('Ask your administrator to check WELLPOINT_ACCESS_KEY.');
    await expect(panel.getByRole('button', { name: /Try now|Trying…/ })).toBeVisible();
    await expect(siteTotal(page)).toHaveCount(0);
    await expect(gaugeList(page)).toHaveCount(0);
    await expect(page.getByText(/people inside/)).toHaveCount(0);
    // Not the demo, and the rejected key is nowhere in the page.
    await expect(page.getByText('Demo data', { exact: true })).toHaveCount(0);
    expect(await page.content()).not.toContain('e2e-key-the-vendor-rejects');

    await checkStateInBothSchemes(page, testInfo, 'wrong-key');
    await expectNoHorizontalScroll(page, 'wrong key');
    await expect(panel.getByRole('button', { name: 'Try now' })).toBeEnabled();
    await expectTouchTargets(page, 'wrong key');
  });

  test('an account without PRO devices: explains the PRO-plan rule', async ({ page }, testInfo) => {
    await signIn(page, urlOf(PORTS.noPro));
    await page.goto(urlOf(PORTS.noPro));
    const panel = page.getByRole('region', { name: 'No PRO devices on this account' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('The WELLPOINT API only reports people counters on the PRO plan.');
    await expect(panel).toContainText('Ask your administrator to move the door counters to the PRO plan');
    await expect(siteTotal(page)).toHaveCount(0);
    await expect(gaugeList(page)).toHaveCount(0);
    await expect(page.getByText('Demo data', { exact: true })).toHaveCount(0);

    await checkStateInBothSchemes(page, testInfo, 'no-pro');
    await expectNoHorizontalScroll(page, 'no PRO');
  });
});
