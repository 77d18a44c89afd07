// The opening-hours editor's draft: per weekday closed / all day / spans, dated closures and
// special dates, turned into the value PUT /api/admin/settings/hours takes (null: always open) and
// back, with the checks the server makes named by the same field paths it uses.
import { t } from '@/client/i18n/i18n';
import type { MessageKey } from '@/shared/i18n/message-key';
import { type HoursSpan, type OpeningHours, type Weekday, WEEKDAYS } from '@/shared/opening-hours';
import { parseDate, parseTime } from './typed-fields';

export type DayMode = 'closed' | 'all_day' | 'hours';

export interface DayDraft {
  mode: DayMode;
  /** Start and end as typed (HH:MM); an end at or before the start runs past midnight. */
  spans: [string, string][];
}

export interface SpecialDraft extends DayDraft {
  date: string;
}

export interface HoursDraft {
  alwaysOpen: boolean;
  weekly: Record<Weekday, DayDraft>;
  closed: string[];
  special: SpecialDraft[];
}

/** The weekdays' names, as keys (said with `t` at render, in the active language). */
export const DAY_NAMES: Record<Weekday, MessageKey> = {
  mon: 'settings.hours.mon',
  tue: 'settings.hours.tue',
  wed: 'settings.hours.wed',
  thu: 'settings.hours.thu',
  fri: 'settings.hours.fri',
  sat: 'settings.hours.sat',
  sun: 'settings.hours.sun',
};

/** What a new span or a day newly set to "hours" starts with. */
export const NEW_SPAN: [string, string] = ['07:00', '22:00'];
const ALL_DAY: HoursSpan = ['00:00', '24:00'];
const isDate = (text: string) => parseDate(text) !== null;

function dayDraftOf(spans: readonly HoursSpan[] | undefined): DayDraft {
  if (spans === undefined || spans.length === 0) return { mode: 'closed', spans: [] };
  if (spans.length === 1 && spans[0]?.[0] === '00:00' && spans[0][1] === '24:00') return { mode: 'all_day', spans: [] };
  // A time input has no 24:00: the end of the day is its midnight (the same instant).
  return { mode: 'hours', spans: spans.map(([start, end]) => [start, end === '24:00' ? '00:00' : end]) };
}

export function draftOf(hours: OpeningHours | null): HoursDraft {
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, dayDraftOf(hours?.weekly[d])])) as Record<Weekday, DayDraft>;
  return {
    alwaysOpen: hours === null,
    weekly,
    closed: [...(hours?.closed ?? [])],
    special: (hours?.special ?? []).map((s) => ({ date: s.date, ...dayDraftOf(s.spans) })),
  };
}

/** A draft for "open at set hours" after "always open": every day 07:00–22:00, to edit. */
export function startingHours(): HoursDraft {
  return { ...draftOf({ weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, [NEW_SPAN]])), closed: [], special: [] }), alwaysOpen: false };
}

function spansOf(day: DayDraft): HoursSpan[] {
  if (day.mode === 'closed') return [];
  if (day.mode === 'all_day') return [ALL_DAY];
  // Typed times as the server takes them ("7:00" → "07:00"); midnight as an end means the end of the day.
  return day.spans.map(([typedStart, typedEnd]) => {
    const start = parseTime(typedStart) ?? typedStart;
    const end = parseTime(typedEnd) ?? typedEnd;
    return [start, end === '00:00' && start !== '00:00' ? '24:00' : end];
  });
}

/** The value to PUT (null: always open). Days closed are left out, as the file writes them. */
export function valueOf(draft: HoursDraft): OpeningHours | null {
  if (draft.alwaysOpen) return null;
  const weekly: OpeningHours['weekly'] = {};
  for (const day of WEEKDAYS) {
    const spans = spansOf(draft.weekly[day]);
    if (spans.length > 0) weekly[day] = spans;
  }
  return {
    weekly,
    // In the order typed, so the index in a refusal's field names the row on screen.
    closed: draft.closed.map((d) => parseDate(d) ?? d),
    special: draft.special.map((s) => ({ date: parseDate(s.date) ?? s.date, spans: spansOf(s) })),
  };
}

/**
 * Problems keyed by the paths the server names in its refusals (`weekly.mon.0.1`, `special.2.date`,
 * `closed.0`), rows in the order typed (valueOf keeps it).
 */
export function draftProblems(draft: HoursDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.alwaysOpen) return problems;
  const checkSpans = (path: string, day: DayDraft) => {
    if (day.mode !== 'hours') return;
    if (day.spans.length === 0) problems[path] = t('settings.hours.problem.noHours');
    day.spans.forEach(([typedStart, typedEnd], i) => {
      const start = parseTime(typedStart);
      const end = parseTime(typedEnd);
      if (start === null) problems[`${path}.${i}.0`] = t('settings.hours.problem.start');
      else if (end === null) problems[`${path}.${i}.1`] = t('settings.hours.problem.end');
      else if (start === end) problems[`${path}.${i}.1`] = t('settings.hours.problem.sameStartEnd');
    });
  };
  for (const day of WEEKDAYS) checkSpans(`weekly.${day}`, draft.weekly[day]);
  const closedSeen = new Set<string>();
  draft.closed.forEach((typed, i) => {
    const date = parseDate(typed);
    if (date === null) problems[`closed.${i}`] = t('settings.hours.problem.date');
    else if (closedSeen.has(date)) problems[`closed.${i}`] = t('settings.hours.problem.twice', { date });
    if (date !== null) closedSeen.add(date);
  });
  const specialSeen = new Set<string>();
  draft.special.forEach((s, i) => {
    const date = parseDate(s.date);
    if (date === null) problems[`special.${i}.date`] = t('settings.hours.problem.date');
    else if (specialSeen.has(date)) problems[`special.${i}.date`] = t('settings.hours.problem.twice', { date });
    else if (closedSeen.has(date)) problems[`special.${i}.date`] = t('settings.hours.problem.alsoClosed');
    if (date !== null) specialSeen.add(date);
    checkSpans(`special.${i}.spans`, s);
  });
  return problems;
}

/** The value without rows still lacking a date, for the summary of what a save would change. */
export function summaryValueOf(draft: HoursDraft): OpeningHours | null {
  const value = valueOf(draft);
  if (value === null) return null;
  return { ...value, closed: value.closed.filter(isDate), special: value.special.filter((s) => isDate(s.date)) };
}

/** Every field path the editor shows, to tell a refusal it can point at from one it cannot. */
export function draftPaths(draft: HoursDraft): Set<string> {
  const paths = new Set<string>();
  const spanPaths = (path: string, day: DayDraft) => {
    paths.add(path);
    day.spans.forEach((_, i) => ['', '.0', '.1'].forEach((end) => paths.add(`${path}.${i}${end}`)));
  };
  for (const day of WEEKDAYS) spanPaths(`weekly.${day}`, draft.weekly[day]);
  draft.closed.forEach((_, i) => paths.add(`closed.${i}`));
  draft.special.forEach((s, i) => {
    paths.add(`special.${i}.date`);
    spanPaths(`special.${i}.spans`, s);
  });
  return paths;
}
