import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { json, makeConfig, TEST_NOW } from '@/client/test/fixtures';
import { fakeHistoryApi, makeHistory, renderWithClient, rowsOf } from '@/client/test/history-api';
import { zonedIso } from '@/shared/zoned';
import { formatTimeOfDay } from './chart-format';
import { leisureOccupancy, spaceHistory } from './spaces-fixture';
import { TodaySection } from './today-section';

const TZ = 'Europe/Budapest';
const DAY_START = Date.parse('2026-11-25T23:00:00Z');
const LIVE_AT = Date.parse(TEST_NOW);
const time = (hhmm: string) => formatTimeOfDay(Date.parse(`2026-11-26T${hhmm}:00+01:00`), TZ);

afterEach(() => {
  // The choice lives in the address: each test starts on the plain dashboard.
  history.replaceState(null, '', '/');
});

/** Every 5-minute period of today up to the one running at the live moment, with `counts` at local "HH:MM". */
function spacePoints(counts: Record<string, [number, number, number]>) {
  const points = [];
  let inside = 0;
  for (let t = DAY_START; t <= LIVE_AT; t += 5 * 60_000) {
    const start = zonedIso(new Date(t), TZ);
    const [i, o, occupancy] = counts[start.slice(11, 16)] ?? [0, 0, inside];
    inside = occupancy;
    points.push({ start, in: i, out: o, occupancy });
  }
  return points;
}

/** /api/history per space: the building (40 in at 08:00) and the pool hall (52 in at 09:00, 15 out at 10:00). */
function answers(url: URL) {
  const space = url.searchParams.get('space');
  if (space === 'pool') return json(spaceHistory({}, { id: 'pool', name: 'Pool hall', points: spacePoints({ '09:00': [52, 0, 52], '10:00': [0, 15, 37] }) }));
  if (space === 'site') return json(spaceHistory({}, { id: 'site', name: 'Riverside Leisure Centre', points: spacePoints({ '08:00': [120, 8, 112] }) }));
  return json(makeHistory({}));
}

function renderSection(occupancy = leisureOccupancy()) {
  const result = renderWithClient(<TodaySection occupancy={occupancy} config={makeConfig({ siteName: 'Riverside Leisure Centre' })} timeZone={TZ} />);
  return {
    ...result,
    rerenderWith: (next: ReturnType<typeof leisureOccupancy>) => result.rerender(<TodaySection occupancy={next} config={makeConfig()} timeZone={TZ} />),
  };
}

const chooser = () => screen.getByRole('combobox', { name: 'Show' });
const spaceParams = (requests: URL[]) => requests.map((u) => u.searchParams.get('space'));

