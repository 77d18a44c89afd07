// A fresh start in demo mode: the page shows the demo account's PRO devices with live numbers,
// says that they are demo data, and the numbers move as the simulator's clock moves.
import { expect, test } from '@playwright/test';
import { DEMO_SITE } from '@/server/demo-site';
import { SimControl, vendorOccupancy } from './support/simulator';

const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);

test.describe('demo mode on the embedded simulator', () => {
  let sim: SimControl;

  test.beforeEach(async ({ request }) => {
    sim = new SimControl(request);
    await sim.reset();
  });

  test.afterEach(async () => {
    await sim.reset();
  });

  test('shows the demo PRO devices, labelled as demo data, and live numbers that follow the clock', async ({ page }) => {
    const morning = new Date('2026-11-26T09:30:00Z'); // 10:30 in Budapest, a Thursday
    await sim.setClock(morning);
    const first = await vendorOccupancy(morning);
    expect(first).toHaveLength(12);

    await page.goto('/');
    await expect(page.getByText('Demo data', { exact: true })).toBeVisible();

    const total = page.getByRole('region', { name: 'Inside now · whole site' });
    const inToday = total.locator('dt', { hasText: 'In today' }).locator('xpath=following-sibling::dd[1]');
    // The site's IN: the people who entered through its own doors (the rooms' inner doors do not count).
    const siteDoors = DEMO_SITE.spaces?.find((s) => s.parent === undefined)?.doors ?? [];
    const sumIn = (devices: typeof first) =>
      siteDoors.reduce((n, door) => {
        const d = devices.find((v) => v.device_id === door.device);
        return n + (d ? (door.side === 'in' ? d.IN : d.OUT) : 0);
      }, 0);
    expect(siteDoors.length, 'the demo building has its own doors').toBeGreaterThan(0);
    await expect(inToday).toHaveText(count(sumIn(first)));

    // Every PRO device of the demo account is on the page as a door's traffic, and nothing else.
    const doors = page.getByRole('table', { name: /^Door traffic since/ }).locator('tbody tr');
    await expect(doors).toHaveCount(12);

    // Twenty minutes later on the simulator's clock: the next poll brings the new counts.
    const later = new Date(morning.getTime() + 20 * 60_000);
    await sim.setClock(later);
    const second = await vendorOccupancy(later);
    expect(sumIn(second)).toBeGreaterThan(sumIn(first));
    await expect(inToday).toHaveText(count(sumIn(second)));
  });
});
