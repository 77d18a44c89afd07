import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeConfig, TEST_NOW } from '@/client/test/fixtures';
import type { ExportDevice } from './export-devices';
import { ExportForm } from './export-form';
import { SETTINGS_KEY } from './export-settings';

// Thursday 26 November 2026, 11:00 in Budapest: "Last 7 days" is 20–26 November.
const config = makeConfig();
const DEVICES: ExportDevice[] = [
  { id: 92, label: 'Garden door' },
  { id: 91, label: 'Main entrance' },
  { id: 93, label: 'Side entrance' },
];

type FetchHandler = (url: string) => Response | Promise<Response>;

function stubFetch(handler: FetchHandler) {
  const fetchMock = vi.fn((input: string) => Promise.resolve().then(() => handler(input)));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const LINK = '/api/export/file/0b9d6f7e-4c1e-4a57-9d1a-2f6b8c0e1a23';
/** The server's answer to a checked export: a one-time link to the opened file. */
const csv = () => new Response(JSON.stringify({ download: LINK, filename: 'x.csv' }), { status: 200, headers: { 'content-type': 'application/json' } });
const jsonError = (status: number, error: Record<string, string>) =>
  new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } });

function renderForm(props: Partial<Parameters<typeof ExportForm>[0]> = {}) {
  const download = vi.fn<(url: string, filename: string) => void>();
  const result = render(<ExportForm config={config} devices={DEVICES} now={Date.parse(TEST_NOW)} download={download} {...props} />);
  return { ...result, download, user: userEvent.setup() };
}

const downloadButton = () => screen.getByRole('button', { name: 'Download CSV' });
const startDate = () => screen.getByLabelText('Start date');
const endDate = () => screen.getByLabelText('End date');
const devicesGroup = () => screen.getByRole('group', { name: 'Counters' });

describe('ExportForm: what it starts with', () => {
  it('last 7 days on the site’s calendar, daily, all PRO devices, a name made from site, range and resolution', () => {
    renderForm();
    expect(screen.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(startDate()).toHaveValue('20/11/2026');
    expect(endDate()).toHaveValue('26/11/2026');
    expect(screen.getByRole('radio', { name: 'Day' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'All counters (3)' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'File name' })).toHaveValue('riverside-library_2026-11-20_2026-11-26_day.csv');
    expect(downloadButton()).not.toHaveAttribute('aria-disabled');
    // The size hint describes the resolution choice: 7 days × 3 devices.
    expect(screen.getByRole('group', { name: 'Resolution' })).toHaveAccessibleDescription(/^21 rows, under 1 kB\. Daily files cover up to 3,660 days\.$/);
  });

  it('a preset, a resolution and devices change the dates, the size hint and the suggested name', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Last month' }));
    await user.click(screen.getByRole('radio', { name: '5 minutes' }));
    expect(startDate()).toHaveValue('01/10/2026');
    expect(endDate()).toHaveValue('31/10/2026');
    // 31 days × 288 periods × 3 devices = 26,784 rows ≈ 1.07 MB.
    expect(screen.getByRole('group', { name: 'Resolution' })).toHaveAccessibleDescription(/^About 27,000 rows, roughly 1\.1 MB\./);
    await user.click(screen.getByRole('radio', { name: 'Only the counters I tick' }));
    await user.click(screen.getByRole('checkbox', { name: 'Main entrance' }));
    expect(screen.getByRole('group', { name: 'Resolution' })).toHaveAccessibleDescription(/^About 8,900 rows, roughly 360 kB\./);
    expect(screen.getByRole('textbox', { name: 'File name' })).toHaveValue('riverside-library_2026-10-01_2026-10-31_5min.csv');
  });
});

