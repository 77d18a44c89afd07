import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeConfig, TEST_NOW } from '@/client/test/fixtures';
import type { ExportDevice } from './export-devices';
import { ExportForm } from './export-form';
import type { ExportSpace } from './export-spaces';

// Thursday 26 November 2026 in Budapest: "Last 7 days" is 20–26 November.
const config = makeConfig();
const DEVICES: ExportDevice[] = [
  { id: 92, label: 'Garden door' },
  { id: 91, label: 'Main entrance' },
  { id: 94, label: 'Reading room door' },
  { id: 93, label: 'Side entrance' },
];
// The library, a reading room in it (one door mounted the other way round) with a quiet room
// whose counter is not a PRO device, and a garden café.
const SPACES: ExportSpace[] = [
  {
    id: 'site',
    name: 'Riverside Library',
    depth: 0,
    doors: [
      { device: 91, label: 'Main entrance', side: 'in' },
      { device: 93, label: 'Side entrance', side: 'in' },
    ],
  },
  {
    id: 'reading',
    name: 'Reading room',
    depth: 1,
    doors: [
      { device: 94, label: 'Reading room door', side: 'in' },
      { device: 93, label: 'Side entrance', side: 'out' },
    ],
  },
  { id: 'quiet', name: 'Quiet room', depth: 2, doors: [] },
  { id: 'cafe', name: 'Garden café', depth: 1, doors: [{ device: 92, label: 'Garden door', side: 'in' }] },
];

const LINK = '/api/export/file/0b9d6f7e-4c1e-4a57-9d1a-2f6b8c0e1a23';
const prepared = () => new Response(JSON.stringify({ download: LINK, filename: 'x.csv' }), { status: 200, headers: { 'content-type': 'application/json' } });
const jsonError = (status: number, error: Record<string, string>) =>
  new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } });

