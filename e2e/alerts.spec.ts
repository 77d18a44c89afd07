// Browser notifications for alerts in Chromium, on the BFF with accounts: the bell lists the
// recent alerts, "Notify me" with the permission granted turns notifications on without a prompt,
// and an alert that arrives at the next poll (asked with ?after=<newest>) is shown as a
// notification, the ones listed at opening are not; with the permission refused the bell says how
// to allow it. /api/alerts/recent is answered by the test (page.route), so the alerts are known;
// Settings ▸ Alerts sends a real test message to a webhook the test listens with, and logs it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support/accounts';
import { expectNoAxeViolations, expectTouchTargets } from './support/dashboard';
import { PORTS, urlOf } from './support/ports';

const BASE = urlOf(PORTS.accounts);

const alert = (id: number, rule: string, text: string, resolved = false) => ({
  id,
  rule,
  space: 'cafe',
  spaceName: 'Café',
  occupancy: 60,
  capacity: 60,
  state: rule,
  at: new Date().toISOString(),
  text,
  resolved,
});

/** Answers /api/alerts/recent from `alerts` (filtered by ?after) and notes each request's query. */
async function fakeRecentAlerts(page: Page, alerts: ReturnType<typeof alert>[]) {
  const asked: string[] = [];
  await page.route('**/api/alerts/recent*', async (route) => {
    const url = new URL(route.request().url());
    asked.push(url.search);
    const after = Number(url.searchParams.get('after') ?? -1);
    await route.fulfill({ json: { alerts: alerts.filter((a) => a.id > after).sort((a, b) => b.id - a.id) } });
  });
  return asked;
}

/** Records every notification the page makes (the real one is still made). */
async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: { title: string; body: string | undefined }[] = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body });
      }
    };
  });
  return () => page.evaluate(() => (window as unknown as { shownNotifications: { title: string; body: string | undefined }[] }).shownNotifications);
}

test('notifications: allowed, a new alert is shown once; refused, the bell says how to allow them', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['notifications'], { origin: BASE });
  const page = await context.newPage();
  await signIn(page, BASE);
  const alerts = [alert(6, 'nearly_full', 'Café is nearly full: 48 of 60.'), alert(7, 'full', 'Café is full: 60 of 60.')];
  const asked = await fakeRecentAlerts(page, alerts);
  const shown = await recordNotifications(page);
  await page.clock.install();
  await page.goto('/');

  const banner = page.getByRole('banner');
  await banner.getByRole('button', { name: 'Alerts: 2 new' }).click();
  const list = page.getByRole('region', { name: 'Recent alerts' });
  await expect(list.getByRole('listitem')).toHaveText([/^Full.*Café is full: 60 of 60\.$/, /^Nearly full.*Café is nearly full: 48 of 60\.$/]);
  await list.getByRole('button', { name: 'Notify me in this browser' }).click();
  await expect(list.getByRole('status')).toHaveText('Notifications are on in this browser while the dashboard is open.');
  expect(await page.evaluate(() => Notification.permission)).toBe('granted');

  // An alert arrives; the next poll (15 s on) asks only for what came after the newest one.
  alerts.push(alert(8, 'full', 'Café is no longer full: 52 of 60.', true));
  await page.clock.fastForward(16_000);
  await expect.poll(shown).toEqual([{ title: 'Full — resolved', body: 'Café is no longer full: 52 of 60.' }]);
  expect(asked[0]).toBe('');
  expect(asked).toContain('?after=7');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expectNoAxeViolations(page, testInfo, 'dashboard, recent alerts open');
  await page.clock.fastForward(16_000);
  await expect.poll(() => asked.filter((q) => q === '?after=8').length).toBeGreaterThan(0);
  expect(await shown()).toHaveLength(1);

  // Settings ▸ Alerts: a webhook on loopback (a receiver this test starts), its "Send a test", and the real log.
  const received: { rule: string; text: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body) as { rule: string; text: string });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto('/settings/alerts');
    const log = page.getByRole('region', { name: 'Alert log' });
    await expect(log.getByText('Nothing sent yet: alerts and test messages appear here.')).toBeVisible();
    await page.getByRole('button', { name: 'Add a webhook' }).click();
    await page.getByLabel('Webhook address').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
    await page.getByRole('button', { name: 'Send a test' }).click();
    await expect(page.getByText('Test sent. Check that it arrived.')).toBeVisible();
    expect(received.map((r) => r.rule)).toEqual(['test']);
    await expect(log).toContainText('Sent');
    await page.getByRole('checkbox', { name: 'Full: Café', exact: true }).check();
    await expectNoAxeViolations(page, testInfo, 'settings, alerts');
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
  await context.close();

  // Not granted: headless Chromium answers the prompt "denied" (as a person's Block would), and the bell says what to do.
  const refused = await browser.newContext({ baseURL: BASE, viewport: { width: 390, height: 844 } });
  const phone = await refused.newPage();
  await signIn(phone, BASE);
  await fakeRecentAlerts(phone, alerts);
  await phone.goto('/');
  await phone
    .getByRole('banner')
    .getByRole('button', { name: /^Alerts/ })
    .click();
  await phone.getByRole('button', { name: 'Notify me in this browser' }).click();
  await expect(phone.getByText('Notifications are blocked for this site.')).toBeVisible();
  await expect(phone.getByText(/set Notifications to Allow, then reload this page/)).toBeInViewport();
  expect(await phone.evaluate(() => Notification.permission)).toBe('denied');
  await expectTouchTargets(phone, 'dashboard, recent alerts on a phone');
  await refused.close();
});
