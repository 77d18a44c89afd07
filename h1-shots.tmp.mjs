import { chromium } from '@playwright/test';
const B = 'http://127.0.0.1:8920';
const out = '/tmp/h1-shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const shot = async (name, url, viewport, { wait, full = false, colorScheme = 'light', after } = {}) => {
  const ctx = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/Budapest', colorScheme });
  const page = await ctx.newPage();
  await page.goto(B + url);
  if (wait) await page.getByText(wait).first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(1500);
  if (after) await after(page);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
  await ctx.close();
};
const which = process.argv[2] ?? 'closed';
if (which === 'closed') {
  await shot('kiosk-total-dark-closed', '/kiosk?mode=total', { width: 1920, height: 1080 }, { wait: 'Closed' });
  await shot('kiosk-total-light-closed', '/kiosk?mode=total&theme=light', { width: 1920, height: 1080 }, { wait: 'Closed' });
  await shot('kiosk-cards-dark-closed', '/kiosk', { width: 1920, height: 1080 }, { wait: 'Closed' });
  await shot('kiosk-cards-portrait-closed', '/kiosk?theme=light', { width: 1080, height: 1920 }, { wait: 'Closed' });
  await shot('dashboard-desktop-closed', '/', { width: 1440, height: 900 }, { wait: 'Closed now', full: true });
  await shot('dashboard-phone-closed', '/', { width: 390, height: 844 }, { wait: 'Closed now', full: true });
  await shot('dashboard-desktop-dark-closed', '/', { width: 1440, height: 900 }, { wait: 'Closed now', colorScheme: 'dark' });
  await shot('settings-hours-desktop', '/settings/hours', { width: 1440, height: 900 }, { wait: 'Every week', full: true });
  await shot('settings-hours-phone', '/settings/hours', { width: 390, height: 844 }, { wait: 'Every week', full: true });
} else {
  await shot('kiosk-total-dark-open', '/kiosk?mode=total', { width: 1920, height: 1080 }, { wait: 'people inside' });
  await shot('dashboard-desktop-open', '/', { width: 1440, height: 900 }, { wait: 'Today', full: true });
}
await browser.close();