describe('today’s curve per space', { timeout: 20_000 }, () => {
  it('offers the site first, then its spaces in a group, a space inside a room with the way to it, the site chosen', async () => {
    fakeHistoryApi(answers);
    renderSection();
    const spaces = within(chooser()).getByRole('group', { name: 'Spaces' });
    expect(
      within(chooser())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Whole site', 'Pool hall', 'Pool hall › Changing rooms', 'Gym']);
    expect(
      within(spaces)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['pool', 'changing', 'gym']);
    expect(chooser()).toHaveValue('site');
    await screen.findByRole('img', { name: /^People inside today, Whole site,/ });
  });

  it('asks for the site’s own boundary once spaces are configured, so an inner door is not counted twice', async () => {
    const api = fakeHistoryApi(answers);
    renderSection();
    expect(
      await screen.findByRole('img', { name: new RegExp(`^People inside today, Whole site, .*: 112 inside now, peak 112 at ${time('08:05')}`) }),
    ).toBeInTheDocument();
    expect(Object.fromEntries(api.requests[0]!.searchParams)).toEqual({ from: '2026-11-26', to: '2026-11-26', resolution: '5min', space: 'site' });
    expect(screen.getByRole('region', { name: 'Today' })).toBeInTheDocument();
  });

  it('shows a chosen space’s curve from the server’s occupancy, ending at the space’s live count, named in the title and the table', async () => {
    const api = fakeHistoryApi(answers);
    renderSection();
    await screen.findByRole('img', { name: /Whole site/ });

    await userEvent.selectOptions(chooser(), 'pool');
    expect(spaceParams(api.requests)).toEqual(['site', 'pool']);
    const chart = await screen.findByRole('img', { name: new RegExp(`^People inside today, Pool hall, .*: 37 inside now, peak 52 at ${time('09:05')}\\.$`) });
    expect(chart).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Today in the Pool hall' })).toBeInTheDocument();

    await userEvent.click(screen.getByText('Show the numbers as a table'));
    const rows = rowsOf(screen.getByRole('table', { name: /^People inside today, Pool hall, every 5 minutes/ }));
    const at = (hhmm: string) => rows.find(([t]) => t === time(hhmm))?.[1];
    expect(at('09:00')).toBe('0');
    expect(at('09:05')).toBe('52');
    expect(at('10:05')).toBe('37');
    expect(rows.at(-1)).toEqual([`${time('11:15')} (now)`, '37']);
  });

  it('keeps the chosen space through new polls, and follows its live count without a new request', async () => {
    const api = fakeHistoryApi(answers);
    const { rerenderWith } = renderSection();
    await userEvent.selectOptions(chooser(), 'pool');
    await screen.findByRole('img', { name: /Pool hall, .*: 37 inside now/ });

    rerenderWith(leisureOccupancy({ pool: [55, 15] }));
    expect(await screen.findByRole('img', { name: /Pool hall, .*: 40 inside now/ })).toBeInTheDocument();
    expect(chooser()).toHaveValue('pool');
    expect(spaceParams(api.requests)).toEqual(['site', 'pool']);
  });

  it('puts the choice in the address and starts from it, so a reload shows the same space', async () => {
    fakeHistoryApi(answers);
    const first = renderSection();
    await userEvent.selectOptions(chooser(), 'pool');
    expect(location.search).toBe('?space=pool');
    first.unmount();

    renderSection();
    expect(chooser()).toHaveValue('pool');
    expect(await screen.findByRole('img', { name: /^People inside today, Pool hall,/ })).toBeInTheDocument();

    await userEvent.selectOptions(chooser(), 'site');
    expect(location.search).toBe('');
  });

  it('falls back to the whole site when the chosen space is no longer in the answer', async () => {
    history.replaceState(null, '', '/?space=sauna');
    fakeHistoryApi(answers);
    renderSection();
    expect(chooser()).toHaveValue('site');
    expect(await screen.findByRole('img', { name: /^People inside today, Whole site,/ })).toBeInTheDocument();
  });

  it('opens the history view on the chosen space, and a choice made there is Today’s too', async () => {
    const api = fakeHistoryApi((url) =>
      url.searchParams.get('resolution') === '5min' ? answers(url) : json(makeHistory({ resolution: url.searchParams.get('resolution') as 'day' })),
    );
    renderSection();
    await userEvent.selectOptions(chooser(), 'pool');
    await userEvent.click(screen.getByRole('button', { name: 'History' }));
    // The view's code loads lazily: give a busy machine time.
    const dialog = await screen.findByRole('dialog', { name: 'History' }, { timeout: 10_000 });
    expect(within(dialog).getByRole('region', { name: 'Visitors per day in the Pool hall' })).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Show' })).toHaveValue('pool');
    await waitFor(() =>
      expect(api.requests.filter((u) => u.searchParams.get('resolution') !== '5min').map((u) => u.searchParams.get('space'))).toEqual(['pool', 'pool']),
    );

    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Show' }), 'gym');
    expect(within(dialog).getByRole('region', { name: 'Peak hours in the Gym' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(chooser()).toHaveValue('gym');
    expect(screen.getByRole('region', { name: 'Today in the Gym' })).toBeInTheDocument();
    expect(location.search).toBe('?space=gym');
  });
});
