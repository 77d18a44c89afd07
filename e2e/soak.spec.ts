// The short kiosk soak, part of `npm test` (scripts/soak.ts is the long one, `npm run soak`): the
// kiosk polls every 200 ms and turns a page every 2 s through 40 answers of warm-up and then 130
// more (about 35 s on an idle machine, longer on a busy one: the soak counts answers, not
// seconds) and a score of page turns, with the offline shell's worker in control of the page,
// while its JS heap (after forced GC), DOM nodes and event listeners are sampled over CDP, with
// the count of live JS objects; none may trend upwards beyond noise (FLAT_LIMITS in support/soak.ts).
//
// To see it fail for a real leak, run it with KIOSK_SOAK_LEAK=1: the page then keeps every
// occupancy answer in a global array.
import { expect, test } from '@playwright/test';
import { LIVE_SIGN, VIEWPORTS, withoutSpaces } from './support/kiosk';
import { countPolls, formatSample, formatVerdict, judgeFlat, KIOSK_SOAK_PATH, LEAK_EVERY_ANSWER, memorySession, soak } from './support/soak';

const POLL_MS = 200;
const ROTATE_S = 2;

test.use({ viewport: VIEWPORTS.landscape, serviceWorkers: 'allow' });

test('kiosk memory stays flat over hundreds of polls and page turns', async ({ page }, testInfo) => {
  // The soak runs for a number of answers, which a loaded machine takes longer to get.
  test.setTimeout(180_000);
  const leak = process.env.KIOSK_SOAK_LEAK === '1';
  if (leak) await page.addInitScript(LEAK_EVERY_ANSWER);
  const polls = countPolls(page);
  // The demo's twelve doors (a site without spaces) fill two pages, so pages turn.
  await withoutSpaces(page);
  await page.goto(KIOSK_SOAK_PATH(POLL_MS, ROTATE_S));
  await expect(page.getByRole('region', { name: 'Entrance sign' })).toContainText(LIVE_SIGN);
  await expect(page.getByText(/^Page 1 of \d$/)).toBeVisible(); // several pages, so pages turn

  // The kiosk as it runs on a wall: with the offline shell's worker in control of the page.
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  await expect.poll(controlled).toBe(true);

  const cdp = await memorySession(page);
  const samples = await soak(page, cdp, polls, { warmupPolls: 40, polls: 130, minSamples: 12, everyMs: 1_500 });
  const verdict = judgeFlat(samples);
  const report = [`first ${formatSample(samples[0]!)}`, `last  ${formatSample(samples.at(-1)!)}`, ...formatVerdict(verdict)];
  console.log(`kiosk soak (short${leak ? ', with a deliberate leak' : ''}), ${polls.value} polls:\n  ${report.join('\n  ')}`);
  await testInfo.attach('soak-samples.json', { body: JSON.stringify(samples, null, 2), contentType: 'application/json' });

  expect(samples.at(-1)!.polls - samples[0]!.polls).toBeGreaterThan(100);
  expect(await controlled(), 'the worker still controls the kiosk').toBe(true);
  expect(verdict.ok, report.join('\n')).toBe(true);
});