describe('ExportForm: problems, each under its field', () => {
  it('end before start: under the end date, and the button says why it cannot be used', async () => {
    const fetchMock = stubFetch(csv);
    const { user, download } = renderForm();
    fireEvent.change(endDate(), { target: { value: '2026-11-10' } });

    expect(endDate()).toHaveAttribute('aria-invalid', 'true');
    expect(endDate()).toHaveAccessibleDescription('End date is before the start date. DD/MM/YYYY, e.g. 28/11/2026');
    expect(startDate()).not.toHaveAttribute('aria-invalid');
    expect(downloadButton()).toHaveAttribute('aria-disabled', 'true');
    expect(downloadButton()).toHaveAccessibleDescription('Can’t download yet: check the end date.');

    // Pressing it anyway asks nothing and takes the user to the problem.
    await user.click(downloadButton());
    expect(fetchMock).not.toHaveBeenCalled();
    expect(download).not.toHaveBeenCalled();
    expect(endDate()).toHaveFocus();
  });

  it('a start in the future: under the start date', () => {
    renderForm();
    fireEvent.change(startDate(), { target: { value: '2026-11-27' } });
    fireEvent.change(endDate(), { target: { value: '2026-11-28' } });
    expect(startDate()).toHaveAccessibleDescription('Start date is in the future (today is 26/11/2026). DD/MM/YYYY, e.g. 28/11/2026');
    expect(endDate()).not.toHaveAttribute('aria-invalid');
    expect(downloadButton()).toHaveAccessibleDescription('Can’t download yet: check the start date.');
  });

  it('a range too long for 5-minute data: under the end date, naming the limit', async () => {
    const { user } = renderForm();
    fireEvent.change(startDate(), { target: { value: '2025-01-01' } });
    await user.click(screen.getByRole('radio', { name: '5 minutes' }));
    expect(endDate()).toHaveAccessibleDescription('A 5-minute export covers at most 366 days; this range has 695. DD/MM/YYYY, e.g. 28/11/2026');
    // Back to hourly, the same range is fine.
    await user.click(screen.getByRole('radio', { name: 'Hour' }));
    expect(endDate()).not.toHaveAttribute('aria-invalid');
    expect(downloadButton()).not.toHaveAttribute('aria-disabled');
  });

  it('an empty start date: under the start date', () => {
    renderForm();
    fireEvent.change(startDate(), { target: { value: '' } });
    expect(startDate()).toHaveAccessibleDescription('Start date is required. DD/MM/YYYY, e.g. 28/11/2026');
  });

  it('no device ticked: on the devices group; several problems are all named on the button', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'Only the counters I tick' }));
    expect(devicesGroup()).toHaveAttribute('aria-invalid', 'true');
    expect(devicesGroup()).toHaveAccessibleDescription('Choose at least one counter, or export all counters.');
    fireEvent.change(endDate(), { target: { value: '2026-11-01' } });
    expect(downloadButton()).toHaveAccessibleDescription('Can’t download yet: check the end date and the counters.');
    await user.click(screen.getByRole('checkbox', { name: 'Side entrance' }));
    expect(devicesGroup()).not.toHaveAttribute('aria-invalid');
    expect(downloadButton()).toHaveAccessibleDescription('Can’t download yet: check the end date.');
  });

  it('a hostile file name is shown as the safe name it will be saved under', async () => {
    const fetchMock = stubFetch(csv);
    const { user, download } = renderForm();
    const name = screen.getByRole('textbox', { name: 'File name' });
    await user.clear(name);
    await user.type(name, '../../etc/passwd"; rm -rf');
    expect(name).toHaveAccessibleDescription('Characters a file name can’t hold are replaced: saved as “etc_passwd_ rm -rf.csv”.');
    await user.click(downloadButton());
    await screen.findByText(/Download started/);
    expect(new URL(fetchMock.mock.calls[0]?.[0] ?? '', 'http://x').searchParams.get('filename')).toBe('etc_passwd_ rm -rf.csv');
    expect(fetchMock.mock.calls[0]?.[0]).toContain('filename=etc_passwd_+rm+-rf.csv');
    expect(download).toHaveBeenCalledWith(LINK, 'etc_passwd_ rm -rf.csv');
  });

  it('without PRO devices, nothing can be exported, and the button says so', () => {
    renderForm({ devices: [] });
    expect(downloadButton()).toHaveAttribute('aria-disabled', 'true');
    expect(downloadButton()).toHaveAccessibleDescription('This WELLPOINT account has no PRO-plan devices, and only PRO devices can be exported.');
  });

  it('without a device list, only "all PRO devices" is offered, and why', () => {
    renderForm({ devices: null });
    expect(screen.getByRole('radio', { name: 'All counters' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Only the counters I tick' })).toBeDisabled();
    expect(devicesGroup()).toHaveAccessibleDescription(/can’t be loaded right now/);
    expect(downloadButton()).not.toHaveAttribute('aria-disabled');
  });
});

describe('ExportForm: the download', () => {
  it('checks with the server, then hands the prepared file to the browser: "Preparing export…", then "Download started"', async () => {
    let answer: (r: Response) => void = () => undefined;
    const fetchMock = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { user, download } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'Only the counters I tick' }));
    await user.click(screen.getByRole('checkbox', { name: 'Side entrance' }));
    await user.click(screen.getByRole('checkbox', { name: 'Main entrance' }));
    await user.click(screen.getByRole('radio', { name: 'Hour' }));
    await user.click(downloadButton());

    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Preparing export…');
    expect(screen.getByRole('button', { name: /Preparing/ })).toHaveAttribute('aria-disabled', 'true');
    answer(csv());
    await waitFor(() => expect(status).toHaveTextContent('Download started: riverside-library_2026-11-20_2026-11-26_hour.csv.'));

    const expectedUrl = '/api/export?from=2026-11-20&to=2026-11-26&resolution=hour&devices=91%2C93&filename=riverside-library_2026-11-20_2026-11-26_hour.csv';
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`${expectedUrl}&handoff=1`);
    expect(download).toHaveBeenCalledWith(LINK, 'riverside-library_2026-11-20_2026-11-26_hour.csv');
  });

  it('Cancel while preparing: nothing is downloaded and the form is ready again', async () => {
    stubFetch(() => new Promise<Response>(() => undefined));
    const { user, download } = renderForm();
    await user.click(downloadButton());
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(downloadButton()).not.toHaveAttribute('aria-disabled');
    expect(download).not.toHaveBeenCalled();
  });

  it.each([
    [502, 'upstream_auth', 'WELLPOINT did not accept the access key'],
    [503, 'upstream_unavailable', 'WELLPOINT is not answering'],
    [504, 'upstream_timeout', 'WELLPOINT took too long to start the file'],
    [429, 'rate_limited', 'Too many exports are running'],
    [404, 'no_pro_devices', 'No PRO devices to export'],
    [404, 'no_data', 'No counts to export'],
  ])('HTTP %i %s: "%s" in the form, and nothing is saved', async (status, code, title) => {
    stubFetch(() => jsonError(status, { code, message: 'From the server.' }));
    const { user, download } = renderForm();
    await user.click(downloadButton());
    const alert = await screen.findByRole('alert', { name: '' });
    await waitFor(() => expect(alert).toHaveTextContent(title));
    expect(alert).toHaveTextContent(/nothing was saved|no file was saved/i);
    expect(download).not.toHaveBeenCalled();
    expect(screen.queryByText(/Download started/)).not.toBeInTheDocument();
  });

  it('the server’s bad_request about a field: shown under that field, focus moves there', async () => {
    stubFetch(() => jsonError(400, { code: 'bad_request', message: 'Start date is in the future (today is 2026-11-19).', field: 'from' }));
    const { user, download } = renderForm();
    await user.click(downloadButton());
    await waitFor(() => expect(startDate()).toHaveAccessibleDescription('Start date is in the future (today is 2026-11-19). DD/MM/YYYY, e.g. 28/11/2026'));
    expect(startDate()).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('The export settings were not accepted');
    expect(download).not.toHaveBeenCalled();
    // Changing the dates clears the server's word on them.
    await user.click(screen.getByRole('button', { name: 'Yesterday' }));
    expect(startDate()).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('');
  });

  it('chosen devices that are not PRO devices: the server’s no_data on the devices group', async () => {
    stubFetch(() =>
      jsonError(404, {
        code: 'no_data',
        message: 'None of the chosen devices is a PRO-plan device of this WELLPOINT account, so there is nothing to export.',
        field: 'devices',
      }),
    );
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'Only the counters I tick' }));
    await user.click(screen.getByRole('checkbox', { name: 'Garden door' }));
    await user.click(downloadButton());
    await waitFor(() => expect(devicesGroup()).toHaveAccessibleDescription(/None of the chosen devices is a PRO-plan device/));
  });
});

