// One-tap date ranges ("Last week", "This month" …) for the export form and, later, the history
// charts. "Today" is the site's calendar date, whatever zone the viewer's device is in; after
// that everything is calendar arithmetic on YYYY-MM-DD strings, so DST never moves a boundary.
// Pure functions: no Node or DOM APIs.
import type { MessageKey } from './i18n/message-key';
import { addDaysToDateString, todayIn } from './zoned';

export const DATE_PRESETS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'last7Days', 'thisMonth', 'lastMonth', 'last30Days'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** Each preset's name, as a message key (resolved with `t` where it is shown). */
export const DATE_PRESET_LABELS: Record<DatePreset, MessageKey> = {
  today: 'export.preset.today',
  yesterday: 'export.preset.yesterday',
  thisWeek: 'export.preset.thisWeek',
  lastWeek: 'export.preset.lastWeek',
  last7Days: 'export.preset.last7Days',
  thisMonth: 'export.preset.thisMonth',
  lastMonth: 'export.preset.lastMonth',
  last30Days: 'export.preset.last30Days',
};

/** An inclusive range of calendar dates, both YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

export interface PresetContext {
  /** The site's IANA time zone: "today" is read on its wall clock. */
  timezone: string;
  /** 0 = Sunday … 6 = Saturday, as in date-fns and /api/config. */
  weekStartsOn: number;
  now: Date;
}

/** 0 = Sunday … 6 = Saturday for a calendar date; no zone involved. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The first day of the week that contains `date`. */
export function startOfWeek(date: string, weekStartsOn: number): string {
  return addDaysToDateString(date, -((weekdayOf(date) - weekStartsOn + 7) % 7));
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

/**
 * The range a preset stands for on `ctx.now` in the site's zone. Ranges that run up to now
 * ("This week", "Last 7 days" …) end today and include it, as far as it has gone.
 */
export function presetRange(preset: DatePreset, ctx: PresetContext): DateRange {
  const today = todayIn(ctx.timezone, ctx.now);
  const back = (days: number) => addDaysToDateString(today, -days);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: back(1), to: back(1) };
    case 'thisWeek':
      return { from: startOfWeek(today, ctx.weekStartsOn), to: today };
    case 'lastWeek': {
      const from = addDaysToDateString(startOfWeek(today, ctx.weekStartsOn), -7);
      return { from, to: addDaysToDateString(from, 6) };
    }
    case 'last7Days':
      return { from: back(6), to: today };
    case 'thisMonth':
      return { from: firstOfMonth(today), to: today };
    case 'lastMonth': {
      const to = addDaysToDateString(firstOfMonth(today), -1);
      return { from: firstOfMonth(to), to };
    }
    case 'last30Days':
      return { from: back(29), to: today };
  }
}

/** Every preset's range at once, for a row of buttons. */
export function allPresetRanges(ctx: PresetContext): Record<DatePreset, DateRange> {
  return Object.fromEntries(DATE_PRESETS.map((p) => [p, presetRange(p, ctx)])) as Record<DatePreset, DateRange>;
}

export function isDatePreset(value: unknown): value is DatePreset {
  return typeof value === 'string' && (DATE_PRESETS as readonly string[]).includes(value);
}
