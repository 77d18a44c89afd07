// Expected ranges are worked out by hand from a calendar and the zone rules, not with the code
// under test. Each "now" sits near a midnight that a fixed offset (the zone's winter or summer
// one) would put on the wrong side, and every case runs on hosts in three other zones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPresetRanges, type DatePreset, type DateRange, presetRange, startOfWeek, weekdayOf } from './date-presets';

type Expected = Record<DatePreset, [string, string]>;

interface Case {
  title: string;
  timezone: string;
  now: string;
  weekStartsOn: number;
  expected: Expected;
}

const cases: Case[] = [
  {
    title: 'Budapest, 00:30 on the Monday after the spring switch (a CET-only offset still says Sunday)',
    timezone: 'Europe/Budapest',
    now: '2026-03-29T22:30:00Z',
    weekStartsOn: 1,
    expected: {
      today: ['2026-03-30', '2026-03-30'],
      yesterday: ['2026-03-29', '2026-03-29'],
      thisWeek: ['2026-03-30', '2026-03-30'],
      lastWeek: ['2026-03-23', '2026-03-29'],
      last7Days: ['2026-03-24', '2026-03-30'],
      thisMonth: ['2026-03-01', '2026-03-30'],
      lastMonth: ['2026-02-01', '2026-02-28'],
      last30Days: ['2026-03-01', '2026-03-30'],
    },
  },
  {
    title: 'Budapest, the same moment, weeks from Sunday',
    timezone: 'Europe/Budapest',
    now: '2026-03-29T22:30:00Z',
    weekStartsOn: 0,
    expected: {
      today: ['2026-03-30', '2026-03-30'],
      yesterday: ['2026-03-29', '2026-03-29'],
      thisWeek: ['2026-03-29', '2026-03-30'],
      lastWeek: ['2026-03-22', '2026-03-28'],
      last7Days: ['2026-03-24', '2026-03-30'],
      thisMonth: ['2026-03-01', '2026-03-30'],
      lastMonth: ['2026-02-01', '2026-02-28'],
      last30Days: ['2026-03-01', '2026-03-30'],
    },
  },
  {
    title: 'Budapest, 23:59 on the spring switch day, a Sunday',
    timezone: 'Europe/Budapest',
    now: '2026-03-29T21:59:00Z',
    weekStartsOn: 1,
    expected: {
      today: ['2026-03-29', '2026-03-29'],
      yesterday: ['2026-03-28', '2026-03-28'],
      thisWeek: ['2026-03-23', '2026-03-29'],
      lastWeek: ['2026-03-16', '2026-03-22'],
      last7Days: ['2026-03-23', '2026-03-29'],
      thisMonth: ['2026-03-01', '2026-03-29'],
      lastMonth: ['2026-02-01', '2026-02-28'],
      last30Days: ['2026-02-28', '2026-03-29'],
    },
  },
  {
    title: 'Budapest, 23:30 on the autumn switch day, a Sunday (a CEST-only offset already says Monday)',
    timezone: 'Europe/Budapest',
    now: '2026-10-25T22:30:00Z',
    weekStartsOn: 1,
    expected: {
      today: ['2026-10-25', '2026-10-25'],
      yesterday: ['2026-10-24', '2026-10-24'],
      thisWeek: ['2026-10-19', '2026-10-25'],
      lastWeek: ['2026-10-12', '2026-10-18'],
      last7Days: ['2026-10-19', '2026-10-25'],
      thisMonth: ['2026-10-01', '2026-10-25'],
      lastMonth: ['2026-09-01', '2026-09-30'],
      last30Days: ['2026-09-26', '2026-10-25'],
    },
  },
  {
    title: 'Budapest, the autumn switch day, weeks from Sunday',
    timezone: 'Europe/Budapest',
    now: '2026-10-25T22:30:00Z',
    weekStartsOn: 0,
    expected: {
      today: ['2026-10-25', '2026-10-25'],
      yesterday: ['2026-10-24', '2026-10-24'],
      thisWeek: ['2026-10-25', '2026-10-25'],
      lastWeek: ['2026-10-18', '2026-10-24'],
      last7Days: ['2026-10-19', '2026-10-25'],
      thisMonth: ['2026-10-01', '2026-10-25'],
      lastMonth: ['2026-09-01', '2026-09-30'],
      last30Days: ['2026-09-26', '2026-10-25'],
    },
  },
  {
    title: 'Budapest, the first second of 2027 (a Friday)',
    timezone: 'Europe/Budapest',
    now: '2026-12-31T23:00:00Z',
    weekStartsOn: 1,
    expected: {
      today: ['2027-01-01', '2027-01-01'],
      yesterday: ['2026-12-31', '2026-12-31'],
      thisWeek: ['2026-12-28', '2027-01-01'],
      lastWeek: ['2026-12-21', '2026-12-27'],
      last7Days: ['2026-12-26', '2027-01-01'],
      thisMonth: ['2027-01-01', '2027-01-01'],
      lastMonth: ['2026-12-01', '2026-12-31'],
      last30Days: ['2026-12-03', '2027-01-01'],
    },
  },
  {
    title: 'Budapest, the last second of 2026, weeks from Sunday',
    timezone: 'Europe/Budapest',
    now: '2026-12-31T22:59:59Z',
    weekStartsOn: 0,
    expected: {
      today: ['2026-12-31', '2026-12-31'],
      yesterday: ['2026-12-30', '2026-12-30'],
      thisWeek: ['2026-12-27', '2026-12-31'],
      lastWeek: ['2026-12-20', '2026-12-26'],
      last7Days: ['2026-12-25', '2026-12-31'],
      thisMonth: ['2026-12-01', '2026-12-31'],
      lastMonth: ['2026-11-01', '2026-11-30'],
      last30Days: ['2026-12-02', '2026-12-31'],
    },
  },
  {
    title: 'New York, 00:30 on the Monday after its spring switch (an EST-only offset still says Sunday)',
    timezone: 'America/New_York',
    now: '2026-03-09T04:30:00Z',
    weekStartsOn: 1,
    expected: {
      today: ['2026-03-09', '2026-03-09'],
      yesterday: ['2026-03-08', '2026-03-08'],
      thisWeek: ['2026-03-09', '2026-03-09'],
      lastWeek: ['2026-03-02', '2026-03-08'],
      last7Days: ['2026-03-03', '2026-03-09'],
      thisMonth: ['2026-03-01', '2026-03-09'],
      lastMonth: ['2026-02-01', '2026-02-28'],
      last30Days: ['2026-02-08', '2026-03-09'],
    },
  },
  {
    title: 'New York, the same moment, weeks from Sunday',
    timezone: 'America/New_York',
    now: '2026-03-09T04:30:00Z',
    weekStartsOn: 0,
    expected: {
      today: ['2026-03-09', '2026-03-09'],
      yesterday: ['2026-03-08', '2026-03-08'],
      thisWeek: ['2026-03-08', '2026-03-09'],
      lastWeek: ['2026-03-01', '2026-03-07'],
      last7Days: ['2026-03-03', '2026-03-09'],
      thisMonth: ['2026-03-01', '2026-03-09'],
      lastMonth: ['2026-02-01', '2026-02-28'],
      last30Days: ['2026-02-08', '2026-03-09'],
    },
  },
  {
    title: 'New York, 23:30 on its autumn switch day, Sunday 1 November (an EDT-only offset already says Monday)',
    timezone: 'America/New_York',
    now: '2026-11-02T04:30:00Z',
    weekStartsOn: 1,
    expected: {
      today: ['2026-11-01', '2026-11-01'],
      yesterday: ['2026-10-31', '2026-10-31'],
      thisWeek: ['2026-10-26', '2026-11-01'],
      lastWeek: ['2026-10-19', '2026-10-25'],
      last7Days: ['2026-10-26', '2026-11-01'],
      thisMonth: ['2026-11-01', '2026-11-01'],
      lastMonth: ['2026-10-01', '2026-10-31'],
      last30Days: ['2026-10-03', '2026-11-01'],
    },
  },
  {
    title: 'New York, 23:30 on Saturday 24 October, weeks from Sunday (Budapest is already on Sunday 25, its switch day)',
    timezone: 'America/New_York',
    now: '2026-10-25T03:30:00Z',
    weekStartsOn: 0,
    expected: {
      today: ['2026-10-24', '2026-10-24'],
      yesterday: ['2026-10-23', '2026-10-23'],
      thisWeek: ['2026-10-18', '2026-10-24'],
      lastWeek: ['2026-10-11', '2026-10-17'],
      last7Days: ['2026-10-18', '2026-10-24'],
      thisMonth: ['2026-10-01', '2026-10-24'],
      lastMonth: ['2026-09-01', '2026-09-30'],
      last30Days: ['2026-09-25', '2026-10-24'],
    },
  },
  {
    title: 'New York, 23:59 on New Year’s Eve, while it is already 2027 in Budapest and in UTC',
    timezone: 'America/New_York',
    now: '2027-01-01T04:59:00Z',
    weekStartsOn: 1,
    expected: {
      today: ['2026-12-31', '2026-12-31'],
      yesterday: ['2026-12-30', '2026-12-30'],
      thisWeek: ['2026-12-28', '2026-12-31'],
      lastWeek: ['2026-12-21', '2026-12-27'],
      last7Days: ['2026-12-25', '2026-12-31'],
      thisMonth: ['2026-12-01', '2026-12-31'],
      lastMonth: ['2026-11-01', '2026-11-30'],
      last30Days: ['2026-12-02', '2026-12-31'],
    },
  },
  {
    title: 'New York, the first minute of 2027, weeks from Sunday',
    timezone: 'America/New_York',
    now: '2027-01-01T05:00:00Z',
    weekStartsOn: 0,
    expected: {
      today: ['2027-01-01', '2027-01-01'],
      yesterday: ['2026-12-31', '2026-12-31'],
      thisWeek: ['2026-12-27', '2027-01-01'],
      lastWeek: ['2026-12-20', '2026-12-26'],
      last7Days: ['2026-12-26', '2027-01-01'],
      thisMonth: ['2027-01-01', '2027-01-01'],
      lastMonth: ['2026-12-01', '2026-12-31'],
      last30Days: ['2026-12-03', '2027-01-01'],
    },
  },
];

