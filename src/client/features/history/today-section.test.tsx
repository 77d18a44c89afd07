import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, makeConfig, makeOccupancy, TEST_NOW } from '@/client/test/fixtures';
import { formatTimeOfDay } from './chart-format';
import { fakeHistoryApi, fiveMinuteSeries, makeHistory, renderWithClient, rowsOf } from '@/client/test/history-api';
import { TodaySection } from './today-section';

afterEach(() => {
  vi.unstubAllGlobals();
});

const TZ = 'Europe/Budapest';
// makeOccupancy(): the day started at 00:00 (23:00Z), the live answer is from 11:15:03 local.
const DAY_START = Date.parse('2026-11-25T23:00:00Z');
const LIVE_AT = Date.parse(TEST_NOW);
const range = { startMs: DAY_START, untilMs: LIVE_AT, timeZone: TZ };

/**
 * The three doors' 5-minute counts, adding up to the live answer's IN and OUT per door
 * (91: 412/398, 92: 88/100, 93: 704/669). The 11:15 period is still running: its 3 people are
 * partial counts the curve must leave to the live point.
 */
const todaysHistory = () =>
  makeHistory({
    series: [
      fiveMinuteSeries(91, 'Main entrance', { ...range, counts: { '08:00': [300, 100], '09:30': [112, 298], '11:15': [3, 0] } }),
      fiveMinuteSeries(92, 'Garden door', { ...range, counts: { '08:00': [88, 0], '10:00': [0, 100] } }),
      fiveMinuteSeries(93, 'Side entrance', { ...range, counts: { '08:30': [704, 0], '10:30': [0, 669] } }),
    ],
  });

function renderSection(occupancy = makeOccupancy()) {
  return renderWithClient(<TodaySection occupancy={occupancy} config={makeConfig()} timeZone={TZ} />);
}

// 25 Oct 2026 in Budapest: 03:00 CEST became 02:00 CET. Live at 03:20 CET.
const CLOCKS_BACK_START = Date.parse('2026-10-24T22:00:00Z');
const CLOCKS_BACK_LIVE = Date.parse('2026-10-25T02:20:00Z');

/** The 25-hour day with one door: its 5-minute `counts`, and `inside` people on the live answer. */
function renderClocksBackDay(counts: Record<string, [number, number]>, inside: number) {
  const series = [fiveMinuteSeries(91, 'Main entrance', { startMs: CLOCKS_BACK_START, untilMs: CLOCKS_BACK_LIVE, timeZone: TZ, counts })];
  fakeHistoryApi(() => json(makeHistory({ from: '2026-10-25', to: '2026-10-25', series })));
  renderSection(
    makeOccupancy({
      generatedUtc: '2026-10-25T02:20:00Z',
      fetchedAt: '2026-10-25T02:20:00Z',
      dayStart: { utc: '2026-10-24T22:00:00Z', local: '2026-10-25T00:00:00+02:00', timezone: TZ },
      total: { in: inside, out: 0, occupancy: inside },
      devices: [{ id: 91, name: 'Main entrance', in: inside, out: 0, raw: inside, occupancy: inside, corrected: inside, capacity: 40 }],
    }),
  );
}

/** The table alternative's rows as [time, people], after opening it. */
async function tableRows(name: RegExp) {
  await userEvent.click(screen.getByText('Show the numbers as a table'));
  return rowsOf(screen.getByRole('table', { name }));
}

/** A local wall time on 26 Nov as the page writes it (the test runner's locale decides the style). */
const time = (hhmm: string) => formatTimeOfDay(Date.parse(`2026-11-26T${hhmm}:00+01:00`), TZ);

