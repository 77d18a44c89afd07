// A date range as two date fields in the chosen language's order (date-field.tsx, decision 024)
// and a row of one-tap presets computed on the site's clock. Controlled: the caller keeps the
// range and the preset in use, and shows each field's problem through `errors`, under that field.
import { useId } from 'react';
import { t } from '@/client/i18n/i18n';
import { allPresetRanges, DATE_PRESET_LABELS, DATE_PRESETS, type DatePreset, type DateRange, type PresetContext } from '@/shared/date-presets';
import { DateField } from './date-field';

// Several features import FieldError from here.
export { FieldError } from './date-field';

export interface DateRangeChange {
  range: DateRange;
  /** The preset tapped; null once a date is typed. */
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
  /** The group's name; "Date range" by default. */
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
      <legend className="text-sm font-semibold text-ink">{legend ?? t('export.range.legend')}</legend>
      <div role="group" aria-label={t('export.range.presets')} className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {presets.map((p) => {
          const pressed = preset === p;
          return (
            <button
              key={p}
              type="button"
              aria-pressed={pressed}
              onClick={() => onChange({ range: ranges[p], preset: p })}
              // Words wrap (German's are longer) rather than overflow the button.
              className={`inline-flex min-h-11 min-w-0 items-center justify-center rounded-lg border px-2 py-1 text-center text-sm leading-tight font-medium break-words hyphens-auto transition-colors ${
                pressed ? 'border-accent bg-accent-soft text-accent-ink' : 'border-line bg-surface text-ink hover:bg-sunken'
              }`}
            >
              {t(DATE_PRESET_LABELS[p])}
            </button>
          );
        })}
      </div>
      <div className="mt-3 grid grid-cols-1 gap-3 min-[360px]:grid-cols-2">
        <DateField
          id={fromId}
          label={t('export.range.from')}
          value={value.from}
          error={errors.from}
          onChange={(from) => onChange({ range: { ...value, from }, preset: null })}
        />
        <DateField
          id={toId}
          label={t('export.range.to')}
          value={value.to}
          error={errors.to}
          onChange={(to) => onChange({ range: { ...value, to }, preset: null })}
        />
      </div>
    </fieldset>
  );
}
