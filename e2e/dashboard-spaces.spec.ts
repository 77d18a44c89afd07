// The dashboard of the demo building's spaces at the three viewports (desktop, phone, wall): the
// site first, every space under its parent (folding away on a phone), each door as traffic with
// door health in words, and a warning for a configured device the account lacks. Numbers are the
// simulator's for the same moment; each state is scanned with axe and screenshotted in light and dark.
import { expect, type Page, test } from '@playwright/test';
import {
  checkStateInBothSchemes,
  count,
  expectedScreen,
  expectedSite,
  type ExpectedSpace,
  expectNoHorizontalScroll,
  expectScreen,
  expectTouchTargets,
  freezeAt,
  gaugeList,
  gaugeOrder,
  MIN_TOUCH_TARGET_PX,
  siteTotal,
  unfoldSpaces,
} from './support/dashboard';
import { SimControl, type VendorDevice, vendorOccupancy } from './support/simulator';
import { withoutEmbeddedAnswers } from './support/boot';

// A Thursday, 17:30 in Budapest: the after-work rush, rooms filling up.
const EVENING = new Date('2026-11-19T16:30:00Z');

/**
 * Door health as the page must word it, judged here from the vendor's counts (the rule of the
 * README). A one-way door also needs the server to have watched it for two hours, which a frozen
 * clock never gives: the moment chosen must have none, and the spaces' drift is judged here.
 */
function expectedFindings(vendor: readonly VendorDevice[], site: ReturnType<typeof expectedSite>): RegExp[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const oneWay = vendor.filter((d) => (d.OUT === 0 && d.IN >= 30) || (d.IN === 0 && d.OUT >= 30)).map((d) => site.traffic.get(d.device_id));
  expect(oneWay, 'doors counting one way only at the chosen moment (choose another)').toEqual([]);
  const drifting: RegExp[] = [];
  const visit = (nodes: readonly ExpectedSpace[], root: boolean) => {
    for (const n of nodes) {
      if (n.drift !== null) {
        const where = root ? 'the site' : /^the\s/i.test(n.label) || /\d$/.test(n.label) ? n.label : `the ${n.label}`;
        drifting.push(new RegExp(`^${escape(n.label)}\\. More people left ${escape(where)} than entered it today \\(${escape(count(n.drift))} more\\)`));
      }
      if (!root) visit(n.children, false);
    }
  };
  visit([site.root], true);
  visit(site.tree, false);
  return drifting;
}

const foldButton = (page: Page, space: ExpectedSpace) => gaugeList(page).getByRole('button', { name: new RegExp(`^Inside ${space.label} ·`) });

