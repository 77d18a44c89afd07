import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, LEISURE_SPACES, makeConfig, makeOccupancy, makeSpacesOccupancy } from '@/client/test/fixtures';
import { fakeBff, pending, renderApp, unreachable } from '@/client/test/render-app';
import { createQueryClient } from '@/client/lib/query-client';
import { DashboardPage, type TodaySlotProps } from './dashboard-page';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const live = () => json(makeOccupancy());
const config =
  (overrides = {}) =>
  () =>
    json(makeConfig(overrides));

async function findMainGauge() {
  return screen.findByRole('img', { name: /^Main entrance: 14 people inside of 40, 35\s?%, space available$/ });
}

describe('dashboard states', () => {
  it('shows skeletons, not a blank page, until the first numbers arrive', async () => {
    const bff = fakeBff({ '/api/config': config(), '/api/occupancy': pending });
    renderApp();

    const main = screen.getByRole('main');
    expect(main).toHaveAttribute('aria-busy', 'true');
    expect(within(main).getByText('Loading the live numbers…')).toBeInTheDocument();
    // Config arrives: the site name replaces its skeleton; the numbers are still loading.
    expect(await screen.findByRole('heading', { level: 1, name: 'Riverside Library' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Doors/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(bff.calls).toContain('/api/occupancy');
  });

  it('shows the live numbers: site total, today, and a gauge per device', async () => {
    fakeBff({ '/api/config': config(), '/api/occupancy': live });
    renderApp();

    await findMainGauge();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
    const total = screen.getByRole('region', { name: 'Inside now · whole site' });
    expect(within(total).getByText(/^37 people inside of 120, 30\s?%, space available\.$/)).toBeInTheDocument();
    expect(within(total).getByText('1,204')).toBeInTheDocument();
    expect(within(total).getByText('1,167')).toBeInTheDocument();
    expect(within(total).getByText(/^Counted since /)).toBeInTheDocument();
    expect(within(total).getByText('Live')).toBeInTheDocument();
    expect(within(total).getByText('2 s ago')).toBeInTheDocument();

    expect(screen.getByRole('img', { name: /^Side entrance: 35 people inside of 40, 87\s?%, nearly full$/ })).toBeInTheDocument();
    const garden = screen.getByRole('article', { name: 'Garden door' });
    expect(within(garden).getByText(/more people left than entered by this door today/i)).toHaveTextContent('-12');
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
    expect(document.title).toBe('Riverside Library · Occupancy Live');
  });

  it('keeps the numbers, dims them and explains when the BFF serves a stale answer', async () => {
    fakeBff({
      '/api/config': config(),
      '/api/occupancy': () =>
        json(
          makeOccupancy({
            stale: true,
            ageSeconds: 125,
            staleReason: { code: 'upstream_unavailable', message: 'WELLPOINT answered 503' },
          }),
        ),
    });
    renderApp();

    expect(await screen.findByRole('heading', { name: 'The WELLPOINT cloud is not answering. Showing the numbers from 2 min ago' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Main entrance: 14 people inside of 40, 35\s?%, space available, not live$/ })).toBeInTheDocument();
    const total = screen.getByRole('region', { name: 'Inside now · whole site' });
    expect(within(total).getByText('Not live')).toBeInTheDocument();
    expect(within(total).queryByText('Live')).not.toBeInTheDocument();
    expect(within(total).getByText('2 min ago')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Main entrance' })).toHaveAttribute('data-stale', 'true');
  });

  it('explains a rejected WELLPOINT key without leaking anything', async () => {
    fakeBff({
      '/api/config': config({ demo: true, authBackoffSeconds: 90 }),
      '/api/occupancy': () => json(apiError('upstream_auth', 'WELLPOINT rejected the access key'), 502),
    });
    renderApp();

    expect(await screen.findByRole('heading', { name: "The server's WELLPOINT access key is not accepted." })).toBeInTheDocument();
    expect(screen.getByText('Ask your administrator to check WELLPOINT_ACCESS_KEY.')).toBeInTheDocument();
    expect(screen.getByText('Live count unavailable')).toBeInTheDocument();
    expect(screen.getByText('Demo data')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    // The page polls every 100 ms, but the server asks the vendor again only after its back-off.
    const panel = screen.getByRole('region', { name: "The server's WELLPOINT access key is not accepted." });
    expect(panel).toHaveTextContent('The server tries again in about 1 min.');
    expect(panel).not.toHaveTextContent(/every/);
  });

  it('says the server’s back-off in the stale banner when the key is rejected after numbers arrived', async () => {
    fakeBff({
      '/api/config': config({ authBackoffSeconds: 45 }),
      '/api/occupancy': () =>
        json(makeOccupancy({ stale: true, ageSeconds: 70, staleReason: { code: 'upstream_auth', message: 'WELLPOINT rejected the access key' } })),
    });
    renderApp();

    const heading = await screen.findByRole('heading', { name: /^The server's WELLPOINT access key is not accepted\. Showing the numbers from/ });
    const banner = heading.closest('section');
    expect(banner).toHaveTextContent('The server tries again in about 45 s.');
    expect(banner).not.toHaveTextContent(/Trying again every/);
  });

  it('says the WELLPOINT cloud is down when there are no numbers at all, and retries on request', async () => {
    const bff = fakeBff({
      '/api/config': config({ pollIntervalMs: 60_000 }),
      '/api/occupancy': () => json(apiError('upstream_unavailable', 'WELLPOINT answered 503'), 503),
    });
    renderApp();

    expect(await screen.findByRole('heading', { name: 'The WELLPOINT cloud is not answering.' })).toBeInTheDocument();
    expect(screen.getByText(/tries again every 1 min/)).toBeInTheDocument();
    const before = bff.calls.filter((p) => p === '/api/occupancy').length;
    bff.set('/api/occupancy', live);
    await userEvent.click(screen.getByRole('button', { name: 'Try now' }));
    await findMainGauge();
    expect(bff.calls.filter((p) => p === '/api/occupancy').length).toBe(before + 1);
  });

  it('explains that only PRO devices are available when the account has none', async () => {
    fakeBff({
      '/api/config': config({ devices: [], siteCapacity: null }),
      '/api/occupancy': () => json(makeOccupancy({ devices: [], notice: 'no_pro_devices', total: { in: 0, out: 0, occupancy: 0, capacity: null } })),
    });
    renderApp();

    const heading = await screen.findByRole('heading', { name: 'No PRO devices on this account' });
    const panel = heading.closest('section');
    expect(panel).toHaveTextContent(/only reports people counters on the PRO plan/);
    expect(screen.queryByRole('region', { name: 'Inside now · whole site' })).not.toBeInTheDocument();
  });

  it('says the server is unreachable when nothing ever arrived', async () => {
    fakeBff({ '/api/config': unreachable, '/api/occupancy': unreachable });
    renderApp();

    expect(await screen.findByRole('heading', { name: 'This screen cannot reach the Occupancy Live server.' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Occupancy Live' })).toBeInTheDocument();
  });

  it('keeps the last numbers, marked stale, when the BFF becomes unreachable, and recovers without a reload', async () => {
    const bff = fakeBff({ '/api/config': config(), '/api/occupancy': live });
    renderApp();
    await findMainGauge();

    bff.set('/api/occupancy', unreachable);
    const banner = await screen.findByRole('heading', { name: /^This screen cannot reach the Occupancy Live server\. Showing the numbers from/ });
    expect(banner).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Main entrance: 14 people inside of 40, 35\s?%, space available, not live$/ })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Inside now · whole site' })).getByText('Not live')).toBeInTheDocument();

    bff.set('/api/occupancy', () =>
      json(
        makeOccupancy({
          total: { in: 1210, out: 1168, occupancy: 42 },
          devices: [{ id: 91, name: 'Main entrance', in: 418, out: 398, raw: 20, occupancy: 20, corrected: 20, capacity: 40 }],
        }),
      ),
    );
    expect(await screen.findByRole('img', { name: /^Main entrance: 20 people inside of 40, 50\s?%, space available$/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /cannot reach/ })).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Inside now · whole site' })).getByText('Live')).toBeInTheDocument();
  });

  it('recovers from an error screen to live numbers by itself, at the next poll', async () => {
    const bff = fakeBff({
      '/api/config': config(),
      '/api/occupancy': () => json(apiError('upstream_timeout', 'WELLPOINT took longer than 10 s'), 504),
    });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'The WELLPOINT cloud is answering too slowly.' })).toBeInTheDocument();

    bff.set('/api/occupancy', live);
    await findMainGauge();
    expect(screen.queryByText('Live count unavailable')).not.toBeInTheDocument();
  });

  it('labels demo data on the live screen', async () => {
    fakeBff({ '/api/config': config({ demo: true }), '/api/occupancy': live });
    renderApp();
    await findMainGauge();
    expect(screen.getByText('Demo data')).toBeInTheDocument();
  });

  it('measures the age from the moment of receipt, whatever the client clock says', async () => {
    // Only the clock is fake, and it stands still unless moved: a slow machine cannot age the
    // answer by itself between two checks. Timers are real, so the once-a-second tick re-renders.
    const clientNow = new Date('2001-01-01T00:00:00Z').getTime();
    vi.useFakeTimers({ toFake: ['Date'], now: clientNow });
    fakeBff({ '/api/config': config({ pollIntervalMs: 600_000 }), '/api/occupancy': () => json(makeOccupancy({ ageSeconds: 8 })) });
    renderApp();
    const total = await screen.findByRole('region', { name: 'Inside now · whole site' });
    expect(within(total).getByText('8 s ago')).toBeInTheDocument();
    vi.setSystemTime(clientNow + 3_000);
    await waitFor(() => expect(within(total).getByText('11 s ago')).toBeInTheDocument(), { timeout: 5_000 });
  });
});

describe('the Today slot', () => {
  function renderPage(today?: (props: TodaySlotProps) => ReactNode) {
    fakeBff({ '/api/occupancy': live });
    const queryClient = createQueryClient();
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
    return render(
      <QueryClientProvider client={queryClient}>
        <DashboardPage config={makeConfig()} configPending={false} today={today} />
      </QueryClientProvider>,
    );
  }

  it('shows what the app puts in the slot, given the live answer, the config and the zone', async () => {
    const today = vi.fn((props: TodaySlotProps) => (
      <p>
        Curve for {props.occupancy.total.occupancy} in {props.timeZone}
      </p>
    ));
    renderPage(today);
    expect(await screen.findByText('Curve for 37 in Europe/Budapest')).toBeInTheDocument();
    expect(today.mock.lastCall?.[0].config?.siteName).toBe('Riverside Library');
  });

  it('works without it: the numbers and the doors, no curve', async () => {
    renderPage();
    await findMainGauge();
    expect(screen.queryByText(/Curve for/)).not.toBeInTheDocument();
  });
});

describe('the dashboard with configured spaces', () => {
  const spaced =
    (data = makeSpacesOccupancy()) =>
    () =>
      json(data);

  it('makes the site the hero, in the root space’s own state and threshold', async () => {
    const [site, ...rest] = LEISURE_SPACES;
    fakeBff({ '/api/config': config(), '/api/occupancy': spaced(makeSpacesOccupancy([{ ...site!, nearlyFull: 0.3 }, ...rest])) });
    renderApp();
    const total = await screen.findByRole('region', { name: 'Inside now · whole site' });
    expect(within(total).getByText(/^140 people inside of 400, 35\s?%, nearly full\.$/)).toBeInTheDocument();
    expect(within(total).getByText('Nearly full')).toBeInTheDocument();
    expect(total.querySelector('[data-threshold]')).toHaveAttribute('data-threshold', '0.3');
  });

  it('shows no number for the site when none of its doors is in the answer: no live count, not 0 people inside', async () => {
    const [site, ...rest] = LEISURE_SPACES;
    fakeBff({ '/api/config': config(), '/api/occupancy': spaced(makeSpacesOccupancy([{ ...site!, doors: [{ device: 999, side: 'in' }] }, ...rest])) });
    renderApp();
    const total = await screen.findByRole('region', { name: 'Inside now · whole site' });
    expect(within(total).getByText('No live count: none of the site’s doors is in the counters’ answer.')).toBeInTheDocument();
    expect(within(total).getByText('Live count unavailable')).toBeInTheDocument();
    expect(within(total).queryByText(/people inside of/)).not.toBeInTheDocument();
    expect(within(total).getByText('–')).toBeInTheDocument();
  });

  it('shows the spaces as gauges and the doors as traffic: IN, OUT and a signed balance, never people inside', async () => {
    fakeBff({ '/api/config': config(), '/api/occupancy': spaced() });
    renderApp();
    expect(await screen.findByRole('img', { name: /^Pool hall: 53 people inside of 150, 35\s?%, space available$/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Spaces (6)' })).toBeInTheDocument();

    const traffic = screen.getByRole('region', { name: 'Door traffic today (8)' });
    const table = within(traffic).getByRole('table', { name: /^Door traffic since/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Door', 'IN', 'OUT', 'Balance']);
    const row = (name: RegExp) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect([...row(/^Library door/).querySelectorAll('td')].map((td) => td.textContent)).toEqual(['150', '200', '-50']);
    expect([...row(/^Gym street door/).querySelectorAll('td')].map((td) => td.textContent)).toEqual(['90', '70', '+20']);
    expect(row(/^Gym street door/)).toHaveTextContent('Door of Riverside Leisure Centre, Gym');
    expect(traffic).not.toHaveTextContent(/inside/i);
    // The doors are not gauges any more.
    expect(screen.queryByRole('article', { name: 'Library door' })).not.toBeInTheDocument();
  });

  it('says door health in words, calmly, with how it is judged', async () => {
    fakeBff({ '/api/config': config(), '/api/occupancy': spaced() });
    renderApp();
    const health = await screen.findByRole('region', { name: 'Door health' });
    const findings = within(within(health).getAllByRole('list')[0]!)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(findings).toEqual([
      expect.stringMatching(/^Pool entrance\. Counted 120 coming in and nobody going out since \S.* — this counter may be missing people\.$/),
      'Library. More people left the Library than entered it today (50 more): one of its door counters may be missing people.',
    ]);
    expect(within(screen.getByRole('rowheader', { name: /^Pool entrance/ })).getByText('Counts one way only')).toBeInTheDocument();
    // Calm: the notice tone, never the "full" colours.
    expect(health.innerHTML).not.toMatch(/full-/);
    const how = within(health).getByText('How we judge this');
    await userEvent.click(how);
    expect(within(health).getByText(/at least 30 people one way and nobody the other way since/)).toBeVisible();
  });

  it('warns on screen about a configured device the account does not have', async () => {
    fakeBff({ '/api/config': config(), '/api/occupancy': spaced() });
    renderApp();
    const warning = await screen.findByRole('region', { name: 'A door of the site configuration is missing' });
    expect(warning).toHaveTextContent('The site configuration names device 999, which this account does not have; its door counts nothing.');
    expect(within(screen.getByRole('article', { name: 'Office' })).getByText('Live count unavailable')).toBeInTheDocument();
  });

  it('keeps stale spaces and door traffic dimmed, with their age', async () => {
    fakeBff({
      '/api/config': config(),
      '/api/occupancy': spaced(makeSpacesOccupancy(undefined, { stale: true, ageSeconds: 125, staleReason: { code: 'upstream_unavailable', message: 'x' } })),
    });
    renderApp();
    expect(await screen.findByRole('img', { name: /^Pool hall: 53 people inside of 150, 35\s?%, space available, not live$/ })).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Sauna' })).getByText('2 min')).toBeInTheDocument();
    const traffic = screen.getByRole('region', { name: 'Door traffic today (8)' });
    expect(traffic).toHaveAttribute('data-stale', 'true');
    expect(within(traffic).getByText('150')).toHaveClass('text-muted');
  });
});

describe('the dashboard without configured spaces', () => {
  it('keeps today’s screen: the doors’ own spaces as gauges, no traffic table, no warning', async () => {
    fakeBff({ '/api/config': config(), '/api/occupancy': live });
    renderApp();
    await findMainGauge();
    expect(screen.getByRole('heading', { level: 2, name: 'Doors (3)' })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(screen.queryByRole('region', { name: /Door traffic/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /configuration is missing/ })).not.toBeInTheDocument();
    // Nothing suspect in the fixture: no door health section either.
    expect(screen.queryByRole('region', { name: 'Door health' })).not.toBeInTheDocument();
  });

  it('lists a one-way door under door health, and the site when more left it than entered', async () => {
    fakeBff({
      '/api/config': config(),
      '/api/occupancy': () =>
        json(makeOccupancy({ devices: [{ id: 91, name: 'North door', in: 0, out: 84, raw: -84, occupancy: 0, corrected: 0, capacity: null }] })),
    });
    renderApp();
    const health = await screen.findByRole('region', { name: 'Door health' });
    const [finding, ...others] = within(within(health).getAllByRole('list')[0]!).getAllByRole('listitem');
    expect(finding).toHaveTextContent(/^North door\. Counted 84 going out and nobody coming in since \S.* — this counter may be missing people\.$/);
    // The door's own space is the door itself: its card notes it, the list does not repeat it.
    expect(others.map((li) => li.textContent)).toEqual([
      'Riverside Library. More people left the site than entered it today (84 more): one of its door counters may be missing people.',
    ]);
  });
});
