// Every expected instant below was worked out by hand from the zone rules (offsets, switch dates),
// not with the code under test, and every case also checks the vendor-arithmetic invariant.
import { describe, expect, it } from 'vitest';
import { type VendorStartParams, VENDOR_TIMEZONE, isValidTimeZone, planDayStart, vendorStartInstant } from './day-start';

interface Case {
  name: string;
  now: string;
  tz: string;
  dayStart?: string;
  utc: string;
  local: string;
  localDate: string;
  params: VendorStartParams;
}

const shift = (timezoneshift_start: string): VendorStartParams => ({ timezoneshift_start });
const full = (date_start: string, time_start: string, timezoneshift_start: string): VendorStartParams => ({
  date_start,
  time_start,
  timezoneshift_start,
});

// prettier-ignore
const cases: Case[] = [
  // Europe/Budapest: CET +1 in winter, CEST +2 from 2026-03-29 01:00Z to 2026-10-25 01:00Z.
  { name: 'Budapest, ordinary winter day', now: '2026-11-26T10:15:00Z', tz: 'Europe/Budapest',
    utc: '2026-11-25T23:00:00.000Z', local: '2026-11-26T00:00:00+01:00', localDate: '2026-11-26', params: shift('1') },
  { name: 'Budapest, winter, exactly at midnight (day start is "at or before")', now: '2026-11-25T23:00:00Z', tz: 'Europe/Budapest',
    utc: '2026-11-25T23:00:00.000Z', local: '2026-11-26T00:00:00+01:00', localDate: '2026-11-26', params: shift('1') },
  { name: 'Budapest, winter, one second before midnight: the vendor date may roll over, so spelled out', now: '2026-11-25T22:59:59Z', tz: 'Europe/Budapest',
    utc: '2026-11-24T23:00:00.000Z', local: '2026-11-25T00:00:00+01:00', localDate: '2026-11-25', params: full('2026-11-25', '000000', '1') },
  { name: 'Budapest, winter, six minutes before midnight: still shift only', now: '2026-11-25T22:54:00Z', tz: 'Europe/Budapest',
    utc: '2026-11-24T23:00:00.000Z', local: '2026-11-25T00:00:00+01:00', localDate: '2026-11-25', params: shift('1') },
  { name: 'Budapest, ordinary summer day', now: '2026-07-15T12:00:00Z', tz: 'Europe/Budapest',
    utc: '2026-07-14T22:00:00.000Z', local: '2026-07-15T00:00:00+02:00', localDate: '2026-07-15', params: shift('2') },
  { name: 'Budapest, spring-forward day, late evening: midnight was still +01:00', now: '2026-03-29T21:30:00Z', tz: 'Europe/Budapest',
    utc: '2026-03-28T23:00:00.000Z', local: '2026-03-29T00:00:00+01:00', localDate: '2026-03-29', params: shift('1') },
  { name: 'Budapest, fall-back day, late evening: midnight was still +02:00', now: '2026-10-25T22:30:00Z', tz: 'Europe/Budapest',
    utc: '2026-10-24T22:00:00.000Z', local: '2026-10-25T00:00:00+02:00', localDate: '2026-10-25', params: shift('2') },

  // Australia/Sydney: AEDT +11 from 2026-10-04 (02:00 → 03:00) to 2026-04-05; AEST +10 in July.
  { name: 'Sydney, November afternoon (Budapest has the same date)', now: '2026-11-26T03:00:00Z', tz: 'Australia/Sydney',
    utc: '2026-11-25T13:00:00.000Z', local: '2026-11-26T00:00:00+11:00', localDate: '2026-11-26', params: shift('11') },
  { name: 'Sydney, November 09:00 = Budapest 23:00 the evening before: date_start sent', now: '2026-11-25T22:00:00Z', tz: 'Australia/Sydney',
    utc: '2026-11-25T13:00:00.000Z', local: '2026-11-26T00:00:00+11:00', localDate: '2026-11-26', params: full('2026-11-26', '000000', '11') },
  { name: 'Sydney, July afternoon', now: '2026-07-15T05:00:00Z', tz: 'Australia/Sydney',
    utc: '2026-07-14T14:00:00.000Z', local: '2026-07-15T00:00:00+10:00', localDate: '2026-07-15', params: shift('10') },
  { name: 'Sydney, July 07:00 = Budapest 23:00 the evening before: date_start sent', now: '2026-07-14T21:00:00Z', tz: 'Australia/Sydney',
    utc: '2026-07-14T14:00:00.000Z', local: '2026-07-15T00:00:00+10:00', localDate: '2026-07-15', params: full('2026-07-15', '000000', '10') },
  { name: 'Sydney, spring-forward day (2026-10-04): midnight was still +10:00', now: '2026-10-04T08:00:00Z', tz: 'Australia/Sydney',
    utc: '2026-10-03T14:00:00.000Z', local: '2026-10-04T00:00:00+10:00', localDate: '2026-10-04', params: shift('10') },

  // America/New_York: EST −5 in November, EDT −4 in July. Budapest is 6 hours ahead either way.
  { name: 'New York, 22:30 in winter = next day in Budapest', now: '2026-11-26T03:30:00Z', tz: 'America/New_York',
    utc: '2026-11-25T05:00:00.000Z', local: '2026-11-25T00:00:00-05:00', localDate: '2026-11-25', params: full('2026-11-25', '000000', '-5') },
  { name: 'New York, 09:00 in winter: shift only', now: '2026-11-25T14:00:00Z', tz: 'America/New_York',
    utc: '2026-11-25T05:00:00.000Z', local: '2026-11-25T00:00:00-05:00', localDate: '2026-11-25', params: shift('-5') },
  { name: 'New York, 17:54 = Budapest 23:54: still shift only', now: '2026-11-25T22:54:00Z', tz: 'America/New_York',
    utc: '2026-11-25T05:00:00.000Z', local: '2026-11-25T00:00:00-05:00', localDate: '2026-11-25', params: shift('-5') },
  { name: 'New York, 17:59:59 = Budapest 23:59:59: within the margin before the vendor date rolls over', now: '2026-11-25T22:59:59Z', tz: 'America/New_York',
    utc: '2026-11-25T05:00:00.000Z', local: '2026-11-25T00:00:00-05:00', localDate: '2026-11-25', params: full('2026-11-25', '000000', '-5') },
  { name: 'New York, 18:00 = Budapest midnight: date_start from here on', now: '2026-11-25T23:00:00Z', tz: 'America/New_York',
    utc: '2026-11-25T05:00:00.000Z', local: '2026-11-25T00:00:00-05:00', localDate: '2026-11-25', params: full('2026-11-25', '000000', '-5') },
  { name: 'New York, 22:30 in summer', now: '2026-07-16T02:30:00Z', tz: 'America/New_York',
    utc: '2026-07-15T04:00:00.000Z', local: '2026-07-15T00:00:00-04:00', localDate: '2026-07-15', params: full('2026-07-15', '000000', '-4') },

  // Offsets that are not whole hours: shift = whole hours (toward zero), the rest in date + time.
  { name: 'Kolkata +05:30', now: '2026-11-26T10:00:00Z', tz: 'Asia/Kolkata',
    utc: '2026-11-25T18:30:00.000Z', local: '2026-11-26T00:00:00+05:30', localDate: '2026-11-26', params: full('2026-11-25', '233000', '5') },
  { name: 'Kathmandu +05:45', now: '2026-11-26T10:00:00Z', tz: 'Asia/Kathmandu',
    utc: '2026-11-25T18:15:00.000Z', local: '2026-11-26T00:00:00+05:45', localDate: '2026-11-26', params: full('2026-11-25', '231500', '5') },
  { name: "St John's −03:30 in winter", now: '2026-11-26T15:00:00Z', tz: 'America/St_Johns',
    utc: '2026-11-26T03:30:00.000Z', local: '2026-11-26T00:00:00-03:30', localDate: '2026-11-26', params: full('2026-11-26', '003000', '-3') },
  { name: "St John's −02:30 in summer", now: '2026-07-15T15:00:00Z', tz: 'America/St_Johns',
    utc: '2026-07-15T02:30:00.000Z', local: '2026-07-15T00:00:00-02:30', localDate: '2026-07-15', params: full('2026-07-15', '003000', '-2') },
  { name: 'Adelaide +10:30 in summer', now: '2026-11-26T03:00:00Z', tz: 'Australia/Adelaide',
    utc: '2026-11-25T13:30:00.000Z', local: '2026-11-26T00:00:00+10:30', localDate: '2026-11-26', params: full('2026-11-25', '233000', '10') },

  // A late-night venue whose business day starts at 04:00.
  { name: 'Budapest, DAY_START 04:00, at 03:30: the day started yesterday 04:00', now: '2026-11-26T02:30:00Z', tz: 'Europe/Budapest', dayStart: '04:00',
    utc: '2026-11-25T03:00:00.000Z', local: '2026-11-25T04:00:00+01:00', localDate: '2026-11-25', params: full('2026-11-25', '040000', '1') },
  { name: 'Budapest, DAY_START 04:00, at 04:30', now: '2026-11-26T03:30:00Z', tz: 'Europe/Budapest', dayStart: '04:00',
    utc: '2026-11-26T03:00:00.000Z', local: '2026-11-26T04:00:00+01:00', localDate: '2026-11-26', params: full('2026-11-26', '040000', '1') },
  { name: 'Budapest, DAY_START 04:00, exactly at 04:00', now: '2026-11-26T03:00:00Z', tz: 'Europe/Budapest', dayStart: '04:00',
    utc: '2026-11-26T03:00:00.000Z', local: '2026-11-26T04:00:00+01:00', localDate: '2026-11-26', params: full('2026-11-26', '040000', '1') },
  { name: 'Budapest, DAY_START 04:00, spring-forward day at 03:30 CEST: yesterday 04:00 CET', now: '2026-03-29T01:30:00Z', tz: 'Europe/Budapest', dayStart: '04:00',
    utc: '2026-03-28T03:00:00.000Z', local: '2026-03-28T04:00:00+01:00', localDate: '2026-03-28', params: full('2026-03-28', '040000', '1') },
  { name: 'Budapest, DAY_START 04:00, spring-forward day at 04:30 CEST', now: '2026-03-29T02:30:00Z', tz: 'Europe/Budapest', dayStart: '04:00',
    utc: '2026-03-29T02:00:00.000Z', local: '2026-03-29T04:00:00+02:00', localDate: '2026-03-29', params: full('2026-03-29', '040000', '2') },

  // A day start skipped by a forward jump resolves to the moment of the jump.
  { name: 'Budapest, DAY_START 02:30 in the spring-forward gap → 03:00 CEST', now: '2026-03-29T10:00:00Z', tz: 'Europe/Budapest', dayStart: '02:30',
    utc: '2026-03-29T01:00:00.000Z', local: '2026-03-29T03:00:00+02:00', localDate: '2026-03-29', params: full('2026-03-29', '030000', '2') },
  { name: 'Budapest, DAY_START 02:30, spring-forward day at 01:45 CET (before the gap)', now: '2026-03-29T00:45:00Z', tz: 'Europe/Budapest', dayStart: '02:30',
    utc: '2026-03-28T01:30:00.000Z', local: '2026-03-28T02:30:00+01:00', localDate: '2026-03-28', params: full('2026-03-28', '023000', '1') },
  { name: 'Santiago, midnight skipped (00:00 → 01:00 on 2026-09-06): full params although the offset is whole', now: '2026-09-06T15:00:00Z', tz: 'America/Santiago',
    utc: '2026-09-06T04:00:00.000Z', local: '2026-09-06T01:00:00-03:00', localDate: '2026-09-06', params: full('2026-09-06', '010000', '-3') },

  // A day start that occurs twice (backward jump) resolves to the earlier instant.
  { name: 'Budapest, DAY_START 02:30 on the fall-back day → the first 02:30 (CEST)', now: '2026-10-25T10:00:00Z', tz: 'Europe/Budapest', dayStart: '02:30',
    utc: '2026-10-25T00:30:00.000Z', local: '2026-10-25T02:30:00+02:00', localDate: '2026-10-25', params: full('2026-10-25', '023000', '2') },
  { name: 'Budapest, DAY_START 02:30, at the second 02:15 (CET): the day already started at the first 02:30', now: '2026-10-25T01:15:00Z', tz: 'Europe/Budapest', dayStart: '02:30',
    utc: '2026-10-25T00:30:00.000Z', local: '2026-10-25T02:30:00+02:00', localDate: '2026-10-25', params: full('2026-10-25', '023000', '2') },
  { name: 'Budapest, DAY_START 02:30, at the first 02:15 (CEST): still yesterday', now: '2026-10-25T00:15:00Z', tz: 'Europe/Budapest', dayStart: '02:30',
    utc: '2026-10-24T00:30:00.000Z', local: '2026-10-24T02:30:00+02:00', localDate: '2026-10-24', params: full('2026-10-24', '023000', '2') },
  { name: 'Havana, midnight occurs twice (01:00 CDT → 00:00 CST on 2026-11-01): the first one', now: '2026-11-01T05:30:00Z', tz: 'America/Havana',
    utc: '2026-11-01T04:00:00.000Z', local: '2026-11-01T00:00:00-04:00', localDate: '2026-11-01', params: shift('-4') },

  // UTC and the far east.
  { name: 'UTC', now: '2026-11-26T10:15:00Z', tz: 'UTC',
    utc: '2026-11-26T00:00:00.000Z', local: '2026-11-26T00:00:00+00:00', localDate: '2026-11-26', params: shift('0') },
  { name: 'UTC at 23:30 = next day in Budapest', now: '2026-11-26T23:30:00Z', tz: 'UTC',
    utc: '2026-11-26T00:00:00.000Z', local: '2026-11-26T00:00:00+00:00', localDate: '2026-11-26', params: full('2026-11-26', '000000', '0') },
  { name: 'Kiritimati +14 at 23:00 (Budapest same date)', now: '2026-11-26T09:00:00Z', tz: 'Pacific/Kiritimati',
    utc: '2026-11-25T10:00:00.000Z', local: '2026-11-26T00:00:00+14:00', localDate: '2026-11-26', params: shift('14') },
  { name: 'Kiritimati +14 at midnight = Budapest 11:00 the day before', now: '2026-11-26T10:00:00Z', tz: 'Pacific/Kiritimati',
    utc: '2026-11-26T10:00:00.000Z', local: '2026-11-27T00:00:00+14:00', localDate: '2026-11-27', params: full('2026-11-27', '000000', '14') },
];

