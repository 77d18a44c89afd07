// A screen's first load as the built SPA and the BFF serve it (decision 027): the page preloads
// its screen's chunk and no other screen's, the browser fetches only that screen's code, the
// first numbers come with the page, and nothing on the way is refused by
// the page's CSP or said as an error in the console.
import { expect, type Page, test } from '@playwright/test';
import { embeddedOccupancy } from './support/boot';
import { siteTotal } from './support/dashboard';

const SCREENS = [
  { path: '/', own: 'dashboard', other: 'kiosk', numbers: (page: Page) => siteTotal(page).getByText('Live', { exact: true }) },
  { path: '/kiosk', own: 'kiosk', other: 'dashboard', numbers: (page: Page) => page.getByRole('article').first() },
] as const;

/** CSP violations (Chromium's issues), console errors and uncaught exceptions, as they happen. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code === 'ContentSecurityPolicyIssue') problems.push(`CSP: ${JSON.stringify(issue.details.contentSecurityPolicyIssueDetails)}`);
  });
  await cdp.send('Audits.enable');
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  return problems;
}

for (const { path, own, other, numbers } of SCREENS) {
  test(`${path}: its own code only, its first numbers from the page, and nothing the CSP refuses`, async ({ page }) => {
    const problems = await watchProblems(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });

    const html = await (await page.request.get(path)).text();
    expect(html).toMatch(new RegExp(`<link rel="modulepreload" crossorigin href="/assets/${own}-[\\w-]+\\.js">`));
    expect(html).not.toMatch(new RegExp(`/assets/${other}-[\\w-]+\\.js`));

    await page.goto(path);
    await expect(numbers(page)).toBeVisible();
    expect(await embeddedOccupancy(page)).toBe(true);
    expect(scripts.filter((s) => s.startsWith(`/assets/${own}-`))).toHaveLength(1);
    expect(scripts.filter((s) => s.startsWith(`/assets/${other}-`))).toEqual([]);
    expect(problems).toEqual([]);
  });
}