describe('today’s curve', { timeout: 20_000 }, () => {
  it('asks for today’s 5-minute counts, from the day start’s date to today in the site’s zone', async () => {
    const api = fakeHistoryApi(() => json(todaysHistory()));
    renderSection();
    await screen.findByRole('img', { name: /^People inside today/ });
    const url = api.requests[0]!;
    expect(url.pathname).toBe('/api/history');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2026-11-26', to: '2026-11-26', resolution: '5min' });
  });

  it('draws the site’s curve with an accessible name, and a table with the same numbers that ends at the live total', async () => {
    fakeHistoryApi(() => json(todaysHistory()));
    const { container } = renderSection();

    const chart = await screen.findByRole('img', {
      name: `People inside today, Whole site, from ${time('00:00')} to ${time('11:15')}: 37 inside now, peak 992 at ${time('08:35')}.`,
    });
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(within(container).getByText(`37 inside now · peak 992 at ${time('08:35')}`)).toBeInTheDocument();

    const rows = await tableRows(/^People inside today, Whole site/);
    // 00:00, the end of every complete period (00:05 … 11:15), and the live point.
    expect(rows).toHaveLength(1 + 135 + 1);
    expect(rows[0]).toEqual([time('00:00'), '0']);
    const at = (hhmm: string) => rows.find(([t]) => t === time(hhmm))?.[1];
    expect(at('08:00')).toBe('0');
    expect(at('08:05')).toBe('288'); // 300 − 100 + 88
    expect(at('08:35')).toBe('992'); // + 704
    expect(at('09:35')).toBe('806'); // + 112 − 298
    expect(at('10:05')).toBe('706'); // − 100
    // The curve from the 5-minute counts arrives where the live answer is (no jump), and the
    // last point is the live total itself.
    expect(rows.at(-2)).toEqual([time('11:15'), '37']);
    expect(rows.at(-1)).toEqual([`${time('11:15')} (now)`, '37']);
  });

  it('follows the live total: a new poll moves the last point without a new history request', async () => {
    const api = fakeHistoryApi(() => json(todaysHistory()));
    const { rerender } = renderSection();
    await screen.findByRole('img', { name: /37 inside now/ });
    const later = makeOccupancy({ generatedUtc: '2026-11-26T10:16:00Z', total: { occupancy: 41, in: 1208 } });
    rerender(<TodaySection occupancy={later} config={makeConfig()} timeZone={TZ} />);
    expect(await screen.findByRole('img', { name: /41 inside now/ })).toBeInTheDocument();
    expect(api.requests).toHaveLength(1);
  });

  it('shows one door on demand, ending at that door’s live count', async () => {
    fakeHistoryApi(() => json(todaysHistory()));
    renderSection();
    await screen.findByRole('img', { name: /Whole site/ });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Side entrance');
    expect(
      screen.getByRole('img', { name: new RegExp(`^People inside today, Side entrance, .*: 35 inside now, peak 704 at ${time('08:35')}`) }),
    ).toBeInTheDocument();
    const rows = await tableRows(/^People inside today, Side entrance/);
    expect(rows.at(-1)).toEqual([`${time('11:15')} (now)`, '35']);

    // A door used mostly to leave by: its curve is clamped at 0, like the vendor's corrected count.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Garden door');
    expect(screen.getByRole('img', { name: /Garden door, .*: 0 inside now, peak 88 at/ })).toBeInTheDocument();
  });

  it('keeps the same box while loading, with a word for screen readers', () => {
    fakeHistoryApi(() => new Promise<Response>(() => {}));
    renderSection();
    expect(screen.getByText('Loading today’s curve…')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says in plain words why the curve is missing, and tries again on request', async () => {
    const api = fakeHistoryApi(() => json(apiError('upstream_unavailable', 'WELLPOINT answered 503'), 503));
    renderSection();
    const message = await screen.findByRole('status');
    expect(message).toHaveTextContent('Today’s curve could not be loaded.');
    expect(message).toHaveTextContent('The WELLPOINT cloud is not answering right now.');

    api.answer(() => json(todaysHistory()));
    await userEvent.click(within(message).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('img', { name: /37 inside now/ })).toBeInTheDocument();
  });

  it('says so when nobody has been counted yet today', async () => {
    fakeHistoryApi(() => json(makeHistory({ series: [] })));
    renderSection(makeOccupancy({ total: { in: 0, out: 0, occupancy: 0 }, devices: [] }));
    expect(await screen.findByText('Nobody has been counted yet today.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says on a 25-hour day when the clocks went back', async () => {
    renderClocksBackDay({}, 0);
    const three = formatTimeOfDay(Date.parse('2026-10-25T03:00:00Z'), 'UTC');
    expect(
      await screen.findByText(`People inside since ${formatTimeOfDay(CLOCKS_BACK_START, TZ)}. Clocks went back an hour at ${three}: a 25-hour day.`),
    ).toBeInTheDocument();
    // A quiet night is not an empty day here: the doors reported periods, all of them zero.
    expect(await screen.findByText('Nobody has been counted yet today.')).toBeInTheDocument();
  });

  it('labels the repeated hour with its offset in the table', async () => {
    renderClocksBackDay({ '01:00': [5, 0] }, 10);
    await screen.findByRole('img', { name: /10 inside now/ });
    const rows = await tableRows(/^People inside today, Whole site/);
    // 00:05 … 03:00 CEST, then 02:05 … 03:15 CET: 51 period ends (4 h 15 min), the start and the live point at 03:20.
    expect(rows).toHaveLength(1 + 51 + 1);
    const twoFiveWall = formatTimeOfDay(Date.parse('2026-10-25T02:05:00Z'), 'UTC');
    const twoFive = rows.filter(([t]) => t?.startsWith(`${twoFiveWall} `)).map(([t]) => t);
    expect(twoFive).toHaveLength(2);
    expect(new Set(twoFive).size).toBe(2); // told apart by their offsets
  });

  it('opens the history view in one click, and closes it again', async () => {
    fakeHistoryApi((url) => json(makeHistory({ resolution: url.searchParams.get('resolution') as 'day', series: [] })));
    renderSection();
    await userEvent.click(screen.getByRole('button', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'History' });
    expect(location.hash).toBe('#history');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(location.hash).toBe('');
    expect(screen.getByRole('button', { name: 'History' })).toHaveFocus();
  });
});
