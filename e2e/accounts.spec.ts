// Accounts through a real browser against a BFF with an administrator (ADMIN_EMAIL/ADMIN_PASSWORD):
// a page asked for without a session leads to sign-in and back to it afterwards; a wrong
// password is said in words; signing out ends the session. Axe-clean, thumb-sized controls.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AXE_TAGS, expectNoAxeViolations, expectTouchTargets } from './support/dashboard';
import { E2E_ADMIN, signIn } from './support/accounts';
import { PORTS, urlOf } from './support/ports';

test.use({ baseURL: urlOf(PORTS.accounts) });

// The server names the administrator it creates from ADMIN_EMAIL after the part before the @.
const ADMIN_NAME = E2E_ADMIN.email.split('@')[0] ?? '';

test('sign in (after a wrong password), land where you were going, sign out', async ({ page }, testInfo) => {
  await page.goto('/settings/account');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Faccount$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password', { exact: true });
  await email.fill(E2E_ADMIN.email);
  await password.fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password. Check both and try again.');
  await expect(password).toBeFocused();
  await expect(password).toHaveValue('');
  await expectNoAxeViolations(page, testInfo, 'sign-in, wrong password');
  await expectTouchTargets(page, 'sign-in');

  await password.fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/settings/account');
  const you = page.getByRole('region', { name: 'You', exact: true });
  await expect(you).toContainText(E2E_ADMIN.email);
  await expect(you).toContainText('Administrator');
  await expectNoAxeViolations(page, testInfo, 'settings, my account');
  await expectTouchTargets(page, 'settings, my account');

  // The dashboard knows who is signed in.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL('/');
  const account = page.getByRole('banner').getByRole('button', { name: `Account: ${ADMIN_NAME}` });
  await account.click();
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/sign-in?note=signed-out');
  await expect(page.getByRole('status')).toHaveText('You are signed out.');

  // The session is over: the server refuses it, and the dashboard sends back to sign-in.
  expect((await page.request.get('/api/me')).status()).toBe(401);
  await page.goto('/');
  await expect(page).toHaveURL('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a person chooses Deutsch in the account menu: the dashboard speaks it, after a reload too (from the server); the site’s language again', async ({
  page,
}) => {
  const base = urlOf(PORTS.accounts);
  await signIn(page, base);
  const setLocale = (locale: string | null) => page.request.put(`${base}/api/me/locale`, { data: { locale }, headers: { origin: base } });
  try {
    await page.goto('/');
    const banner = page.getByRole('banner');
    await banner.getByRole('button', { name: `Account: ${ADMIN_NAME}` }).click();
    // click, not check: saved, the app mounts afresh in German, so the radio clicked is gone.
    await banner.getByRole('group', { name: 'Language' }).getByRole('radio', { name: 'Deutsch' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(banner.getByRole('button', { name: `Konto: ${ADMIN_NAME}` })).toBeVisible();

    // Not this browser's memory: the server's. Without it the browser (en-US) would win.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    // The account pages ask no one: they speak the language this browser showed last.
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await page.goto('/');
    const konto = banner.getByRole('button', { name: `Konto: ${ADMIN_NAME}` });
    await konto.click();
    const sprache = banner.getByRole('group', { name: 'Sprache' });
    await expect(sprache.getByRole('radio', { name: 'Deutsch' })).toBeChecked();
    // The open menu alone (the whole dashboard is scanned by its own specs): lean.
    const scan = await new AxeBuilder({ page })
      .include('[data-account-menu]')
      .withTags(AXE_TAGS)
      .options({ resultTypes: ['violations'] })
      .analyze();
    expect(scan.violations.map((v) => v.id)).toEqual([]);

    await sprache.getByRole('radio', { name: 'Sprache des Standorts (English)' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(banner.getByRole('button', { name: `Account: ${ADMIN_NAME}` })).toBeVisible();
    expect(((await (await page.request.get(`${base}/api/me`)).json()) as { user: { locale: unknown } }).user.locale).toBeNull();
  } finally {
    // The administrator is shared with the other journeys: back to the site's language whatever happened.
    await setLocale(null);
  }
});
