// The peak-hours heatmap: one cell per weekday and hour of the day, shaded by the average number
// of visitors, in the one accent colour. Plain CSS grid, no chart library. Weekdays run down the
// side on wide screens and across the top on phones (24 narrow columns would not fit a phone).
import type { CSSProperties } from 'react';
import { t } from '@/client/i18n/i18n';
import { formatCount } from '@/client/lib/format';
import { formatHour, formatWeekdayName } from './chart-format';
import type { PeakHours } from './history-data';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
export const HEAT_STEPS = 5;

/** 0 … HEAT_STEPS: 0 for no visitors at all, else the share of the busiest hour in fifths. */
export function heatStep(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((value / max) * HEAT_STEPS));
}

export function heatColour(step: number): string {
  if (step === 0) return 'var(--sunken)';
  return `color-mix(in oklab, var(--accent) ${Math.round((step / HEAT_STEPS) * 100)}%, var(--surface))`;
}

/** "14:00–15:00" */
export function hourSpan(hour: number): string {
  return `${formatHour(hour)}–${formatHour((hour + 1) % 24)}`;
}

interface PeakHoursGridProps {
  peaks: PeakHours;
  /** Weekdays in display order (0 = Sunday), from the site's first day of the week. */
  weekdays: readonly number[];
  label: string;
}

// Grid placement through custom properties, so one set of cells serves both orientations.
const place = (day: number | null, hour: number | null): CSSProperties =>
  ({ ...(day !== null ? { '--day': day + 2 } : {}), ...(hour !== null ? { '--hour': hour + 2 } : {}) }) as CSSProperties;

export function PeakHoursGrid({ peaks, weekdays, label }: PeakHoursGridProps) {
  return (
    <div
      role="img"
      aria-label={label}
      className="grid grid-cols-[2.5rem_repeat(7,minmax(0,1fr))] grid-rows-[1.5rem_repeat(24,1rem)] gap-[3px] sm:grid-cols-[3rem_repeat(24,minmax(0,1fr))] sm:grid-rows-[1.5rem_repeat(7,2rem)]"
    >
      {weekdays.map((weekday, row) => (
        <span
          key={`day-${weekday}`}
          style={place(row, null)}
          className="row-start-1 self-center text-center text-xs font-medium text-muted [grid-column:var(--day)] sm:col-start-1 sm:text-left sm:[grid-row:var(--day)]"
        >
          {formatWeekdayName(weekday)}
        </span>
      ))}
      {HOURS.filter((h) => h % 3 === 0).map((hour) => (
        <span
          key={`hour-${hour}`}
          style={place(null, hour)}
          className="col-start-1 self-start text-xs leading-4 text-muted tabular-nums [grid-row:var(--hour)] sm:row-start-1 sm:self-center sm:[grid-column:var(--hour)]"
        >
          {formatHour(hour, { compact: true })}
        </span>
      ))}
      {weekdays.map((weekday, row) =>
        HOURS.map((hour) => {
          const value = peaks.average[weekday]?.[hour] ?? 0;
          return (
            <span
              key={`${weekday}-${hour}`}
              style={{ ...place(row, hour), backgroundColor: heatColour(heatStep(value, peaks.max)) }}
              title={t('history.peaks.cell', { weekday: formatWeekdayName(weekday), hours: hourSpan(hour), average: formatCount(value) })}
              className="rounded-[3px] [grid-column:var(--day)] [grid-row:var(--hour)] sm:[grid-column:var(--hour)] sm:[grid-row:var(--day)]"
            />
          );
        }),
      )}
    </div>
  );
}

export function HeatLegend({ max }: { max: number }) {
  return (
    <div aria-hidden="true" className="flex items-center gap-2 text-xs text-muted">
      <span>{t('history.peaks.fewer')}</span>
      <span className="flex gap-[3px]">
        {Array.from({ length: HEAT_STEPS + 1 }, (_, step) => (
          <span key={step} className="block size-4 rounded-[3px]" style={{ backgroundColor: heatColour(step) }} />
        ))}
      </span>
      <span>{t('history.peaks.more')}</span>
      <span className="tabular-nums">{t('history.peaks.legendRange', { max: formatCount(max) })}</span>
    </div>
  );
}