test.describe('the dashboard of the demo building’s spaces', () => {
  let sim: SimControl;

  test.beforeEach(async ({ request }) => {
    sim = new SimControl(request);
    await sim.reset();
  });

  test.afterEach(async ({ page }) => {
    await page.close();
    await sim.reset();
  });

  test('the site first, every space under its parent, doors as traffic with their health', async ({ page, request }, testInfo) => {
    await freezeAt(sim, request, EVENING);
    const vendor = await vendorOccupancy(EVENING);
    const site = expectedSite(vendor);
    expect(site.configured, 'the demo building has spaces').toBe(true);
    const parents = gaugeOrder(site.tree).filter((n) => n.children.length > 0);
    expect(parents.length, 'the demo has spaces inside spaces').toBeGreaterThan(0);
    const states = new Set(gaugeOrder(site.tree).map((n) => n.gauge.gauge?.split(', ').at(-1)));
    testInfo.annotations.push({ type: 'states', description: [...states].join(' / ') });

    await page.goto('/');
    await expect(siteTotal(page)).toBeVisible();
    const phone = testInfo.project.name === 'phone';
    const topParents = site.tree.filter((n) => n.children.length > 0);
    if (phone) {
      // Folded: a thumb-sized button per parent says what it hides; the children are out of sight.
      for (const parent of topParents) {
        const fold = foldButton(page, parent);
        await expect(fold).toHaveAttribute('aria-expanded', 'false');
        const box = await fold.boundingBox();
        expect(Math.round(box?.height ?? 0), `the fold button of ${parent.label}`).toBeGreaterThanOrEqual(MIN_TOUCH_TARGET_PX);
        await expect(gaugeList(page).getByRole('article', { name: parent.children[0]!.label, exact: true })).toBeHidden();
      }
      await checkStateInBothSchemes(page, testInfo, 'spaces-folded');
      const first = topParents[0]!;
      await foldButton(page, first).click();
      await expect(foldButton(page, first)).toHaveAttribute('aria-expanded', 'true');
      await expect(gaugeList(page).getByRole('article', { name: first.children[0]!.label, exact: true })).toBeVisible();
      await foldButton(page, first).click();
      await expect(gaugeList(page).getByRole('article', { name: first.children[0]!.label, exact: true })).toBeHidden();
    } else {
      await expect(gaugeList(page).locator('button[aria-expanded]'), 'a wide screen shows every space: nothing folds').toHaveCount(0);
    }

    await unfoldSpaces(page);
    await expectScreen(page, expectedScreen(vendor, EVENING), 'the numbers of 17:30 in Budapest');
    // Each parent's children (and theirs) in the list inside it.
    for (const parent of parents) {
      await expect(page.getByRole('list', { name: `Inside ${parent.label}`, exact: true }).getByRole('heading', { level: 3 })).toHaveText(
        gaugeOrder(parent.children).map((n) => n.label),
      );
    }

    // Doors are traffic: IN, OUT, a signed balance; never people inside.
    const traffic = page.getByRole('region', { name: /^Door traffic today/ });
    await expect(traffic.getByRole('columnheader')).toHaveText(['Door', 'IN', 'OUT', 'Balance']);
    await expect(traffic).not.toContainText(/inside/i);
    const health = traffic.getByRole('region', { name: 'Door health' });
    const findings = expectedFindings(vendor, site);
    testInfo.annotations.push({ type: 'door health', description: `${findings.length} findings` });
    if (findings.length > 0) await expect(health.getByRole('list').first().getByRole('listitem')).toHaveText(findings);
    else await expect(health).toContainText('Every door’s counts look plausible today.');
    await health.getByText('How we judge this').click();
    await expect(health.getByText(/at least 30 people one way and nobody the other way/)).toBeVisible();

    // The site comes first, above the spaces.
    const totalBox = await siteTotal(page).boundingBox();
    const gaugesBox = await gaugeList(page).boundingBox();
    expect(totalBox && gaugesBox && totalBox.y + totalBox.height <= gaugesBox.y, 'the site total sits above the spaces').toBe(true);

    await checkStateInBothSchemes(page, testInfo, 'spaces');
    await expectNoHorizontalScroll(page, 'spaces');
    await expectTouchTargets(page, 'spaces');
  });

  test('a configured device the account lacks, a one-way door, a room that does not balance: each said in words', async ({ page, request }, testInfo) => {
    await freezeAt(sim, request, EVENING);
    // The demo building counts cleanly, so its answer is given the problems the server reports
    // (the arithmetic behind them is the server's, tested there): a device it lacks, a door that
    // counted one way only, and a space whose doors counted more leaving than entering.
    // Shaped in the network: the page must ask the network for it.
    await withoutEmbeddedAnswers(page);
    await page.route('**/api/occupancy', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { devices: { name: string }[]; spaces: { name: string; parent: string | null }[] };
      const [door, ...doors] = body.devices;
      const room = body.spaces.find((s) => s.parent !== null);
      await route.fulfill({
        response,
        json: {
          ...body,
          unknownDevices: [999],
          devices: [{ ...door, health: { kind: 'one_way', direction: 'out', count: 84 } }, ...doors],
          spaces: body.spaces.map((s) => (s === room ? { ...s, drift: 42 } : s)),
        },
      });
      testInfo.annotations.push({ type: 'given', description: `one-way: ${door?.name}; drift: ${room?.name}` });
    });
    await page.goto('/');
    const warning = page.getByRole('region', { name: 'A door of the site configuration is missing' });
    await expect(warning).toContainText('The site configuration names device 999, which this account does not have; its door counts nothing.');
    const totalBox = await siteTotal(page).boundingBox();
    const warningBox = await warning.boundingBox();
    expect(totalBox && warningBox && totalBox.y < warningBox.y, 'the site total still comes first').toBe(true);

    // Door health in words, on screen without hovering.
    const health = page.getByRole('region', { name: 'Door health' });
    const findings = health.getByRole('list').first().getByRole('listitem');
    await expect(findings).toHaveCount(2);
    await expect(findings.nth(0)).toHaveText(/\. Counted 84 going out and nobody coming in since \S+ — this counter may be missing people\.$/);
    await expect(findings.nth(1)).toHaveText(/\. More people left the .+ than entered it today \(42 more\): one of its door counters may be missing people\.$/);
    await expect(findings.nth(0)).toBeVisible();
    await expect(page.getByRole('rowheader').filter({ hasText: 'Counts one way only' })).toHaveCount(1);
    await checkStateInBothSchemes(page, testInfo, 'door-problems', { screenshot: testInfo.project.name !== 'wall' });
    await expectNoHorizontalScroll(page, 'door problems');
  });
});
