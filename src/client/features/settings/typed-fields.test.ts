import { describe, expect, it } from 'vitest';
import { formatDate, parseDate, parseTime, tidyDate, tidyTime } from './typed-fields';

describe('times typed as text, 24-hour in every language', () => {
  it('understands 7:00, 07:00, 0700, 7.00 and 7, and refuses AM/PM and impossible times', () => {
    for (const typed of ['7:00', '07:00', '0700', '700', '7.00', '7', ' 7:00 ']) expect(parseTime(typed)).toBe('07:00');
    expect(parseTime('22:30')).toBe('22:30');
    expect(parseTime('0:00')).toBe('00:00');
    for (const typed of ['7:00 PM', '5:24 PM', '24:00', '7:60', '12345', '', 'seven']) expect(parseTime(typed)).toBeNull();
    expect(tidyTime('730')).toBe('07:30');
    expect(tidyTime(' 7:30 PM ')).toBe('7:30 PM');
  });
});

describe('dates typed as text: ISO, or the language’s own order', () => {
  it('understands 2026-11-28, 28.11.2026, 2026. 11. 28. and 28/11/2026, and refuses what is no date', () => {
    for (const typed of ['2026-11-28', '28.11.2026', '2026. 11. 28.', '2026.11.28', '28/11/2026', '2026-11-28 ']) expect(parseDate(typed)).toBe('2026-11-28');
    expect(parseDate('1.2.2026')).toBe('2026-02-01');
    // An en-US browser's order is not understood as a day: 11/28 has no 28th month.
    for (const typed of ['11/28/2026', '2026-02-30', '2026-13-01', '', 'tomorrow']) expect(parseDate(typed)).toBeNull();
    expect(tidyDate('2026-12-24', 'de')).toBe('24.12.2026');
    expect(tidyDate('24.12.2026', 'hu')).toBe('2026. 12. 24.');
    expect(tidyDate('24.13.2026', 'en')).toBe('24.13.2026');
  });

  it('shows a date in the language’s order, as the export’s date fields do', () => {
    expect(formatDate('2026-11-28', 'en')).toBe('28/11/2026');
    expect(formatDate('2026-11-28', 'de')).toBe('28.11.2026');
    expect(formatDate('2026-11-28', 'hu')).toBe('2026. 11. 28.');
    expect(formatDate('2026-11', 'de')).toBe('2026-11');
  });
});
