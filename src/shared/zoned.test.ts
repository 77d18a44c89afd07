// Expected values are worked out by hand from the zone rules, not with the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysToDateString, formatInZone, localTimeToUtc, startOfLocalDay, todayIn, zonedIso, zoneOffsetMs } from './zoned';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('todayIn', () => {
  it('reads the date on the wall clock of the zone, not of UTC', () => {
    const now = at('2026-11-26T03:30:00Z');
    expect(todayIn('America/New_York', now)).toBe('2026-11-25'); // 22:30 EST
    expect(todayIn('Europe/Budapest', now)).toBe('2026-11-26'); // 04:30 CET
    expect(todayIn('UTC', now)).toBe('2026-11-26');
    expect(todayIn('Pacific/Kiritimati', at('2026-11-26T10:00:00Z'))).toBe('2026-11-27'); // 00:00 +14
    expect(todayIn('Pacific/Pago_Pago', at('2026-11-26T10:00:00Z'))).toBe('2026-11-25'); // 23:00 −11
  });
});

describe('zonedIso', () => {
  it.each([
    ['2026-11-25T23:00:00Z', 'Europe/Budapest', '2026-11-26T00:00:00+01:00'],
    ['2026-03-29T00:59:59Z', 'Europe/Budapest', '2026-03-29T01:59:59+01:00'], // last second of CET
    ['2026-03-29T01:00:00Z', 'Europe/Budapest', '2026-03-29T03:00:00+02:00'], // first second of CEST
    ['2026-10-25T00:30:00Z', 'Europe/Budapest', '2026-10-25T02:30:00+02:00'], // 02:30, first time
    ['2026-10-25T01:30:00Z', 'Europe/Budapest', '2026-10-25T02:30:00+01:00'], // 02:30, second time
    ['2026-11-26T03:30:00Z', 'America/St_Johns', '2026-11-26T00:00:00-03:30'],
    ['2026-11-25T18:15:00Z', 'Asia/Kathmandu', '2026-11-26T00:00:00+05:45'],
    ['2026-11-26T10:15:00Z', 'UTC', '2026-11-26T10:15:00+00:00'],
  ])('%s in %s is %s', (iso, tz, expected) => {
    expect(zonedIso(at(iso), tz)).toBe(expected);
  });
});

describe('formatInZone', () => {
  it('formats date-fns patterns on the zone’s wall clock, offset tokens included', () => {
    const d = at('2026-11-26T03:30:00Z');
    expect(formatInZone(d, 'America/New_York', 'EEE d MMM yyyy, HH:mm xxx')).toBe('Wed 25 Nov 2026, 22:30 -05:00');
    expect(formatInZone(d, 'Asia/Kolkata', 'HH:mm')).toBe('09:00');
  });

  it('throws on an unknown zone', () => {
    expect(() => formatInZone(at('2026-11-26T03:30:00Z'), 'Mars/Olympus_Mons', 'HH:mm')).toThrow(RangeError);
  });

  // date-fns-tz's formatInTimeZone rebuilds the wall time in the host's local fields, so a wall
  // time inside the host's own DST gap comes out an hour late. Run with a Budapest host.
  describe('on a host in another DST zone', () => {
    const hostTz = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'Europe/Budapest';
    });
    afterAll(() => {
      if (hostTz === undefined) delete process.env.TZ;
      else process.env.TZ = hostTz;
    });

    it('is not shifted by the host’s DST gap', () => {
      // Guard: the host zone really switched, or this test proves nothing (02:30 UTC+1 is in the gap).
      expect(new Date(2026, 2, 29, 2, 30).getHours()).toBe(3);
      // 06:30Z on 2026-03-29 is 02:30 EDT in New York: an ordinary time there, a gap time here.
      const d = at('2026-03-29T06:30:00Z');
      expect(formatInZone(d, 'America/New_York', 'yyyy-MM-dd HH:mm EEE')).toBe('2026-03-29 02:30 Sun');
      expect(zonedIso(d, 'America/New_York')).toBe('2026-03-29T02:30:00-04:00');
      expect(todayIn('America/New_York', at('2026-03-29T06:30:00Z'))).toBe('2026-03-29');
      expect(zoneOffsetMs(d, 'America/New_York')).toBe(-4 * HOUR);
    });
  });
});

