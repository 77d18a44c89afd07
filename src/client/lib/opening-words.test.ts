import { describe, expect, it } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import hungarian from '@/client/i18n/catalogs/hu';
import { activate } from '@/client/i18n/i18n';
import { closedNowSentence, opensSentence } from './opening-words';

const BUD = 'Europe/Budapest';
// Thursday 26 November 2026, 23:30 in Budapest (22:30Z).
const NOW = new Date('2026-11-26T22:30:00Z');

describe('opening words', () => {
  it('says today, tomorrow, a weekday within the week, and a date beyond, on the site clock', () => {
    expect(opensSentence(new Date('2026-11-26T22:45:00Z'), BUD, NOW)).toBe('Opens at 23:45');
    // 06:00Z is 07:00 on Friday in Budapest: tomorrow there, though still the 27th in UTC too.
    expect(opensSentence(new Date('2026-11-27T06:00:00Z'), BUD, NOW)).toBe('Opens tomorrow 07:00');
    expect(opensSentence(new Date('2026-11-30T06:00:00Z'), BUD, NOW)).toBe('Opens Monday 07:00');
    expect(opensSentence(new Date('2026-12-07T06:00:00Z'), BUD, NOW)).toBe('Opens Monday 7 December 07:00');
  });

  it('reads the day in the site zone, not the viewer’s or UTC', () => {
    // 23:30Z is 00:30 on the 27th in Budapest (tomorrow there) but 18:30 on the 26th in New York (today).
    expect(opensSentence(new Date('2026-11-26T23:30:00Z'), BUD, NOW)).toBe('Opens tomorrow 00:30');
    expect(opensSentence(new Date('2026-11-26T23:30:00Z'), 'America/New_York', NOW)).toBe('Opens at 18:30');
  });

  it('says when no opening is known, and the dashboard’s notice', () => {
    expect(opensSentence(null, BUD, NOW)).toBe('Not open in the next two weeks');
    expect(closedNowSentence(new Date('2026-11-27T06:00:00Z'), BUD, NOW)).toBe('Closed now · opens tomorrow 07:00');
  });

  it('speaks the active language, on the 24-hour clock', () => {
    activate('de', german);
    expect(opensSentence(new Date('2026-11-27T06:00:00Z'), BUD, NOW)).toBe('Öffnet morgen um 07:00');
    expect(opensSentence(new Date('2026-12-07T13:00:00Z'), BUD, NOW)).toBe('Öffnet am Montag, 7. Dezember um 14:00');
    expect(closedNowSentence(new Date('2026-11-30T06:00:00Z'), BUD, NOW)).toBe('Jetzt geschlossen · öffnet Montag um 07:00');
    activate('hu', hungarian);
    expect(opensSentence(new Date('2026-11-30T13:00:00Z'), BUD, NOW)).toBe('Nyitás: hétfő 14:00');
    expect(opensSentence(null, BUD, NOW)).toBe('A következő két hétben zárva');
  });
});
