// Expected instants are worked out by hand from the zone rules (Budapest: CET +01:00, CEST +02:00
// from 2026-03-29 02:00 to 2026-10-25 03:00 local), not with the code under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closedIntervals, isOpenAt, type OpeningHours, openingHoursSchema, openStateAt, weekdayOf, WEEKDAYS } from './opening-hours';

const BUD = 'Europe/Budapest';
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const hoursOf = (input: unknown): OpeningHours => openingHoursSchema.parse(input);

describe('weekdayOf', () => {
  it('names the weekday of a calendar date', () => {
    expect(weekdayOf('2026-11-30')).toBe('mon');
    expect(weekdayOf('2026-12-06')).toBe('sun');
    expect(weekdayOf('2026-03-29')).toBe('sun');
  });
});

describe('openStateAt', () => {
  it('is always open without hours', () => {
    expect(openStateAt(null, BUD, at('2026-11-30T03:00:00Z'))).toEqual({ open: true, closesAt: null, nextOpen: null });
    expect(closedIntervals(null, BUD, at('2026-11-30T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toEqual([]);
  });

  const mondays = hoursOf({ weekly: { mon: [['07:00', '22:00']] } });

  it('is open within a weekday span, closing at its end in the site zone', () => {
    // Monday 2026-11-30, 11:00 CET
    expect(openStateAt(mondays, BUD, at('2026-11-30T10:00:00Z'))).toEqual({ open: true, closesAt: at('2026-11-30T21:00:00Z'), nextOpen: null });
  });

  it('is closed after it, with the next opening a week later; a day not listed is closed', () => {
    expect(openStateAt(mondays, BUD, at('2026-11-30T21:00:00Z'))).toEqual({ open: false, closesAt: null, nextOpen: at('2026-12-07T06:00:00Z') });
    expect(openStateAt(mondays, BUD, at('2026-12-01T10:00:00Z')).open).toBe(false);
  });

  it('reads the wall clock of the site zone, not of UTC', () => {
    // 06:30 UTC on Monday is 07:30 in Budapest (open) but 01:30 in New York (closed).
    expect(isOpenAt(mondays, BUD, at('2026-11-30T06:30:00Z'))).toBe(true);
    expect(isOpenAt(mondays, 'America/New_York', at('2026-11-30T06:30:00Z'))).toBe(false);
    expect(openStateAt(mondays, 'America/New_York', at('2026-11-30T06:30:00Z')).nextOpen).toEqual(at('2026-11-30T12:00:00Z'));
  });

  it('runs a span past midnight into the next day', () => {
    const nights = hoursOf({ weekly: { fri: [['22:00', '02:00']] } });
    // Saturday 2026-12-05 01:00 CET
    expect(openStateAt(nights, BUD, at('2026-12-05T00:00:00Z'))).toEqual({ open: true, closesAt: at('2026-12-05T01:00:00Z'), nextOpen: null });
    expect(isOpenAt(nights, BUD, at('2026-12-05T01:00:00Z'))).toBe(false);
    expect(isOpenAt(nights, BUD, at('2026-12-04T20:59:00Z'))).toBe(false);
  });

  it('lets a closed date close its own spans but not the night that began the evening before', () => {
    const hours = hoursOf({ weekly: { fri: [['22:00', '02:00']], sat: [['10:00', '12:00']] }, closed: ['2026-12-05'] });
    expect(isOpenAt(hours, BUD, at('2026-12-05T00:30:00Z'))).toBe(true); // Sat 01:30, Friday's night
    expect(openStateAt(hours, BUD, at('2026-12-05T10:00:00Z'))).toEqual({ open: false, closesAt: null, nextOpen: at('2026-12-11T21:00:00Z') });
  });

  it('uses a special date’s hours instead of its weekday’s; special [] closes the date', () => {
    const hours = hoursOf({
      weekly: { mon: [['07:00', '22:00']], tue: [['07:00', '22:00']] },
      special: [
        { date: '2026-11-30', spans: [['12:00', '14:00']] },
        { date: '2026-12-01', spans: [] },
      ],
    });
    expect(isOpenAt(hours, BUD, at('2026-11-30T07:00:00Z'))).toBe(false);
    expect(openStateAt(hours, BUD, at('2026-11-30T11:30:00Z'))).toEqual({ open: true, closesAt: at('2026-11-30T13:00:00Z'), nextOpen: null });
    expect(openStateAt(hours, BUD, at('2026-11-30T14:00:00Z')).nextOpen).toEqual(at('2026-12-07T06:00:00Z'));
  });

  it('keeps several spans a day apart and runs touching spans on as one stretch', () => {
    const split = hoursOf({
      weekly: {
        mon: [
          ['07:00', '12:00'],
          ['14:00', '22:00'],
        ],
      },
    });
    expect(openStateAt(split, BUD, at('2026-11-30T12:00:00Z'))).toEqual({ open: false, closesAt: null, nextOpen: at('2026-11-30T13:00:00Z') });
    const touching = hoursOf({ weekly: { mon: [['22:00', '24:00']], tue: [['00:00', '02:00']] } });
    expect(openStateAt(touching, BUD, at('2026-11-30T22:00:00Z'))).toEqual({ open: true, closesAt: at('2026-12-01T01:00:00Z'), nextOpen: null });
  });

  it('says no closing when open all day every day, and no opening when none is within 14 days', () => {
    const allDay = hoursOf({ weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [['00:00', '24:00']]])) });
    expect(openStateAt(allDay, BUD, at('2026-11-30T10:00:00Z'))).toEqual({ open: true, closesAt: null, nextOpen: null });
    const far = hoursOf({ special: [{ date: '2026-12-20', spans: [['09:00', '17:00']] }] });
    expect(openStateAt(far, BUD, at('2026-11-30T10:00:00Z'))).toEqual({ open: false, closesAt: null, nextOpen: null });
    expect(openStateAt(far, BUD, at('2026-12-10T10:00:00Z')).nextOpen).toEqual(at('2026-12-20T08:00:00Z'));
  });
});

