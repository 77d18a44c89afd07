import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, makeAdminSettings } from '@/client/test/fixtures';
import type { AdminSettings } from '@/shared/admin-settings-schema';
import { openingHoursSchema } from '@/shared/opening-hours';
import { HoursSection } from './hours-section';

const HOURS = openingHoursSchema.parse({ weekly: { mon: [['07:00', '22:00']] }, closed: ['2026-12-25'] });
const settingsWith = (openingHours: AdminSettings['values']['openingHours'], locked: AdminSettings['locked'] = {}) =>
  makeAdminSettings({ openingHours }, locked);

interface Call {
  method: string;
  path: string;
  body: unknown;
}

function stubApi(
  settings: AdminSettings,
  put: (body: unknown) => Response = (body) => json({ ...settings, values: { ...settings.values, openingHours: body } }),
) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body === undefined ? undefined : (JSON.parse(init.body as string) as unknown);
      const path = new URL(input, 'http://localhost').pathname;
      calls.push({ method, path, body });
      if (method === 'GET' && path === '/api/admin/settings') return Promise.resolve(json(settings));
      if (method === 'PUT' && path === '/api/admin/settings/hours') return Promise.resolve(put(body));
      return Promise.resolve(json({ error: { code: 'not_found', message: 'no' } }, 404));
    }),
  );
  return calls;
}

function renderSection() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchInterval: false } } });
  return render(
    <QueryClientProvider client={client}>
      <HoursSection />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Settings ▸ Opening hours', () => {
  it('adds a second span to a day and a Tuesday, summarises, and saves the whole week', async () => {
    const calls = stubApi(settingsWith(HOURS));
    renderSection();
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'When the site is open' });
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tuesday' }), 'all_day');
    await user.click(screen.getAllByRole('button', { name: 'Add hours' })[0]!);
    expect(screen.getByText('Tuesday closed → 00:00–24:00')).toBeInTheDocument();
    expect(screen.getByText('Monday 07:00–22:00 → 07:00–22:00, 07:00–22:00')).toBeInTheDocument();
    const end = screen.getByLabelText('Monday closes at (span 2)');
    await user.clear(end);
    await user.type(end, '23:30');
    await user.click(screen.getByRole('button', { name: 'Remove closed date 25/12/2026' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      weekly: {
        mon: [
          ['07:00', '22:00'],
          ['07:00', '23:30'],
        ],
        tue: [['00:00', '24:00']],
      },
      closed: [],
      special: [],
    });
    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
  });

  it('clears the hours with "Always open" (PUT null)', async () => {
    const calls = stubApi(settingsWith(HOURS));
    renderSection();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Always open' }));
    expect(screen.getByText('Opening hours removed: always open')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toBeNull();
  });

  it('adds a special date, refuses an empty one before sending, and shows the server’s refusal at its field', async () => {
    const calls = stubApi(settingsWith(HOURS), () =>
      json({ error: { code: 'bad_request', message: 'special.0.spans.0.1 is not a local time written HH:MM.', field: 'special.0.spans.0.1' } }, 400),
    );
    renderSection();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a special date' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const date = screen.getByLabelText('Special date 1');
    expect(date).toHaveAccessibleDescription('Enter a date as DD/MM/YYYY, such as 24/12/2026.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.type(date, '2026-12-24');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const end = screen.getByLabelText('Hours on 24/12/2026 closes at');
    await waitFor(() => expect(end).toHaveAttribute('aria-invalid', 'true'));
    expect(end).toHaveAccessibleDescription('This span is not a local time written HH:MM.');
  });

  it('is read-only with the lock note when the provisioning file sets the hours', async () => {
    stubApi(settingsWith(HOURS, { openingHours: 'file' }));
    renderSection();
    expect(await screen.findByText(/Set by SITE_CONFIG_FILE on the server/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Monday' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });
});