describe('planDayStart', () => {
  it.each(cases)('$name', (c) => {
    const now = new Date(c.now);
    const plan = planDayStart(now, c.tz, c.dayStart);

    expect(plan.utc.toISOString()).toBe(c.utc);
    expect(plan.local).toBe(c.local);
    expect(plan.localDate).toBe(c.localDate);
    expect(plan.timezone).toBe(c.tz);
    expect(plan.vendorParams).toStrictEqual(c.params);
    // The invariant: the vendor's own arithmetic on our params lands exactly on our instant.
    expect(vendorStartInstant(plan.vendorParams, now).toISOString()).toBe(c.utc);
  });

  it('defaults DAY_START to 00:00', () => {
    const now = new Date('2026-11-26T10:15:00Z');
    expect(planDayStart(now, 'Europe/Budapest')).toStrictEqual(planDayStart(now, 'Europe/Budapest', '00:00'));
  });

  it('rejects an unknown zone, a malformed day start and an invalid now', () => {
    const now = new Date('2026-11-26T10:15:00Z');
    expect(() => planDayStart(now, 'Europe/Budapes')).toThrow(RangeError);
    expect(() => planDayStart(now, '+01:00')).toThrow(RangeError);
    for (const bad of ['4:00', '24:00', '04:60', '0400', '04:00:00', '']) {
      expect(() => planDayStart(now, 'Europe/Budapest', bad)).toThrow(RangeError);
    }
    expect(() => planDayStart(new Date('nope'), 'Europe/Budapest')).toThrow(RangeError);
  });

  // Not an expectation from the code under test, but properties any correct plan has, swept
  // over a whole year (both DST switches in each hemisphere) in zones with awkward rules.
  it.each([
    'Europe/Budapest',
    'Australia/Sydney',
    'America/New_York',
    'Asia/Kolkata',
    'America/St_Johns',
    'Australia/Lord_Howe', // 30-minute DST
    'America/Santiago', // switches at midnight
    'UTC',
  ])('holds the invariant all year in %s', (tz) => {
    const step = 197 * 60_000; // 3 h 17 min: walks through every time of day over the year
    const failures: string[] = []; // collected, not expect()ed one by one, to keep the sweep fast
    for (const dayStart of ['00:00', '02:30', '04:00']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += step) {
        const now = new Date(t);
        const plan = planDayStart(now, tz, dayStart);
        const start = plan.utc.getTime();
        const wall = plan.local.slice(11, 16);
        const problems = [
          vendorStartInstant(plan.vendorParams, now).getTime() !== start && 'vendor lands elsewhere',
          start > t && 'starts in the future',
          t - start >= 25 * 3_600_000 && 'not the most recent start',
          plan.local.slice(0, 10) !== plan.localDate && 'local date mismatch',
          // The wall clock shows DAY_START, or a gap's end (never past 03:00) when it was skipped.
          wall !== dayStart && !(wall > dayStart && wall <= '03:00') && `wall clock reads ${wall}`,
          !plan.vendorParams.date_start !== !plan.vendorParams.time_start && 'date_start without time_start',
        ].filter(Boolean);
        if (problems.length) failures.push(`${now.toISOString()} ${dayStart}: ${problems.join(', ')}`);
      }
    }
    expect(failures).toStrictEqual([]);
  });
});

