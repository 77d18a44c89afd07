// Settings ▸ Site and spaces on the accounts server: the admin renames a space and changes its
// capacity; the dashboard open in another tab shows the new name within one poll; the audit log
// lists the change. Axe-clean in light and dark; screenshots at 1440 × 900 and 390 × 844.
import { expect, type Page, test, type TestInfo } from '@playwright/test';
import { signIn } from './support/accounts';
import { expectNoAxeViolations, expectTouchTargets } from './support/dashboard';
import { PORTS, urlOf } from './support/ports';

const BASE = urlOf(PORTS.accounts);
/** POLL_INTERVAL_SECONDS of the e2e servers (2 s), with room for a slow machine. */
const ONE_POLL_MS = 2_000 + 3_000;

/** Screenshots in light and dark; axe in both, or (the same page again, narrower) in light only, to keep the run short. */
async function shoot(page: Page, name: string, testInfo: TestInfo, { axeDark = true } = {}) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    if (scheme === 'light' || axeDark) await expectNoAxeViolations(page, testInfo, `${name}, ${scheme}`);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: null });
}

test('the admin renames a space and changes its capacity; the dashboard follows within one poll; the audit log says who did it', async ({
  browser,
}, testInfo) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const settings = await context.newPage();
  await signIn(settings, BASE);
  // The spaces as they were, put back at the end: other journeys share this server.
  const before = (await (await settings.request.get(`${BASE}/api/admin/settings`)).json()) as { values: { spaces: unknown } };

  try {
    const dashboard = await context.newPage();
    await dashboard.goto(`${BASE}/`);
    await expect(dashboard.getByRole('heading', { name: 'Café', exact: true })).toBeVisible();

    await settings.goto(`${BASE}/settings/site`);
    const cafe = settings.getByRole('region', { name: 'Café', exact: true });
    await cafe.getByLabel('Space name').fill('Coffee bar');
    const bar = settings.getByRole('region', { name: 'Coffee bar', exact: true });
    await bar.getByLabel('Capacity (people)').fill('75');
    await expect(settings.getByText('Space “Café” renamed “Coffee bar”')).toBeVisible();
    await expect(settings.getByText('Space “Coffee bar” capacity 60 → 75')).toBeVisible();
    await shoot(settings, 'desktop-site-and-spaces', testInfo);
    await settings.getByRole('button', { name: 'Save spaces' }).click();
    await expect(settings.getByText(/^Saved\. Every screen shows the new spaces/)).toBeVisible();

    // The other tab polls on its own: the new name arrives with its next answer.
    const card = dashboard.getByRole('article', { name: 'Coffee bar', exact: true });
    await expect(card.getByRole('heading', { name: 'Coffee bar', exact: true })).toBeVisible({ timeout: ONE_POLL_MS });
    await expect(card.getByRole('img', { name: /^Coffee bar: \d+ (person|people) inside of 75\b/ })).toBeVisible();
    await expect(dashboard.getByRole('heading', { name: 'Café', exact: true })).toHaveCount(0);

    await settings.goto(`${BASE}/settings/audit`);
    const latest = settings.getByRole('table', { name: 'Audit log, newest first' }).getByRole('row').nth(1);
    await expect(latest).toContainText('admin@e2e.example');
    await expect(latest).toContainText('Changed the spaces and doors');
    await expect(latest).toContainText('Space “Café” renamed “Coffee bar”');
    await expect(latest).toContainText('Space “Coffee bar” capacity 60 → 75');
    await shoot(settings, 'desktop-audit', testInfo);

    await settings.setViewportSize({ width: 390, height: 844 });
    await settings.goto(`${BASE}/settings/site`);
    await expect(settings.getByRole('region', { name: 'Coffee bar', exact: true })).toBeVisible();
    await expectTouchTargets(settings, 'settings on a phone');
    await shoot(settings, 'phone-site-and-spaces', testInfo, { axeDark: false });
  } finally {
    const res = await settings.request.put(`${BASE}/api/admin/settings/spaces`, { data: before.values.spaces, headers: { origin: BASE } });
    expect(res.status(), await res.text()).toBe(200);
    await context.close();
  }
});
