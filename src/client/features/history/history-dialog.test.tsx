import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, TEST_NOW } from '@/client/test/fixtures';
import { addDaysToDateString, startOfLocalDay, zonedIso } from '@/shared/zoned';
import { formatDay, formatWeekdayName } from './chart-format';
import { HistoryDialog } from './history-dialog';
import { hourSpan } from './peak-hours-grid';
import { fakeHistoryApi, makeHistory, renderWithClient, rowsOf } from '@/client/test/history-api';

afterEach(() => {
  vi.unstubAllGlobals();
});

const TZ = 'Europe/Budapest';

/** Daily IN: the main door lets in 100 + the day of the month, the garden door 10. */
function dailyHistory(from: string, to: string) {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDaysToDateString(d, 1)) days.push(d);
  const start = (d: string) => zonedIso(startOfLocalDay(d, TZ), TZ);
  return makeHistory({
    resolution: 'day',
    from,
    to,
    series: [
      { id: 91, name: 'Main entrance', points: days.map((d) => ({ start: start(d), in: 100 + Number(d.slice(8)), out: 50 })) },
      { id: 92, name: 'Garden door', points: days.map((d) => ({ start: start(d), in: 10, out: 60 })) },
    ],
  });
}

/** Hourly IN: one person an hour, except forty on Saturdays from 14:00. */
function hourlyHistory(from: string, to: string) {
  const points = [];
  const end = startOfLocalDay(addDaysToDateString(to, 1), TZ).getTime();
  for (let t = startOfLocalDay(from, TZ).getTime(); t < end; t += 3_600_000) {
    const start = zonedIso(new Date(t), TZ);
    const saturday = new Date(`${start.slice(0, 10)}T12:00:00Z`).getUTCDay() === 6;
    points.push({ start, in: saturday && start.slice(11, 13) === '14' ? 40 : 1, out: 0 });
  }
  return makeHistory({ resolution: 'hour', from, to, series: [{ id: 91, name: 'Main entrance', points }] });
}

function api() {
  return fakeHistoryApi((url) => {
    const q = Object.fromEntries(url.searchParams) as { from: string; to: string; resolution: string };
    return json(q.resolution === 'hour' ? hourlyHistory(q.from, q.to) : dailyHistory(q.from, q.to));
  });
}

function renderDialog(onClose = vi.fn()) {
  renderWithClient(<HistoryDialog onClose={onClose} timeZone={TZ} nowIso={TEST_NOW} weekStartsOn={1} siteName="Riverside Library" />);
  return onClose;
}

const openTable = async (section: HTMLElement, name: RegExp) => {
  await userEvent.click(within(section).getByText('Show the numbers as a table'));
  return rowsOf(within(section).getByRole('table', { name }));
};