describe('vendorStartInstant', () => {
  const now = new Date('2026-11-26T10:15:00Z'); // Budapest: 2026-11-26 11:15

  it('uses Budapest today, 00:00:00 and shift 2 when nothing is sent', () => {
    expect(vendorStartInstant({}, now).toISOString()).toBe('2026-11-25T22:00:00.000Z');
    // Budapest is already on the 26th at 00:30, while UTC is still on the 25th.
    expect(vendorStartInstant({}, new Date('2026-11-25T23:30:00Z')).toISOString()).toBe('2026-11-25T22:00:00.000Z');
    expect(vendorStartInstant({}, new Date('2026-11-25T22:30:00Z')).toISOString()).toBe('2026-11-24T22:00:00.000Z');
  });

  it('subtracts the shift from the naive date and time', () => {
    // The vendor's own example: since 08:30 local time on 2027-09-19.
    expect(vendorStartInstant(full('2027-09-19', '083000', '2'), now).toISOString()).toBe('2027-09-19T06:30:00.000Z');
    expect(vendorStartInstant(full('2026-11-25', '000000', '-5'), now).toISOString()).toBe('2026-11-25T05:00:00.000Z');
    expect(vendorStartInstant(shift('1'), now).toISOString()).toBe('2026-11-25T23:00:00.000Z');
  });

  it('falls back silently on an invalid date or time, as the vendor does', () => {
    expect(vendorStartInstant(full('2026-02-30', '083000', '1'), now).toISOString()).toBe('2026-11-26T07:30:00.000Z');
    expect(vendorStartInstant(full('2026-11-20', '250000', '1'), now).toISOString()).toBe('2026-11-19T23:00:00.000Z');
    expect(vendorStartInstant({ timezoneshift_start: 'x' }, now).toISOString()).toBe('2026-11-25T22:00:00.000Z');
  });

  it('names the vendor zone', () => {
    expect(VENDOR_TIMEZONE).toBe('Europe/Budapest');
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/Budapest', 'America/St_Johns', 'Asia/Kathmandu', 'UTC', 'Etc/GMT+5'])('accepts %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each(['Europe/Budapes', 'Mars/Olympus_Mons', '', ' ', '+01:00', '-0330', '1'])('rejects %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});
