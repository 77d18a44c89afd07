import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { json, makeAdminSettings, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import type { AdminSettings } from '@/shared/admin-settings-schema';
import { AuditSection } from './audit-section';
import { SiteSection } from './site-section';
import { devicesToChoose, SpacesSection } from './spaces-section';
import { draftFromValue } from './spaces-draft';

const SETTINGS = makeAdminSettings({
  spaces: {
    devices: [{ id: 91, label: 'Main entrance' }],
    spaces: [
      { id: 'site', name: 'Riverside', capacity: 120, doors: [{ device: 91, side: 'in' }] },
      { id: 'cafe', name: 'Cafe', parent: 'site', capacity: 40, doors: [{ device: 93, side: 'in' }] },
    ],
  },
});

interface Call {
  method: string;
  path: string;
  body: unknown;
}

function stubApi(routes: Record<string, (call: Call) => Response>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const call = {
        method: init?.method ?? 'GET',
        path: url.pathname + url.search,
        body: init?.body === undefined ? undefined : (JSON.parse(init.body as string) as unknown),
      };
      calls.push(call);
      const route = routes[`${call.method} ${url.pathname}`];
      return Promise.resolve(route ? route(call) : json({ error: { code: 'not_found', message: 'no' } }, 404));
    }),
  );
  return calls;
}

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchInterval: false } } });
  return render(<QueryClientProvider client={client}>{children}</QueryClientProvider>);
}

const baseRoutes = (settings: AdminSettings = SETTINGS) => ({
  'GET /api/admin/settings': () => json(settings),
  'GET /api/occupancy': () => json(makeOccupancy()),
  'GET /api/config': () => json(makeConfig()),
});

