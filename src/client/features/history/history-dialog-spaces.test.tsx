import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, TEST_NOW } from '@/client/test/fixtures';
import { fakeHistoryApi, renderWithClient, rowsOf } from '@/client/test/history-api';
import { addDaysToDateString, startOfLocalDay, zonedIso } from '@/shared/zoned';
import { formatDay, formatWeekdayName } from './chart-format';
import { HistoryDialog } from './history-dialog';
import { hourSpan } from './peak-hours-grid';
import { chosenOption, spaceChoices } from './space-choice';
import { leisureOccupancy, spaceHistory } from './spaces-fixture';

const TZ = 'Europe/Budapest';

/**
 * The pool hall per day: 30 + the day of the month people enter it; its exit counter's IN (the
 * people leaving, 1,000 a day) is in `series` and must not count as visitors.
 */
function poolDaily(from: string, to: string) {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDaysToDateString(d, 1)) days.push(d);
  const start = (d: string) => zonedIso(startOfLocalDay(d, TZ), TZ);
  return spaceHistory(
    {
      resolution: 'day',
      from,
      to,
      series: [
        { id: 92, name: 'Pool entrance', points: days.map((d) => ({ start: start(d), in: 30 + Number(d.slice(8)), out: 0 })) },
        { id: 93, name: 'Pool exit', points: days.map((d) => ({ start: start(d), in: 1000, out: 0 })) },
      ],
    },
    { id: 'pool', name: 'Pool hall', points: days.map((d) => ({ start: start(d), in: 30 + Number(d.slice(8)), out: 1000, occupancy: null })) },
  );
}

/** The pool hall per hour: 2 people enter an hour, 25 on Wednesdays from 17:00 to 18:00. */
function poolHourly(from: string, to: string) {
  const points = [];
  const end = startOfLocalDay(addDaysToDateString(to, 1), TZ).getTime();
  for (let t = startOfLocalDay(from, TZ).getTime(); t < end; t += 3_600_000) {
    const start = zonedIso(new Date(t), TZ);
    const wednesday = new Date(`${start.slice(0, 10)}T12:00:00Z`).getUTCDay() === 3;
    points.push({ start, in: wednesday && start.slice(11, 13) === '17' ? 25 : 2, out: 0, occupancy: 0 });
  }
  // The exit counter: IN means leaving; 500 an hour would top every hour if it were summed.
  const exit = { id: 93, name: 'Pool exit', points: points.map((p) => ({ start: p.start, in: 500, out: 0 })) };
  return spaceHistory({ resolution: 'hour', from, to, series: [exit] }, { id: 'pool', name: 'Pool hall', points });
}

function renderDialog(chosenId: string) {
  const api = fakeHistoryApi((url) => {
    const q = Object.fromEntries(url.searchParams) as { from: string; to: string; resolution: string };
    return json(q.resolution === 'hour' ? poolHourly(q.from, q.to) : poolDaily(q.from, q.to));
  });
  const choices = spaceChoices(leisureOccupancy());
  const onChoose = vi.fn();
  renderWithClient(
    <HistoryDialog
      onClose={vi.fn()}
      timeZone={TZ}
      nowIso={TEST_NOW}
      weekStartsOn={1}
      siteName="Riverside Leisure Centre"
      choices={choices}
      chosen={chosenOption(choices, chosenId)}
      onChoose={onChoose}
    />,
  );
  return { api, onChoose };
}

const openTable = async (section: HTMLElement, name: RegExp) => {
  await userEvent.click(within(section).getByText('Show the numbers as a table'));
  return rowsOf(within(section).getByRole('table', { name }));
};

describe('history view per space', { timeout: 20_000 }, () => {
  it('offers the spaces in a labelled chooser and passes a choice on', async () => {
    const { onChoose } = renderDialog('pool');
    const chooser = within(screen.getByRole('dialog', { name: 'History' })).getByRole('combobox', { name: 'Show' });
    expect(chooser).toHaveValue('pool');
    await userEvent.selectOptions(chooser, 'gym');
    expect(onChoose).toHaveBeenCalledWith('gym');
  });

  it('counts the people entering the space per day, in a chart, a table and a CSV of that space', async () => {
    const { api } = renderDialog('pool');
    const section = screen.getByRole('region', { name: 'Visitors per day in the Pool hall' });
    expect(
      within(section).getByText('People coming into the Pool hall through its doors, per day, compared with the same weekday a week earlier'),
    ).toBeInTheDocument();

    // 19–25 Nov: (30 + 19) … (30 + 25) = 364; 12–18 Nov: 315.
    await within(section).findByRole('img', {
      name: /^Bar chart of visitors per day in the Pool hall: 364 visitors, .*16\s?% more than the same days a week earlier \(315\)\.$/,
    });
    expect(api.requests.map((u) => Object.fromEntries(u.searchParams))).toContainEqual({
      from: '2026-11-12',
      to: '2026-11-25',
      resolution: 'day',
      space: 'pool',
    });
    const rows = await openTable(section, /^Visitors per day, Pool hall, /);
    expect(rows[0]?.slice(0, 3)).toEqual([formatDay('2026-11-19'), '49', '42']);
    expect(within(section).getByRole('link', { name: /^Download these days as CSV/ })).toHaveAttribute(
      'href',
      '/api/export?from=2026-11-19&to=2026-11-25&resolution=day&space=pool',
    );
  });

  it('shows the space’s peak hours from the people entering it, with a table and a CSV of that space', async () => {
    const { api } = renderDialog('pool');
    const section = screen.getByRole('region', { name: 'Peak hours in the Pool hall' });
    const busiest = `Busiest: ${formatWeekdayName(3, 'long')}s ${hourSpan(17)}, 25 visitors on average.`;
    expect(within(section).getByText(/^Average visitors per hour of the day, by weekday, over the last 4 weeks: /)).toBeInTheDocument();
    expect(await within(section).findByText(busiest)).toBeInTheDocument();
    expect(within(section).getByRole('img', { name: /^Heatmap of average visitors per hour and weekday in the Pool hall, / })).toBeInTheDocument();
    expect(api.requests.map((u) => Object.fromEntries(u.searchParams))).toContainEqual({
      from: '2026-10-29',
      to: '2026-11-25',
      resolution: 'hour',
      space: 'pool',
    });
    const table = await openTable(section, /^Average visitors per hour, Pool hall, /);
    // Monday first: Wednesday is the third column.
    expect(table[17]).toEqual([hourSpan(17), '2', '2', '25', '2', '2', '2', '2']);
    expect(within(section).getByRole('link', { name: /^Download these hours as CSV/ })).toHaveAttribute(
      'href',
      '/api/export?from=2026-10-29&to=2026-11-25&resolution=hour&space=pool',
    );
  });

  it('asks for the site’s own boundary when spaces are configured, and keeps the plain titles', async () => {
    const { api } = renderDialog('site');
    expect(screen.getByRole('region', { name: 'Visitors per day' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Peak hours' })).toBeInTheDocument();
    expect(screen.getByText(/^People coming into the site through its outer doors, per day/)).toBeInTheDocument();
    await screen.findByRole('img', { name: /^Bar chart of visitors per day: / });
    expect(new Set(api.requests.map((u) => u.searchParams.get('space')))).toEqual(new Set(['site']));
  });
});
