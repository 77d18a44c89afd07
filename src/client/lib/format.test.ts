// @vitest-environment node
import english from '@/client/i18n/catalogs/en';
import german from '@/client/i18n/catalogs/de';
import hungarian from '@/client/i18n/catalogs/hu';
import { describe, expect, it } from 'vitest';
import { activate } from '@/client/i18n/i18n';
import { formatAgo, formatClockTime, formatCount, formatDuration, formatList, formatPercent, localDateKey } from './format';

describe('format', () => {
  it('says durations the way the UI does', () => {
    expect(formatDuration(8.9)).toBe('8 s');
    expect(formatDuration(125)).toBe('2 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(3 * 86_400)).toBe('3 d');
    expect(formatDuration(1083 * 86_400)).toBe('1,083 d');
    expect(formatAgo(0.4)).toBe('a moment ago');
    expect(formatAgo(8)).toBe('8 s ago');
  });

  it('speaks the active language, not the browser’s', () => {
    activate('de', german);
    expect(formatAgo(12)).toBe('vor 12 s');
    expect(formatDuration(3900)).toBe('1 Std. 5 Min.');
    expect(formatCount(1083)).toBe('1.083');
    expect(formatClockTime('2026-11-26T16:24:00Z', 'Europe/Budapest', { seconds: false })).toMatch(/^17:24/);
    expect(formatList(['Nord', 'Süd'])).toBe('Nord und Süd');
    activate('hu', hungarian);
    expect(formatCount(1083)).toBe('1\u00a0083');
    expect(formatAgo(125)).toBe('2 perc ezelőtt');
    activate('en', english);
    expect(formatCount(1083)).toBe('1,083');
    expect(formatClockTime('2026-11-26T16:24:00Z', 'Europe/Budapest', { seconds: false })).toMatch(/^17:24/);
  });

  it('rounds percentages down so they never contradict the state word', () => {
    expect(formatPercent(0.796)).toMatch(/^79\s?%$/);
    expect(formatPercent(0.999)).toMatch(/^99\s?%$/);
    expect(formatPercent(1.125)).toMatch(/^112\s?%$/);
  });

  it('shows times in the site zone, including half-hour offsets', () => {
    expect(formatClockTime('2026-11-26T00:00:00Z', 'Asia/Kolkata', { seconds: false })).toMatch(/^05:30/);
    expect(formatClockTime('2026-11-26T00:00:00Z', 'America/St_Johns', { seconds: false })).toMatch(/^20:30/);
    expect(localDateKey('2026-11-26T03:00:00Z', 'America/New_York')).toBe('2026-11-25');
  });

  it('falls back to the browser zone for an unknown zone instead of crashing', () => {
    expect(() => formatClockTime('2026-11-26T00:00:00Z', 'Mars/Olympus')).not.toThrow();
  });
});

describe('formatList', () => {
  it('joins names as a sentence lists them', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['Café door'])).toBe('Café door');
    expect(formatList(['Pool entrance', 'Pool exit'])).toBe('Pool entrance and Pool exit');
    expect(formatList(['91', '92', '93'])).toBe('91, 92 and 93');
  });
});
