// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatAgo, formatClockTime, formatDuration, formatList, formatPercent, localDateKey } from './format';

describe('format', () => {
  it('says durations the way the UI does', () => {
    expect(formatDuration(8.9)).toBe('8 s');
    expect(formatDuration(125)).toBe('2 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(3 * 86_400)).toBe('3 d');
    expect(formatAgo(0.4)).toBe('a moment ago');
    expect(formatAgo(8)).toBe('8 s ago');
  });

  it('rounds percentages down so they never contradict the state word', () => {
    expect(formatPercent(0.796)).toMatch(/^79\s?%$/);
    expect(formatPercent(0.999)).toMatch(/^99\s?%$/);
    expect(formatPercent(1.125)).toMatch(/^112\s?%$/);
  });

  it('shows times in the site zone, including half-hour offsets', () => {
    expect(formatClockTime('2026-11-26T00:00:00Z', 'Asia/Kolkata', { seconds: false })).toMatch(/5:30/);
    expect(formatClockTime('2026-11-26T00:00:00Z', 'America/St_Johns', { seconds: false })).toMatch(/8:30/);
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
