// Settings ▸ Alerts against a fake BFF: channels added and tested as entered, capacity rules per
// space and the other checks saved through PUT /api/admin/settings/alerts, problems shown at the
// field (the form's own and the server's), the provisioned read-only view, and the alert log.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { enter, fakeApi, renderWithApp } from '@/client/test/fake-api';
import { apiError, json, LEISURE_SPACES, makeAdminSettings, makeConfig, makeDisplay, makeSpacesOccupancy } from '@/client/test/fixtures';
import type { AdminSettings } from '@/shared/admin-settings-schema';
import type { AlertLogEntry, AlertsSettings } from '@/shared/alerts-schema';
import { AlertsSection } from './alerts-section';

function adminSettings(alerts: AlertsSettings, locked: AdminSettings['locked'] = {}): AdminSettings {
  return makeAdminSettings({ siteName: null, shownName: 'Riverside Leisure Centre', alerts }, locked);
}

const NONE: AlertsSettings = { channels: [], rules: [] };
const OPS: AlertsSettings = {
  channels: [{ id: 'ops', name: 'Ops Slack', type: 'webhook', url: 'https://hooks.slack.com/services/T0/B0/x', format: 'slack' }],
  rules: [{ type: 'full', space: 'cafe', channels: ['ops'], cooldownMinutes: 15 }],
};

const logEntry = (over: Partial<AlertLogEntry>): AlertLogEntry => ({
  id: 1,
  at: '2026-11-26T10:05:00+01:00',
  attemptedAt: '2026-11-26T10:05:01+01:00',
  channel: 'ops',
  channelType: 'webhook',
  rule: 'full',
  ruleId: null,
  text: 'Café is full: 40 of 40.',
  resolved: false,
  status: 'sent',
  attempts: 1,
  reason: null,
  nextAttemptAt: null,
  ...over,
});

function renderSection(alerts: AlertsSettings = NONE, locked: AdminSettings['locked'] = {}, log: AlertLogEntry[] = [], spaces = LEISURE_SPACES) {
  const api = fakeApi({
    'GET /api/admin/settings': () => json(adminSettings(alerts, locked)),
    'GET /api/occupancy': () => json(makeSpacesOccupancy(spaces)),
    'GET /api/config': () => json(makeConfig()),
    'GET /api/admin/displays': () =>
      json([makeDisplay({ id: 'd1', name: 'Café wall', spaces: ['cafe'], mode: 'total', chime: true, createdAt: '2026-11-01T10:00:00Z' })]),
    'GET /api/admin/alerts/log': () => json({ entries: log }),
    'PUT /api/admin/settings/alerts': (r) => json(adminSettings(r.body as AlertsSettings)),
  });
  renderWithApp(<AlertsSection />);
  return { api, user: userEvent.setup() };
}

