// Settings ▸ People through two browsers against the BFF with an administrator: the admin adds a
// person and copies the one-time link; the person opens it in a browser of their own, sets a
// password, signs in and sees the dashboard but not People; the admin removes them, and their
// next poll sends them to sign-in. Axe-clean and thumb-sized at a desk and on a phone.
import { expect, test } from '@playwright/test';
import { signIn } from './support/accounts';
import { expectNoAxeViolations, expectTouchTargets } from './support/dashboard';
import { PORTS, urlOf } from './support/ports';

const BASE = urlOf(PORTS.accounts);
const PHONE = { width: 390, height: 844 };

test.use({ baseURL: BASE });

test('a person added with a one-time link signs in as staff, and is signed out once removed', async ({ browser, page, context }, testInfo) => {
  // A name of its own per run: the accounts BFF is shared with the other account specs.
  const stamp = Date.now().toString(36);
  const person = { name: `Anna Kovács ${stamp}`, email: `anna-${stamp}@e2e.example`, password: 'anna’s own password' };
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });

  await signIn(page, BASE);
  await page.goto('/settings/people');
  const form = page.getByRole('form', { name: 'Add a person' });
  await form.getByRole('textbox', { name: 'Name' }).fill(person.name);
  await form.getByRole('textbox', { name: 'Email' }).fill(person.email);
  // By keyboard: Tab reaches the role, arrows choose it, and its card shows where focus is.
  await form.getByRole('textbox', { name: 'Email' }).press('Tab');
  const staff = form.getByRole('radio', { name: /^Staff/ });
  await expect(staff).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: /^Administrator/ })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(staff).toBeChecked();
  expect(await staff.evaluate((el) => getComputedStyle(el.closest('label') as Element).outlineStyle)).not.toBe('none');
  await form.getByRole('button', { name: 'Add person' }).click();

  const panel = page.getByRole('region', { name: `${person.name} is added: hand over their link` });
  await expect(panel).toBeVisible();
  const url = (await panel.getByLabel('Set-password link').textContent()) ?? '';
  expect(url).toMatch(new RegExp(`^${BASE.replace(/\./g, '\\.')}/set-password#token=[\\w-]{20,}$`));
  await expect(panel).toContainText(/It works once, until \d{1,2}:\d{2} tomorrow\./);
  await panel.getByRole('button', { name: 'Copy link' }).click();
  await expect(panel.getByRole('status')).toContainText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(page.getByRole('combobox', { name: `Role of ${person.name}` })).toHaveValue('staff');
  await page.screenshot({ path: testInfo.outputPath('people-link-1440.png'), fullPage: true });
  await expectNoAxeViolations(page, testInfo, 'people, the new link');
  await expectTouchTargets(page, 'people, the new link');
  // The admin's phone from here on: the link still reads whole, every control thumb-sized.
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: testInfo.outputPath('people-link-390.png'), fullPage: true });
  await expectTouchTargets(page, 'people, the new link, on a phone');

  // The person, in a browser of their own, opens the link they were handed.
  const theirs = await browser.newContext({ baseURL: BASE, viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/Budapest' });
  const phone = await theirs.newPage();
  await phone.goto(url);
  await phone.getByLabel('New password', { exact: true }).fill(person.password);
  await phone.getByLabel('New password again').fill(person.password);
  await phone.getByRole('button', { name: 'Set password' }).click();
  await expect(phone).toHaveURL(/\/sign-in\?note=password-set$/);
  await phone.getByLabel('Email').fill(person.email);
  await phone.getByLabel('Password', { exact: true }).fill(person.password);
  await phone.getByRole('button', { name: 'Sign in' }).click();
  await expect(phone).toHaveURL(`${BASE}/`);
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  // Staff: Settings has their own account only, and People is refused by name.
  await phone.goto('/settings/people');
  await expect(phone.getByText('Only administrators can open People.')).toBeVisible();
  await expect(phone.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'People' })).toHaveCount(0);
  await phone.goto('/');
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();

  // The admin removes them, after a confirmation that names them.
  await page.reload();
  await page.getByRole('button', { name: `Remove ${person.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove ${person.name}?` });
  await expect(dialog).toContainText(`${person.email} can no longer sign in`);
  await page.screenshot({ path: testInfo.outputPath('people-remove-390.png') });
  await expectNoAxeViolations(page, testInfo, 'people, removing someone');
  await dialog.getByRole('button', { name: `Remove ${person.name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${person.name} was removed and signed out everywhere.` })).toBeVisible();
  await expect(page.getByRole('combobox', { name: `Role of ${person.name}` })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('people-list-390.png'), fullPage: true });
  await expectTouchTargets(page, 'people on a phone');

  // Their dashboard's next poll is refused: it sends them to sign-in.
  await expect(phone).toHaveURL(/\/sign-in/);
  await expect(phone.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await theirs.close();
});