describe('Settings ▸ Spaces and doors', () => {
  it('renames a space and changes its capacity: the summary says so, and Save sends the whole tree', async () => {
    const calls = stubApi({ ...baseRoutes(), 'PUT /api/admin/settings/spaces': () => json(SETTINGS) });
    wrap(<SpacesSection />);
    const user = userEvent.setup();
    const cafe = await screen.findByRole('region', { name: 'Cafe' });
    expect(screen.getByRole('button', { name: 'Save spaces' })).toBeDisabled();
    const name = within(cafe).getByLabelText('Space name');
    await user.clear(name);
    await user.type(name, 'Café');
    const capacity = within(screen.getByRole('region', { name: 'Café' })).getByLabelText('Capacity (people)');
    await user.clear(capacity);
    await user.type(capacity, '45');
    expect(screen.getByText('Space “Cafe” renamed “Café”')).toBeInTheDocument();
    expect(screen.getByText('Space “Café” capacity 40 → 45')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save spaces' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/admin/settings/spaces');
    expect(put.body).toEqual({
      devices: [{ id: 91, label: 'Main entrance' }],
      spaces: [SETTINGS.values.spaces.spaces![0], { ...SETTINGS.values.spaces.spaces![1], name: 'Café', capacity: 45 }],
    });
    expect(await screen.findByText(/Saved\. Every screen shows the new spaces/)).toBeInTheDocument();
  });

  it('shows the server’s refusal at the field it names', async () => {
    stubApi({
      ...baseRoutes(),
      'PUT /api/admin/settings/spaces': () =>
        json({ error: { code: 'bad_request', message: 'spaces.1.doors.0.device is not served', field: 'spaces.1.doors.0.device' } }, 400),
    });
    wrap(<SpacesSection />);
    const user = userEvent.setup();
    const cafe = await screen.findByRole('region', { name: 'Cafe' });
    await user.selectOptions(within(cafe).getByLabelText('Door 1 side'), 'out');
    await user.click(screen.getByRole('button', { name: 'Save spaces' }));
    const device = within(cafe).getByLabelText('Door 1 device');
    await waitFor(() => expect(device).toHaveAttribute('aria-invalid', 'true'));
    expect(device).toHaveAccessibleDescription(/spaces\.1\.doors\.0\.device is not served/);
  });

  it('checks with the server’s rules before sending: a door without a device is named, nothing is sent', async () => {
    const calls = stubApi(baseRoutes());
    wrap(<SpacesSection />);
    const user = userEvent.setup();
    const cafe = await screen.findByRole('region', { name: 'Cafe' });
    await user.click(within(cafe).getByRole('button', { name: 'Add a door' }));
    await user.click(screen.getByRole('button', { name: 'Save spaces' }));
    expect(within(cafe).getByLabelText('Door 2 device')).toHaveAccessibleDescription('Choose the door’s device.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('adds a space inside another and focuses its name', async () => {
    stubApi(baseRoutes());
    wrap(<SpacesSection />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a space inside Cafe' }));
    const added = screen.getByRole('region', { name: 'New space' });
    expect(within(added).getByLabelText('Space name')).toHaveFocus();
    expect(within(added).getByLabelText('Inside')).toHaveDisplayValue('Cafe');
    expect(screen.getByText('Space “New space” added inside “Cafe”')).toBeInTheDocument();
  });

  it('provisioned spaces are shown read-only with the note', async () => {
    stubApi(baseRoutes({ ...SETTINGS, locked: { spaces: 'file' } }));
    wrap(<SpacesSection />);
    const cafe = await screen.findByRole('region', { name: 'Cafe' });
    expect(within(cafe).getByLabelText('Space name')).toBeDisabled();
    expect(screen.getByText(/Set by SITE_CONFIG_FILE on the server\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save spaces' })).toBeNull();
  });
});

describe('the doors to choose from', () => {
  it('the account’s devices by their names, and a door’s device the account lacks, marked so', () => {
    const draft = draftFromValue(SETTINGS.values.spaces);
    expect(devicesToChoose([{ id: 91, name: 'Vendor name', capacity: null }], draft).map((c) => c.label)).toEqual([
      'Main entrance (91)',
      'Device 93 (not in this account)',
    ]);
    // Without live counts nobody knows which devices the account has: nothing is marked.
    expect(devicesToChoose([], draft).map((c) => c.label)).toEqual(['Main entrance (91)', 'Device 93']);
  });
});

describe('Settings ▸ Site', () => {
  it('sends the fields that are not locked; a locked one is read-only with its note', async () => {
    const calls = stubApi({
      ...baseRoutes({ ...SETTINGS, locked: { timezone: 'env' } }),
      'PUT /api/admin/settings/site': () => json({ ...SETTINGS, values: { ...SETTINGS.values, siteName: 'Hall' } }),
    });
    wrap(<SiteSection />);
    const user = userEvent.setup();
    const name = await screen.findByLabelText('Site name');
    expect(screen.getByLabelText('Time zone')).toBeDisabled();
    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(/Set by an environment variable on the server\./);
    await user.clear(name);
    await user.type(name, 'Hall');
    await user.selectOptions(screen.getByLabelText('Language'), 'de');
    expect(screen.getByText('Site name “Riverside” → “Hall”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ siteName: 'Hall', dayStart: '00:00', locale: 'de' }));
    expect(await screen.findByText(/^Saved\./)).toBeInTheDocument();
  });

  it('a 409 from the server shows at the field', async () => {
    stubApi({
      ...baseRoutes(),
      'PUT /api/admin/settings/site': () =>
        json({ error: { code: 'locked', message: 'siteName is set by SITE_CONFIG_FILE on the server and cannot be changed here.', field: 'siteName' } }, 409),
    });
    wrap(<SiteSection />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Site name'), ' Centre');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Site name')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Site name')).toHaveAccessibleDescription(/cannot be changed here/);
  });
});

describe('Settings ▸ Audit log', () => {
  it('lists entries in words in the site’s zone, and pages back', async () => {
    const calls = stubApi({
      ...baseRoutes(),
      'GET /api/admin/audit': (call) =>
        call.path.includes('before=')
          ? json({
              entries: [
                {
                  id: 1,
                  at: '2026-11-25T08:00:00Z',
                  actor: 'ada@example.org',
                  action: 'settings.site',
                  target: null,
                  detail: { changes: ['Site name none → “Hall”'] },
                },
              ],
              next: null,
            })
          : json({
              entries: [
                {
                  id: 2,
                  at: '2026-11-26T10:15:00Z',
                  actor: 'sam@example.org',
                  action: 'export',
                  target: 'cafe',
                  detail: { from: '2026-11-20', to: '2026-11-25', resolution: 'hour', devices: [93], space: { id: 'cafe', name: 'Café' } },
                },
              ],
              next: 2,
            }),
    });
    wrap(<AuditSection />);
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Audit log, newest first' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['26 Nov 2026, 11:15', 'sam@example.org', 'Exported counts', '2026-11-20 to 2026-11-25, hourly, the space “Café”']);
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await within(table).findByText('Site name none → “Hall”')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/admin/audit?limit=50&before=2')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();
  });
});