describe('Settings ▸ Alerts', () => {
  it('adds a Slack webhook and a café nearly-full alert to it, and saves exactly that', async () => {
    const { api, user } = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Add a webhook' }));
    const card = screen.getByRole('listitem', { name: 'Webhook 1' });
    await enter(user, within(card).getByRole('textbox', { name: 'Name' }), 'Ops Slack');
    await enter(
      user,
      within(screen.getByRole('listitem', { name: 'Ops Slack' })).getByRole('textbox', { name: 'Webhook address' }),
      'https://hooks.slack.com/services/T0/B0/x',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'Slack');

    const cafe = screen.getByRole('listitem', { name: 'Café' });
    await user.click(within(cafe).getByRole('checkbox', { name: 'Nearly full: Café' }));
    // A new rule goes to every channel, at most once in 15 minutes.
    const details = within(cafe).getByRole('group', { name: /^When nearly full.*Nearly full: Café: channels and repeats$/ });
    expect(within(details).getByRole('checkbox', { name: 'Ops Slack' })).toBeChecked();
    expect(within(details).getByRole('spinbutton', { name: 'At most once every (minutes)' })).toHaveValue(15);
    await user.clear(within(details).getByRole('spinbutton', { name: 'At most once every (minutes)' }));
    await user.type(within(details).getByRole('spinbutton', { name: 'At most once every (minutes)' }), '30');

    expect(screen.getByText('Saving will change:')).toBeInTheDocument();
    expect(screen.getByText('Adds the channel “Ops Slack”')).toBeInTheDocument();
    expect(screen.getByText('Turns on: Café · Nearly full')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save alerts' }));
    await waitFor(() => expect(api.to('PUT /api/admin/settings/alerts')).toHaveLength(1));
    expect(api.to('PUT /api/admin/settings/alerts')[0]!.body).toEqual({
      channels: [{ id: 'webhook-1', name: 'Ops Slack', type: 'webhook', url: 'https://hooks.slack.com/services/T0/B0/x', format: 'slack' }],
      rules: [{ type: 'nearly_full', space: 'cafe', channels: ['webhook-1'], cooldownMinutes: 30 }],
    });
    expect(await screen.findByText(/^Saved\./)).toBeInTheDocument();
  });

  it('a space without a capacity offers no capacity alert; the sauna sits under the pool hall', async () => {
    renderSection(
      NONE,
      {},
      [],
      LEISURE_SPACES.map((s) => (s.id === 'office' ? { ...s, capacity: undefined } : s)),
    );
    const office = await screen.findByRole('listitem', { name: 'Office' });
    expect(within(office).getByText('No capacity set, so it is never full.')).toBeInTheDocument();
    expect(within(office).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Sauna' })).getByRole('checkbox', { name: 'Full: Sauna' })).not.toBeChecked();
    expect(screen.getByRole('listitem', { name: 'Sauna' }).style.paddingInlineStart).toBe('2.5rem');
  });

  it('shows its own problems at the field and sends nothing: an empty address, a bad recipient', async () => {
    const { api, user } = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Add a webhook' }));
    await user.click(screen.getByRole('button', { name: 'Add an email' }));
    await enter(
      user,
      within(screen.getByRole('listitem', { name: 'Email 1' })).getByRole('textbox', { name: 'Recipients' }),
      'duty@example.org, not-an-address',
    );
    await user.click(screen.getByRole('button', { name: 'Save alerts' }));
    expect(screen.getByRole('textbox', { name: 'Webhook address' })).toHaveAccessibleDescription(/is empty: paste the address/);
    expect(screen.getByRole('textbox', { name: 'Webhook address' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Recipients' })).toHaveAccessibleDescription(/“not-an-address” is not an email address/);
    expect(api.to('PUT /api/admin/settings/alerts')).toHaveLength(0);
  });

  it('shows the server’s refusal at the field it names', async () => {
    const { api, user } = renderSection(OPS);
    api.set('PUT /api/admin/settings/alerts', () =>
      json({ error: { ...apiError('bad_request', 'channels.0.url is http but not on this machine: use https.').error, field: 'channels.0.url' } }, 400),
    );
    const address = await screen.findByRole('textbox', { name: 'Webhook address' });
    await user.clear(address);
    await enter(user, address, 'http://hooks.example.org/x');
    await user.click(screen.getByRole('button', { name: 'Save alerts' }));
    await waitFor(() => expect(address).toHaveAccessibleDescription(/is http but not on this machine: use https/));
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Not saved: channels.0.url is http but not on this machine: use https.')).toBeInTheDocument();
  });

  it('"Send a test" sends the channel as entered, and says whether it arrived or why not', async () => {
    const { api, user } = renderSection(OPS);
    api.set('POST /api/admin/alerts/test', () => json({ ok: false, reason: 'HTTP 404 from hooks.slack.com' }));
    const card = await screen.findByRole('listitem', { name: 'Ops Slack' });
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Format' }), 'JSON (for your own systems)');
    await user.click(within(card).getByRole('button', { name: 'Send a test' }));
    expect(await within(card).findByText('Test not delivered: HTTP 404 from hooks.slack.com.')).toBeInTheDocument();
    expect(api.to('POST /api/admin/alerts/test')[0]!.body).toEqual({ channel: { ...OPS.channels[0], format: 'json' } });
    api.set('POST /api/admin/alerts/test', () => json({ ok: true, reason: null }));
    await user.click(within(card).getByRole('button', { name: 'Send a test' }));
    expect(await within(card).findByText('Test sent. Check that it arrived.')).toBeInTheDocument();
  });

  it('"Send a test" of a channel without its address sends nothing and says what to fill in', async () => {
    const { api, user } = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Add a webhook' }));
    await user.click(screen.getByRole('button', { name: 'Send a test' }));
    expect(screen.getByText('Fill in the webhook address first.')).toBeInTheDocument();
    expect(api.to('POST /api/admin/alerts/test')).toEqual([]);
  });

  it('removing a channel takes it out of the rules that named it', async () => {
    const { api, user } = renderSection(OPS);
    await user.click(await screen.findByRole('button', { name: 'Remove the channel Ops Slack' }));
    await user.click(screen.getByRole('button', { name: 'Save alerts' }));
    await waitFor(() => expect(api.to('PUT /api/admin/settings/alerts')).toHaveLength(1));
    expect(api.to('PUT /api/admin/settings/alerts')[0]!.body).toEqual({
      channels: [],
      rules: [{ type: 'full', space: 'cafe', channels: [], cooldownMinutes: 15 }],
    });
  });

  it('adds the other checks: a silent door, no live count, an offline display, each with its minutes', async () => {
    const { api, user } = renderSection(OPS);
    await user.click(await screen.findByRole('button', { name: 'Add: a door falls silent' }));
    await user.click(screen.getByRole('button', { name: 'Add: no live count' }));
    await user.click(screen.getByRole('button', { name: 'Add: a display goes offline' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Door' }), 'Café door');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Display' }), 'Café wall');
    const [door, stale] = screen.getAllByRole('spinbutton', { name: 'After (minutes)' });
    expect(door).toHaveValue(60);
    await user.clear(stale!);
    await user.type(stale!, '5');
    await user.click(screen.getByRole('button', { name: 'Save alerts' }));
    await waitFor(() => expect(api.to('PUT /api/admin/settings/alerts')).toHaveLength(1));
    expect((api.to('PUT /api/admin/settings/alerts')[0]!.body as AlertsSettings).rules.slice(1)).toEqual([
      { type: 'door_silent', device: 94, minutes: 60, channels: ['ops'], cooldownMinutes: 15 },
      { type: 'data_stale', minutes: 5, channels: ['ops'], cooldownMinutes: 15 },
      { type: 'display_offline', display: 'd1', minutes: 15, channels: ['ops'], cooldownMinutes: 15 },
    ]);
  });

  it('provisioned by the file: read-only with the note, yet a channel can still be tested', async () => {
    const { api } = renderSection(OPS, { alerts: 'file' });
    api.set('POST /api/admin/alerts/test', () => json({ ok: true, reason: null }));
    expect(await screen.findByText(/come from the provisioning file \(SITE_CONFIG_FILE\)/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Webhook address' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Full: Café' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Add a webhook' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save alerts' })).toBeDisabled();
    const test = screen.getByRole('button', { name: 'Send a test' });
    expect(test).toBeEnabled();
    await userEvent.setup().click(test);
    expect(await screen.findByText('Test sent. Check that it arrived.')).toBeInTheDocument();
  });

  it('lists the alert log: time in the site’s zone, channel name, alert, and status with the reason', async () => {
    renderSection(OPS, {}, [
      logEntry({ id: 3, status: 'failed', attempts: 5, reason: 'timed out after 10 s' }),
      logEntry({
        id: 2,
        status: 'retrying',
        attempts: 2,
        reason: 'HTTP 500',
        nextAttemptAt: '2026-11-26T10:07:00+01:00',
        resolved: true,
        text: 'Café is no longer full: 33 of 40.',
      }),
      logEntry({ id: 1, rule: 'test', text: 'A test from Occupancy Live.' }),
    ]);
    const table = await screen.findByRole('table', { name: 'Alert log, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['26 Nov 2026, 10:05', 'Ops Slack', 'FullCafé is full: 40 of 40.', 'Failed after 5 attempts: timed out after 10 s'],
      [
        '26 Nov 2026, 10:05',
        'Ops Slack',
        'Full — resolvedCafé is no longer full: 33 of 40.',
        'Retrying after 2 attempts (HTTP 500); next try 26 Nov 2026, 10:07',
      ],
      ['26 Nov 2026, 10:05', 'Ops Slack', 'Test messageA test from Occupancy Live.', 'Sent'],
    ]);
  });
});
