// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { datesOf, exportHref, peakHoursRange, todayRange, visitorsRange } from './history-ranges';

describe('todayRange', () => {
  it('asks from the day start’s local date to today in the site’s zone', () => {
    const range = todayRange({ local: '2026-11-26T00:00:00+01:00' }, '2026-11-26T10:15:03Z', 'Europe/Budapest', '00:00');
    expect(range).toEqual({
      from: '2026-11-26',
      to: '2026-11-26',
      startMs: Date.parse('2026-11-25T23:00:00Z'),
      endMs: Date.parse('2026-11-26T23:00:00Z'),
    });
  });

  it('starts yesterday for a 04:00 day start that has not come round yet', () => {
    // 02:30 on 26 Nov in Budapest: the business day began at 04:00 on the 25th.
    const range = todayRange({ local: '2026-11-25T04:00:00+01:00' }, '2026-11-26T01:30:00Z', 'Europe/Budapest', '04:00');
    expect(range.from).toBe('2026-11-25');
    expect(range.to).toBe('2026-11-26');
    expect(range.endMs).toBe(Date.parse('2026-11-26T03:00:00Z'));
  });

  it('reads today on the site’s wall clock, not in UTC', () => {
    const range = todayRange({ local: '2026-11-25T00:00:00-05:00' }, '2026-11-26T03:30:00Z', 'America/New_York');
    expect(range.to).toBe('2026-11-25');
  });

  it('is 25 hours long on the day the clocks go back, 23 when they go forward', () => {
    const back = todayRange({ local: '2026-10-25T00:00:00+02:00' }, '2026-10-25T12:00:00Z', 'Europe/Budapest', '00:00');
    expect((back.endMs - back.startMs) / 3_600_000).toBe(25);
    const forward = todayRange({ local: '2026-03-29T00:00:00+01:00' }, '2026-03-29T12:00:00Z', 'Europe/Budapest', '00:00');
    expect((forward.endMs - forward.startMs) / 3_600_000).toBe(23);
  });
});

describe('visitor and peak-hour ranges', () => {
  it('shows whole days up to yesterday and asks for a week more, for comparison', () => {
    expect(visitorsRange('2026-11-26', 7)).toEqual({
      shown: { from: '2026-11-19', to: '2026-11-25' },
      request: { from: '2026-11-12', to: '2026-11-25' },
    });
    const month = visitorsRange('2026-03-02', 30);
    expect(month.shown).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(datesOf(month.shown)).toHaveLength(30);
    expect(datesOf(month.request)).toHaveLength(37);
  });

  it('covers four whole weeks for the peak hours, each weekday four times', () => {
    const range = peakHoursRange('2026-11-26');
    expect(range).toEqual({ from: '2026-10-29', to: '2026-11-25' });
    expect(datesOf(range)).toHaveLength(28);
  });

  it('links the same range to the CSV export', () => {
    expect(exportHref({ from: '2026-11-19', to: '2026-11-25' }, 'day')).toBe('/api/export?from=2026-11-19&to=2026-11-25&resolution=day');
  });
});
