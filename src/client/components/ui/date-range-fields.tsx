// A date range as two native date inputs (the phone's own picker, typing on a desk) and a row of
// one-tap presets computed on the site's clock. Controlled: the caller keeps the range and the
// preset in use, and shows each field's problem through `errors`, right under that field.
import { useId } from 'react';
import { AlertTriangleIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import type { MessageKey } from '@/shared/i18n/message-key';
import { allPresetRanges, DATE_PRESETS, type DatePreset, type DateRange, type PresetContext } from '@/shared/date-presets';

/** Each preset's words, in the active language. */
const PRESET_WORDS: Record<DatePreset, MessageKey> = {
  today: 'dashboard.range.today',
  yesterday: 'dashboard.range.yesterday',
  thisWeek: 'dashboard.range.thisWeek',
  lastWeek: 'dashboard.range.lastWeek',
  last7Days: 'dashboard.range.last7Days',
  thisMonth: 'dashboard.range.thisMonth',
  lastMonth: 'dashboard.range.lastMonth',
  last30Days: 'dashboard.range.last30Days',
};

export interface DateRangeChange {
  range: DateRange;
  /** The preset tapped; null once a date is typed or picked. */
  preset: DatePreset | null;
}

export interface DateRangeFieldsProps {
  value: DateRange;
  preset: DatePreset | null;
  /** The site's zone, week start and clock, for the presets. */
  context: PresetContext;
  onChange: (change: DateRangeChange) => void;
  /** Which presets to offer, in order; all of them by default. */
  presets?: readonly DatePreset[];
  errors?: { from?: string | undefined; to?: string | undefined };
  /** The latest start the picker offers (the site's today). */
  maxStart?: string;
  legend?: string;
  /** Ids of further text about the whole range (a size estimate, a limit). */
  describedBy?: string;
  disabled?: boolean;
  /** Ids for the two inputs, so a form can move focus to the one with a problem. */
  inputIds?: { from?: string; to?: string };
}

export function DateRangeFields({
  value,
  preset,
  context,
  onChange,
  presets = DATE_PRESETS,
  errors = {},
  maxStart,
  legend,
  describedBy,
  disabled = false,
  inputIds = {},
}: DateRangeFieldsProps) {
  const id = useId();
  const ranges = allPresetRanges(context);
  const fromId = inputIds.from ?? `${id}-from`;
  const toId = inputIds.to ?? `${id}-to`;

  return (
    <fieldset className="min-w-0" aria-describedby={describedBy} disabled={disabled}>
      <legend className="text-sm font-semibold text-ink">{legend ?? t('dashboard.range.legend')}</legend>
      <div role="group" aria-label={t('dashboard.range.quick')} className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {presets.map((p) => {
          const pressed = preset === p;
          return (
            <button
              key={p}
              type="button"
              aria-pressed={pressed}
              onClick={() => onChange({ range: ranges[p], preset: p })}
              className={`inline-flex min-h-11 items-center justify-center rounded-lg border px-3 text-sm font-medium whitespace-nowrap transition-colors ${
                pressed ? 'border-accent bg-accent-soft text-accent-ink' : 'border-line bg-surface text-ink hover:bg-sunken'
              }`}
            >
              {t(PRESET_WORDS[p])}
            </button>
          );
        })}
      </div>
      <div className="mt-3 grid grid-cols-2 gap-3">
        <DateField
          id={fromId}
          label={t('dashboard.range.start')}
          value={value.from}
          max={maxStart}
          error={errors.from}
          onChange={(from) => onChange({ range: { ...value, from }, preset: null })}
        />
        <DateField
          id={toId}
          label={t('dashboard.range.end')}
          value={value.to}
          min={value.from || undefined}
          error={errors.to}
          onChange={(to) => onChange({ range: { ...value, to }, preset: null })}
        />
      </div>
    </fieldset>
  );
}

interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  min?: string | undefined;
  max?: string | undefined;
  error: string | undefined;
  onChange: (value: string) => void;
}

function DateField({ id, label, value, min, max, error, onChange }: DateFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm text-muted">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
        className={`mt-1 block min-h-11 w-full min-w-0 rounded-lg border bg-surface px-3 text-base text-ink tabular-nums ${
          error ? 'border-full-arc' : 'border-line'
        }`}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A field's problem, right under it; the field points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1.5 flex gap-1.5 text-sm text-full-ink">
      <AlertTriangleIcon className="mt-0.5 size-4 shrink-0" />
      <span>{message}</span>
    </p>
  );
}