describe('DST switch days (Europe/Budapest)', () => {
  it('makes 22:00–06:00 seven real hours the night clocks go forward', () => {
    const hours = hoursOf({ weekly: { sat: [['22:00', '06:00']] } });
    // Sat 2026-03-28 22:00 CET = 21:00Z; Sun 06:00 CEST = 04:00Z.
    const state = openStateAt(hours, BUD, at('2026-03-28T21:00:00Z'));
    expect(state).toEqual({ open: true, closesAt: at('2026-03-29T04:00:00Z'), nextOpen: null });
    expect((state.closesAt?.getTime() ?? 0) - at('2026-03-28T21:00:00Z').getTime()).toBe(7 * HOUR);
  });

  it('makes 22:00–06:00 nine real hours the night clocks go back', () => {
    const hours = hoursOf({ weekly: { sat: [['22:00', '06:00']] } });
    // Sat 2026-10-24 22:00 CEST = 20:00Z; Sun 06:00 CET = 05:00Z.
    const closed = closedIntervals(hours, BUD, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'));
    expect(closed).toEqual([
      { start: at('2026-10-24T12:00:00Z'), end: at('2026-10-24T20:00:00Z') },
      { start: at('2026-10-25T05:00:00Z'), end: at('2026-10-25T12:00:00Z') },
    ]);
  });

  it('opens a span starting in the skipped hour at the jump; a span wholly in the gap is closed', () => {
    const late = hoursOf({ special: [{ date: '2026-03-29', spans: [['02:30', '10:00']] }] });
    // 02:30 does not exist that day: the clock jumps from 02:00 CET (01:00Z) to 03:00 CEST.
    expect(isOpenAt(late, BUD, at('2026-03-29T00:59:00Z'))).toBe(false);
    expect(openStateAt(late, BUD, at('2026-03-29T00:00:00Z')).nextOpen).toEqual(at('2026-03-29T01:00:00Z'));
    const inGap = hoursOf({ special: [{ date: '2026-03-29', spans: [['02:00', '02:45']] }] });
    expect(openStateAt(inGap, BUD, at('2026-03-29T00:00:00Z'))).toEqual({ open: false, closesAt: null, nextOpen: null });
  });

  it('reads a time that occurs twice as its first occurrence', () => {
    // 2026-10-25 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    const hours = hoursOf({ special: [{ date: '2026-10-25', spans: [['02:30', '12:00']] }] });
    expect(openStateAt(hours, BUD, at('2026-10-25T00:00:00Z')).nextOpen).toEqual(at('2026-10-25T00:30:00Z'));
  });

  it('follows the southern hemisphere’s switch (Sydney goes forward in October)', () => {
    // 2026-10-04 02:00 AEST (+10) becomes 03:00 AEDT (+11); 00:00 +10 = 14:00Z the day before.
    const hours = hoursOf({ weekly: { sat: [['20:00', '08:00']] } });
    const state = openStateAt(hours, 'Australia/Sydney', at('2026-10-03T12:00:00Z'));
    expect(state.closesAt).toEqual(at('2026-10-03T21:00:00Z')); // 08:00 +11
    // It opened at 20:00 +10 (10:00Z): 11 real hours to 08:00 +11.
    expect(closedIntervals(hours, 'Australia/Sydney', at('2026-10-03T00:00:00Z'), at('2026-10-04T00:00:00Z'))).toEqual([
      { start: at('2026-10-03T00:00:00Z'), end: at('2026-10-03T10:00:00Z') },
      { start: at('2026-10-03T21:00:00Z'), end: at('2026-10-04T00:00:00Z') },
    ]);
  });
});

describe('properties', () => {
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const span = fc.tuple(time, fc.oneof(time, fc.constant('24:00'))).filter(([s, e]) => s !== e);
  const weekly = fc.dictionary(fc.constantFrom(...WEEKDAYS), fc.array(span, { maxLength: 3 }));
  const dates = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 2, 1 + n)).toISOString().slice(0, 10));
  const hours = fc
    .record({
      weekly,
      closed: fc.array(dates, { maxLength: 3 }),
      special: fc.uniqueArray(fc.record({ date: dates, spans: fc.array(span, { maxLength: 2 }) }), { selector: (s) => s.date, maxLength: 3 }),
    })
    .map((h) => hoursOf(h));
  // March and April 2026: the spring switch inside.
  const instant = fc.integer({ min: Date.UTC(2026, 2, 10), max: Date.UTC(2026, 3, 20) }).map((ms) => new Date(ms - (ms % 60_000)));
  const zone = fc.constantFrom(BUD, 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'UTC');

  it('agrees with the closed intervals around any instant', () => {
    fc.assert(
      fc.property(hours, zone, instant, (h, tz, t) => {
        const closed = closedIntervals(h, tz, new Date(t.getTime() - 2 * 86_400_000), new Date(t.getTime() + 2 * 86_400_000));
        const inClosed = closed.some((i) => i.start.getTime() <= t.getTime() && t.getTime() < i.end.getTime());
        expect(isOpenAt(h, tz, t)).toBe(!inClosed);
      }),
      { numRuns: 150 },
    );
  });

  it('turns at the instant it names: closed at closesAt, open at nextOpen, unchanged a minute before', () => {
    fc.assert(
      fc.property(hours, zone, instant, (h, tz, t) => {
        const state = openStateAt(h, tz, t);
        const turn = state.open ? state.closesAt : state.nextOpen;
        if (turn === null) return;
        expect(turn.getTime()).toBeGreaterThan(t.getTime());
        expect(isOpenAt(h, tz, turn)).toBe(!state.open);
        expect(isOpenAt(h, tz, new Date(turn.getTime() - 60_000))).toBe(state.open);
      }),
      { numRuns: 150 },
    );
  });
});
