import { describe, expect, it } from 'vitest';
import { openingHoursSchema } from '@/shared/opening-hours';
import { draftOf, draftProblems, valueOf } from './hours-draft';

describe('hours draft', () => {
  it('reads closed, all-day and span days, and gives back the same value (a 24:00 end edited as 00:00)', () => {
    const hours = openingHoursSchema.parse({
      weekly: {
        mon: [
          ['07:00', '12:00'],
          ['14:00', '24:00'],
        ],
        sat: [['00:00', '24:00']],
        sun: [],
      },
      closed: ['2026-12-25'],
      special: [
        { date: '2026-12-24', spans: [['07:00', '14:00']] },
        { date: '2026-12-31', spans: [] },
      ],
    });
    const draft = draftOf(hours);
    expect(draft.weekly.mon).toEqual({
      mode: 'hours',
      spans: [
        ['07:00', '12:00'],
        ['14:00', '00:00'],
      ],
    });
    expect(draft.weekly.sat.mode).toBe('all_day');
    expect(draft.weekly.sun.mode).toBe('closed');
    expect(draft.weekly.tue.mode).toBe('closed');
    expect(draft.special[1]).toEqual({ date: '2026-12-31', mode: 'closed', spans: [] });
    const { sun: _sun, ...withoutSunday } = hours.weekly;
    expect(valueOf(draft)).toEqual({ ...hours, weekly: withoutSunday });
    expect(openingHoursSchema.safeParse(valueOf(draft)).success).toBe(true);
  });

  it('is null when always open', () => {
    expect(draftOf(null).alwaysOpen).toBe(true);
    expect(valueOf(draftOf(null))).toBeNull();
  });

  it('names problems by the server’s field paths', () => {
    const draft = draftOf(openingHoursSchema.parse({ weekly: { mon: [['07:00', '22:00']] } }));
    draft.weekly.mon.spans.push(['09:00', '09:00']);
    draft.weekly.tue = { mode: 'hours', spans: [] };
    draft.closed.push('', '2026-12-25', '2026-12-25');
    draft.special.push({ date: '2026-12-25', mode: 'closed', spans: [] });
    expect(draftProblems(draft)).toEqual({
      'weekly.mon.1.1': 'This span ends when it starts: choose All day for the whole day.',
      'weekly.tue': 'This day has no hours: add a span, or choose Closed.',
      'closed.0': 'Enter a date as DD/MM/YYYY, such as 24/12/2026.',
      'closed.2': '2026-12-25 is listed twice.',
      'special.0.date': 'This date is also a closed date: keep one of them.',
    });
  });
});
