import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatUtc, localToUtcMinute, parseVendorDate, parseVendorTime, vendorToday, zoneOffset } from './time';

const minuteOf = (iso: string) => Date.parse(iso) / 60_000;
const isoOfMinute = (m: number) => new Date(m * 60_000).toISOString();

describe('calendar arithmetic', () => {
  it('round-trips day numbers across leap years and centuries', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [2024, 12, 31],
      [2026, 3, 29],
      [2100, 3, 1],
    ] as const) {
      const days = daysFromCivil(y, m, d);
      expect(days).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(civilFromDays(days)).toEqual({ year: y, month: m, day: d });
    }
  });

  it('writes instants the vendor way', () => {
    expect(formatUtc(Date.parse('2026-11-26T10:15:03.999Z'))).toBe('2026-11-26 10:15:03');
  });

  it('accepts only real YYYY-MM-DD dates and HHMMSS times', () => {
    expect(parseVendorDate('2026-11-25')).toBe(daysFromCivil(2026, 11, 25));
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '26-11-2026', '2026-1-5', '2026-11-25 ', '', 'today', undefined]) {
      expect(parseVendorDate(bad), String(bad)).toBeNull();
    }
    expect(parseVendorTime('083015')).toBe(8 * 3600 + 30 * 60 + 15);
    for (const bad of ['240000', '236000', '235960', '0830', '08:30:15', 'abcdef', '', undefined]) {
      expect(parseVendorTime(bad), String(bad)).toBeNull();
    }
  });
});

describe('zones', () => {
  it('knows Budapest, London and New York offsets in both seasons', () => {
    expect(zoneOffset('Europe/Budapest', minuteOf('2026-01-15T12:00:00Z'))).toBe(60);
    expect(zoneOffset('Europe/Budapest', minuteOf('2026-07-15T12:00:00Z'))).toBe(120);
    expect(zoneOffset('Europe/London', minuteOf('2026-07-15T12:00:00Z'))).toBe(60);
    expect(zoneOffset('America/New_York', minuteOf('2026-11-26T12:00:00Z'))).toBe(-300);
    expect(zoneOffset('Asia/Kathmandu', minuteOf('2026-11-26T12:00:00Z'))).toBe(345);
  });

  it('switches exactly at the transition instant', () => {
    expect(zoneOffset('Europe/Budapest', minuteOf('2026-03-29T00:59:00Z'))).toBe(60);
    expect(zoneOffset('Europe/Budapest', minuteOf('2026-03-29T01:00:00Z'))).toBe(120);
    expect(zoneOffset('Europe/Budapest', minuteOf('2026-10-25T00:59:00Z'))).toBe(120);
    expect(zoneOffset('Europe/Budapest', minuteOf('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('handles a zone whose switch is not on a UTC hour (Lord Howe moves by 30 min at 02:00 local)', () => {
    // 2026-10-04 02:00 LHST (+10:30) = 2026-10-03T15:30Z, clocks go to 02:30 (+11).
    expect(zoneOffset('Australia/Lord_Howe', minuteOf('2026-10-03T15:29:00Z'))).toBe(630);
    expect(zoneOffset('Australia/Lord_Howe', minuteOf('2026-10-03T15:30:00Z'))).toBe(660);
  });

  it('finds the UTC instant of a local midnight, including DST switch days', () => {
    const local = (y: number, m: number, d: number, hh = 0) => daysFromCivil(y, m, d) * 1440 + hh * 60;
    expect(isoOfMinute(localToUtcMinute('Europe/Budapest', local(2026, 11, 26)))).toBe('2026-11-25T23:00:00.000Z');
    expect(isoOfMinute(localToUtcMinute('Europe/Budapest', local(2026, 7, 1)))).toBe('2026-06-30T22:00:00.000Z');
    expect(isoOfMinute(localToUtcMinute('America/New_York', local(2026, 11, 26)))).toBe('2026-11-26T05:00:00.000Z');
    // 02:30 does not exist in Budapest on 2026-03-29: the switch instant is the answer.
    expect(isoOfMinute(localToUtcMinute('Europe/Budapest', local(2026, 3, 29, 2) + 30))).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 exists twice on 2026-10-25: the earlier one.
    expect(isoOfMinute(localToUtcMinute('Europe/Budapest', local(2026, 10, 25, 2) + 30))).toBe('2026-10-25T00:30:00.000Z');
    // Santiago skips local midnight (00:00 → 01:00) on 2026-09-06: the day starts at the switch.
    expect(isoOfMinute(localToUtcMinute('America/Santiago', local(2026, 9, 6)))).toBe('2026-09-06T04:00:00.000Z');
  });

  it("takes the vendor's today from Budapest's calendar", () => {
    expect(vendorToday(Date.parse('2026-11-26T22:59:59Z'))).toBe(daysFromCivil(2026, 11, 26));
    expect(vendorToday(Date.parse('2026-11-26T23:00:00Z'))).toBe(daysFromCivil(2026, 11, 27));
    expect(vendorToday(Date.parse('2026-07-15T22:00:00Z'))).toBe(daysFromCivil(2026, 7, 16));
  });
});