// Charts and a 168-cell heatmap in jsdom are slow on a busy machine.
describe('history view', { timeout: 20_000 }, () => {
  it('is a named dialog that closes from its button', async () => {
    api();
    const onClose = renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'History' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('charts visitors per day for the last 7 whole days against the same weekday a week earlier, with the same numbers in a table', async () => {
    const { requests } = api();
    renderDialog();
    const section = screen.getByRole('region', { name: 'Visitors per day' });

    // 19–25 Nov: (110 + 19) … (110 + 25) = 924 visitors; 12–18 Nov: 875.
    const chart = await within(section).findByRole('img', {
      name: /^Bar chart of visitors per day: 924 visitors, .*6\s?% more than the same days a week earlier \(875\)\.$/,
    });
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(requests.map((u) => Object.fromEntries(u.searchParams))).toContainEqual({ from: '2026-11-12', to: '2026-11-25', resolution: 'day' });

    const rows = await openTable(section, /^Visitors per day/);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual([formatDay('2026-11-19'), '129', '122', expect.stringMatching(/^\+6\s?%$/)]);
    expect(rows[6]).toEqual([formatDay('2026-11-25'), '135', '128', expect.stringMatching(/^\+5\s?%$/)]);

    const link = within(section).getByRole('link', { name: /^Download these days as CSV/ });
    expect(link).toHaveAttribute('href', '/api/export?from=2026-11-19&to=2026-11-25&resolution=day');
  });

  it('switches to 30 days, and the export follows', async () => {
    const { requests } = api();
    renderDialog();
    const section = screen.getByRole('region', { name: 'Visitors per day' });
    await within(section).findByRole('img', { name: /^Bar chart of visitors per day/ });

    await userEvent.click(within(section).getByRole('radio', { name: '30 days' }));
    expect(within(section).getByRole('radio', { name: '30 days' })).toBeChecked();
    await within(section).findByRole('img', { name: /^Bar chart of visitors per day: \d[\d,]* visitors, / });
    expect(requests.map((u) => Object.fromEntries(u.searchParams))).toContainEqual({ from: '2026-10-20', to: '2026-11-25', resolution: 'day' });
    expect(await openTable(section, /^Visitors per day/)).toHaveLength(30);
    expect(within(section).getByRole('link', { name: /^Download these days as CSV/ })).toHaveAttribute(
      'href',
      '/api/export?from=2026-10-27&to=2026-11-25&resolution=day',
    );
  });

  it('shows the peak hours of the last four weeks as a heatmap, weeks starting on the site’s day, with a table', async () => {
    const { requests } = api();
    renderDialog();
    const section = screen.getByRole('region', { name: 'Peak hours' });

    const saturday = formatWeekdayName(6, 'long');
    const busiest = `Busiest: ${saturday}s ${hourSpan(14)}, 40 visitors on average.`;
    const heatmap = await within(section).findByRole('img', {
      name: new RegExp(`^Heatmap of average visitors per hour and weekday, .*${busiest.replace(/[()]/g, '\\$&')}`),
    });
    expect(heatmap).toBeInTheDocument();
    expect(within(section).getByText(busiest)).toBeInTheDocument();
    expect(requests.map((u) => Object.fromEntries(u.searchParams))).toContainEqual({ from: '2026-10-29', to: '2026-11-25', resolution: 'hour' });

    const table = await openTable(section, /^Average visitors per hour/);
    expect(table).toHaveLength(24);
    const headers = within(within(section).getByRole('table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Hour', ...[1, 2, 3, 4, 5, 6, 0].map((w) => formatWeekdayName(w))]);
    // 14:00–15:00: 1 a day on weekdays and Sundays, 40 on Saturdays (Monday first, Saturday sixth).
    expect(table[14]).toEqual([hourSpan(14), '1', '1', '1', '1', '1', '40', '1']);
    expect(table[3]).toEqual([hourSpan(3), '1', '1', '1', '1', '1', '1', '1']);

    expect(within(section).getByRole('link', { name: /^Download these hours as CSV/ })).toHaveAttribute(
      'href',
      '/api/export?from=2026-10-29&to=2026-11-25&resolution=hour',
    );
  });

  it('explains a failure in plain words, per chart, and tries again', async () => {
    const server = fakeHistoryApi((url) =>
      url.searchParams.get('resolution') === 'hour'
        ? json(apiError('upstream_timeout', 'WELLPOINT did not answer in 30 s'), 504)
        : json(dailyHistory('2026-11-12', '2026-11-25')),
    );
    renderDialog();
    const peaks = screen.getByRole('region', { name: 'Peak hours' });
    const message = await within(peaks).findByRole('status');
    expect(message).toHaveTextContent('The peak hours could not be loaded.');
    expect(message).toHaveTextContent('The WELLPOINT cloud took too long to answer.');
    // The other chart is not affected.
    expect(await screen.findByRole('img', { name: /^Bar chart of visitors per day/ })).toBeInTheDocument();

    server.answer((url) => json(hourlyHistory(url.searchParams.get('from')!, url.searchParams.get('to')!)));
    await userEvent.click(within(message).getByRole('button', { name: 'Try again' }));
    expect(await within(peaks).findByRole('img', { name: /^Heatmap/ })).toBeInTheDocument();
  });
});