describe('ExportForm: remembered settings', () => {
  it('a download remembers preset, resolution and devices for next time', async () => {
    stubFetch(csv);
    const first = renderForm();
    await first.user.click(screen.getByRole('button', { name: 'Last week' }));
    await first.user.click(screen.getByRole('radio', { name: 'Hour' }));
    await first.user.click(screen.getByRole('radio', { name: 'Only the counters I tick' }));
    await first.user.click(screen.getByRole('checkbox', { name: 'Garden door' }));
    await first.user.click(downloadButton());
    await screen.findByText(/Download started/);
    first.unmount();

    // A week later, "Last week" is a different week.
    renderForm({ now: Date.parse(TEST_NOW) + 7 * 86_400_000 });
    expect(screen.getByRole('button', { name: 'Last week' })).toHaveAttribute('aria-pressed', 'true');
    expect(startDate()).toHaveValue('23/11/2026');
    expect(endDate()).toHaveValue('29/11/2026');
    expect(screen.getByRole('radio', { name: 'Hour' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Only the counters I tick' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Garden door' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Main entrance' })).not.toBeChecked();
  });

  it('settings only tried, not downloaded, are not remembered', async () => {
    const first = renderForm();
    await first.user.click(screen.getByRole('radio', { name: 'Month' }));
    first.unmount();
    renderForm();
    expect(screen.getByRole('radio', { name: 'Day' })).toBeChecked();
  });

  it('garbage in storage is ignored; a device that is gone is not ticked', () => {
    localStorage.setItem(SETTINGS_KEY, '{"version":1,"preset":"nextYear","resolution":"weekly","devices":[91,4242]}');
    renderForm();
    expect(screen.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('radio', { name: 'Day' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Main entrance' })).toBeChecked();
    expect(screen.getAllByRole('checkbox', { checked: true })).toHaveLength(1);
  });
});