describe('zoneOffsetMs', () => {
  it('reads the offset in force at the instant', () => {
    expect(zoneOffsetMs(at('2026-03-29T00:59:59Z'), 'Europe/Budapest')).toBe(1 * HOUR);
    expect(zoneOffsetMs(at('2026-03-29T01:00:00Z'), 'Europe/Budapest')).toBe(2 * HOUR);
    expect(zoneOffsetMs(at('2026-11-26T03:30:00Z'), 'America/St_Johns')).toBe(-3.5 * HOUR);
    expect(zoneOffsetMs(at('2026-11-26T03:30:00Z'), 'UTC')).toBe(0);
  });
});

describe('startOfLocalDay', () => {
  it.each([
    ['2026-11-26', 'Europe/Budapest', '2026-11-25T23:00:00.000Z'],
    ['2026-03-29', 'Europe/Budapest', '2026-03-28T23:00:00.000Z'], // switch day: midnight still +01:00
    ['2026-10-25', 'Europe/Budapest', '2026-10-24T22:00:00.000Z'], // switch day: midnight still +02:00
    ['2026-10-04', 'Australia/Sydney', '2026-10-03T14:00:00.000Z'], // spring forward: +10:00
    ['2026-04-05', 'Australia/Sydney', '2026-04-04T13:00:00.000Z'], // fall back: +11:00
    ['2026-11-26', 'America/St_Johns', '2026-11-26T03:30:00.000Z'],
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'], // 00:00 skipped → 01:00 −03:00
    ['2026-11-01', 'America/Havana', '2026-11-01T04:00:00.000Z'], // 00:00 twice → the −04:00 one
    ['2026-11-26', 'UTC', '2026-11-26T00:00:00.000Z'],
  ])('%s in %s starts at %s', (date, tz, expected) => {
    expect(startOfLocalDay(date, tz).toISOString()).toBe(expected);
  });
});

describe('localTimeToUtc', () => {
  it.each([
    ['2026-11-26', '04:00', 'Europe/Budapest', '2026-11-26T03:00:00.000Z'],
    ['2026-03-29', '01:59', 'Europe/Budapest', '2026-03-29T00:59:00.000Z'], // just before the gap
    ['2026-03-29', '02:00', 'Europe/Budapest', '2026-03-29T01:00:00.000Z'], // gap → its end, 03:00 CEST
    ['2026-03-29', '02:30', 'Europe/Budapest', '2026-03-29T01:00:00.000Z'], // gap → its end, 03:00 CEST
    ['2026-03-29', '03:00', 'Europe/Budapest', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25', '02:00', 'Europe/Budapest', '2026-10-25T00:00:00.000Z'], // twice → 02:00 CEST
    ['2026-10-25', '02:30', 'Europe/Budapest', '2026-10-25T00:30:00.000Z'], // twice → 02:30 CEST
    ['2026-10-25', '03:00', 'Europe/Budapest', '2026-10-25T02:00:00.000Z'], // once, CET
    ['2026-10-04', '02:15', 'Australia/Lord_Howe', '2026-10-03T15:30:00.000Z'], // 30-minute gap → 02:30 +11
    ['2026-11-25', '22:30', 'America/New_York', '2026-11-26T03:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, tz, expected) => {
    expect(localTimeToUtc(date, time, tz).toISOString()).toBe(expected);
  });

  it('rejects malformed input', () => {
    expect(() => localTimeToUtc('2026-02-30', '00:00', 'UTC')).toThrow(RangeError);
    expect(() => localTimeToUtc('2026-2-3', '00:00', 'UTC')).toThrow(RangeError);
    expect(() => localTimeToUtc('2026-11-26', '24:00', 'UTC')).toThrow(RangeError);
    expect(() => localTimeToUtc('2026-11-26', '4:00', 'UTC')).toThrow(RangeError);
    expect(() => localTimeToUtc('2026-11-26', '00:00', 'Europe/Budapes')).toThrow(RangeError);
  });
});

describe('addDaysToDateString', () => {
  it.each([
    ['2026-11-26', 1, '2026-11-27'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 1, '2026-03-29'], // a DST switch changes nothing on the calendar
    ['2026-11-26', 0, '2026-11-26'],
    ['2026-01-01', -366, '2024-12-31'],
  ])('%s %+d days is %s', (date, n, expected) => {
    expect(addDaysToDateString(date, n)).toBe(expected);
  });

  it('rejects what is not a calendar date or a whole number of days', () => {
    expect(() => addDaysToDateString('2026-02-29', 1)).toThrow(RangeError);
    expect(() => addDaysToDateString('26-11-26', 1)).toThrow(RangeError);
    expect(() => addDaysToDateString('2026-11-26', 0.5)).toThrow(RangeError);
  });
});