function stubFetch(handler: (url: string) => Response | Promise<Response>) {
  const fetchMock = vi.fn((input: string) => Promise.resolve().then(() => handler(input)));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderForm(props: Partial<Parameters<typeof ExportForm>[0]> = {}) {
  const download = vi.fn<(url: string, filename: string) => void>();
  const result = render(<ExportForm config={config} devices={DEVICES} spaces={SPACES} now={Date.parse(TEST_NOW)} download={download} {...props} />);
  return { ...result, download, user: userEvent.setup() };
}

const downloadButton = () => screen.getByRole('button', { name: 'Download CSV' });
const spaceGroup = () => screen.getByRole('group', { name: 'Space' });
const filename = () => screen.getByRole('textbox', { name: 'File name' });
const sizeHint = () => screen.getByRole('group', { name: 'Resolution' });
const sentQuery = (fetchMock: ReturnType<typeof stubFetch>) => Object.fromEntries(new URL(fetchMock.mock.calls[0]?.[0] ?? '', 'http://x').searchParams);

describe('ExportForm with configured spaces: a space or single doors', () => {
  it('starts with the site as the space: the tree in its order, nested, each with its door count', () => {
    renderForm();
    const scope = screen.getByRole('group', { name: 'What to export' });
    expect(within(scope).getByRole('radio', { name: 'A space' })).toBeChecked();
    expect(within(scope).getByRole('radio', { name: 'Single doors' })).not.toBeChecked();
    // Today's "Counters" choice is not offered as well.
    expect(screen.queryByRole('group', { name: 'Counters' })).not.toBeInTheDocument();

    const radios = within(spaceGroup()).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['site', 'reading', 'quiet', 'cafe']);
    expect(screen.getByRole('radio', { name: 'Riverside Library' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Reading room' })).toHaveAccessibleDescription('2 doors');
    expect(screen.getByRole('radio', { name: 'Garden café' })).toHaveAccessibleDescription('1 door');
    // The nesting is the lists': the quiet room is in the reading room's list, the café is not.
    const reading = screen.getByRole('radio', { name: 'Reading room' }).closest('li');
    expect(
      reading &&
        within(reading)
          .getAllByRole('radio')
          .map((r) => r.getAttribute('value')),
    ).toEqual(['reading', 'quiet']);

    expect(spaceGroup()).toHaveAccessibleDescription('The file has a row per door and period for its 2 doors: Main entrance and Side entrance.');
    expect(filename()).toHaveValue('riverside-library_site_2026-11-20_2026-11-26_day.csv');
    expect(filename()).toHaveAccessibleDescription('Made from the site, the space (Riverside Library), the range and the resolution; change it if you like.');
    // 7 days × the site's 2 doors (not all 4 counters).
    expect(sizeHint()).toHaveAccessibleDescription(/^14 rows, under 1 kB\./);
    expect(downloadButton()).not.toHaveAttribute('aria-disabled');
  });

  it('a space: its doors in the note, its id in the name, its door count in the size; sent as space=<id>', async () => {
    const fetchMock = stubFetch(prepared);
    const { user, download } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'Hour' }));
    await user.click(screen.getByRole('radio', { name: 'Reading room' }));

    expect(spaceGroup()).toHaveAccessibleDescription(
      'The file has a row per door and period for its 2 doors: Reading room door and Side entrance. In the file, IN at Side entrance is people leaving Reading room.',
    );
    expect(filename()).toHaveValue('riverside-library_reading_2026-11-20_2026-11-26_hour.csv');
    expect(filename()).toHaveAccessibleDescription(/the space \(Reading room\)/);
    // 7 days × 24 hours × 2 doors.
    expect(sizeHint()).toHaveAccessibleDescription(/^About 340 rows, roughly 13 kB\./);

    await user.click(downloadButton());
    await screen.findByText(/Download started/);
    expect(sentQuery(fetchMock)).toEqual({
      from: '2026-11-20',
      to: '2026-11-26',
      resolution: 'hour',
      space: 'reading',
      filename: 'riverside-library_reading_2026-11-20_2026-11-26_hour.csv',
      handoff: '1',
    });
    expect(download).toHaveBeenCalledWith(LINK, 'riverside-library_reading_2026-11-20_2026-11-26_hour.csv');
  });

  it('the keyboard moves through the spaces with the arrow keys', async () => {
    const { user } = renderForm();
    screen.getByRole('radio', { name: 'Riverside Library' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Reading room' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Reading room' })).toHaveFocus();
    expect(filename()).toHaveValue('riverside-library_reading_2026-11-20_2026-11-26_day.csv');
  });

  it('single doors: the live list by name, the space’s doors ticked to start with, sent as devices; switching back and forth loses nothing', async () => {
    const fetchMock = stubFetch(prepared);
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'Garden café' }));
    expect(spaceGroup()).toHaveAccessibleDescription('The file has a row per period for its one door, Garden door.');
    await user.click(screen.getByRole('radio', { name: 'Single doors' }));
    expect(screen.getAllByRole('checkbox', { checked: true }).map((c) => c.closest('label')?.textContent)).toEqual(['Garden door']);
    await user.click(screen.getByRole('button', { name: 'Untick all' }));

    const doors = screen.getByRole('group', { name: 'Doors' });
    expect(
      within(within(doors).getByRole('list', { name: 'Doors to export' }))
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent),
    ).toEqual(['Garden door', 'Main entrance', 'Reading room door', 'Side entrance']);
    expect(filename()).toHaveValue('riverside-library_2026-11-20_2026-11-26_day.csv');
    expect(filename()).toHaveAccessibleDescription('Made from the site, the range and the resolution; change it if you like.');

    // Nothing ticked: said on the doors, and the button says why.
    expect(doors).toHaveAttribute('aria-invalid', 'true');
    expect(doors).toHaveAccessibleDescription('Tick at least one door, or export a space.');
    expect(downloadButton()).toHaveAccessibleDescription('Can’t download yet: check the doors.');
    await user.click(screen.getByRole('checkbox', { name: 'Side entrance' }));
    await user.click(screen.getByRole('checkbox', { name: 'Main entrance' }));
    expect(doors).not.toHaveAttribute('aria-invalid');
    // 7 days × 2 doors.
    expect(sizeHint()).toHaveAccessibleDescription(/^14 rows/);

    // Back to the space: still the café; and the ticks are still there after.
    await user.click(screen.getByRole('radio', { name: 'A space' }));
    expect(screen.getByRole('radio', { name: 'Garden café' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Single doors' }));
    expect(screen.getByRole('checkbox', { name: 'Side entrance' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Main entrance' })).toBeChecked();

    await user.click(downloadButton());
    await screen.findByText(/Download started/);
    const sent = sentQuery(fetchMock);
    expect(sent.devices).toBe('91,93');
    expect(sent).not.toHaveProperty('space');
  });

  it('a space without a PRO counter cannot be exported, and says so at the space', async () => {
    const fetchMock = stubFetch(prepared);
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'Quiet room' }));
    expect(spaceGroup()).toHaveAttribute('aria-invalid', 'true');
    expect(spaceGroup()).toHaveAccessibleDescription(
      'Quiet room has no door with a PRO counter, so it has nothing to export. Choose another space or single doors.',
    );
    expect(downloadButton()).toHaveAccessibleDescription('Can’t download yet: check the space.');
    await user.click(downloadButton());
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole('radio', { name: 'Quiet room' })).toHaveFocus();
  });

  it('the server’s 400 on the space: under the space, focus there, nothing saved; another space clears it', async () => {
    stubFetch(() => jsonError(400, { code: 'bad_request', message: 'There is no space "reading" on this site.', field: 'space' }));
    const { user, download } = renderForm();
    await user.click(screen.getByRole('radio', { name: 'Reading room' }));
    await user.click(downloadButton());
    await waitFor(() => expect(spaceGroup()).toHaveAttribute('aria-invalid', 'true'));
    expect(spaceGroup()).toHaveAccessibleDescription(/^There is no space "reading" on this site\./);
    expect(screen.getByRole('radio', { name: 'Reading room' })).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('See the message at the space.');
    expect(download).not.toHaveBeenCalled();
    // Everything else is as it was.
    expect(screen.getByRole('radio', { name: 'Reading room' })).toBeChecked();
    expect(filename()).toHaveValue('riverside-library_reading_2026-11-20_2026-11-26_day.csv');

    await user.click(screen.getByRole('radio', { name: 'Garden café' }));
    expect(spaceGroup()).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('');
  });

  it('a downloaded space is remembered; a space that is gone next time is the site', async () => {
    stubFetch(prepared);
    const first = renderForm();
    await first.user.click(screen.getByRole('radio', { name: 'Garden café' }));
    await first.user.click(downloadButton());
    await screen.findByText(/Download started/);
    first.unmount();

    const second = renderForm();
    expect(screen.getByRole('radio', { name: 'Garden café' })).toBeChecked();
    second.unmount();

    renderForm({ spaces: SPACES.filter((s) => s.id !== 'cafe') });
    expect(screen.getByRole('radio', { name: 'Riverside Library' })).toBeChecked();
  });

  it('without the list of doors only a space can be chosen, and why', () => {
    renderForm({ devices: null });
    expect(screen.getByRole('radio', { name: 'Single doors' })).toBeDisabled();
    expect(screen.getByRole('group', { name: 'What to export' })).toHaveAccessibleDescription(
      'The list of doors can’t be loaded right now, so only a space can be chosen.',
    );
    expect(screen.getByRole('radio', { name: 'A space' })).toBeChecked();
  });
});