const toRange = ([from, to]: [string, string]): DateRange => ({ from, to });

// The host's own zone must not matter: one far east, one with US DST rules, one with EU DST rules.
describe.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Budapest'])('on a host in %s', (hostTz) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = hostTz;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it.each(cases)('$title', ({ timezone, now, weekStartsOn, expected }) => {
    const ctx = { timezone, weekStartsOn, now: new Date(now) };
    const want = Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, toRange(v)]));
    expect(allPresetRanges(ctx)).toEqual(want);
  });
});

describe('presetRange details', () => {
  it('"Last month" in a leap year ends on 29 February', () => {
    const ctx = { timezone: 'Europe/Budapest', weekStartsOn: 1, now: new Date('2028-03-15T12:00:00Z') };
    expect(presetRange('lastMonth', ctx)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('a week may start on any day (Saturday here)', () => {
    // Thursday 26 November 2026: the week began on Saturday the 21st.
    const ctx = { timezone: 'Europe/Budapest', weekStartsOn: 6, now: new Date('2026-11-26T12:00:00Z') };
    expect(presetRange('thisWeek', ctx)).toEqual({ from: '2026-11-21', to: '2026-11-26' });
    expect(presetRange('lastWeek', ctx)).toEqual({ from: '2026-11-14', to: '2026-11-20' });
  });

  it('a site far east of the host: Kiritimati (UTC+14) is a day ahead', () => {
    const ctx = { timezone: 'Pacific/Kiritimati', weekStartsOn: 1, now: new Date('2026-11-30T10:00:00Z') };
    expect(presetRange('today', ctx)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(presetRange('lastMonth', ctx)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('weekdayOf and startOfWeek work on calendar dates', () => {
    expect(weekdayOf('2026-11-26')).toBe(4); // Thursday
    expect(weekdayOf('2026-03-29')).toBe(0); // Sunday
    expect(startOfWeek('2026-03-29', 1)).toBe('2026-03-23');
    expect(startOfWeek('2026-03-29', 0)).toBe('2026-03-29');
    expect(startOfWeek('2026-03-23', 1)).toBe('2026-03-23');
  });
});
