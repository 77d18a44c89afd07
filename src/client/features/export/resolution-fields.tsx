// The resolution choice of the export form, with the size of the file it implies and how many
// days a file of that resolution may cover.
import { useId } from 'react';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { t } from '@/client/i18n/i18n';
import type { Resolution } from '@/shared/api-schema';
import { EXPORT_MAX_DAYS } from '@/shared/export-query';
import type { MessageKey } from '@/shared/i18n/message-key';
import { describeSize, type SizeEstimate, SPREADSHEET_MAX_ROWS } from './export-request';

/** The order of the resolution choices, as a manager thinks of them. */
const RESOLUTION_ORDER: readonly Resolution[] = ['day', 'hour', '5min', 'month'];

const RESOLUTION_LABELS: Record<Resolution, MessageKey> = {
  day: 'export.resolution.day',
  hour: 'export.resolution.hour',
  '5min': 'export.resolution.5min',
  month: 'export.resolution.month',
};

interface ResolutionFieldsProps {
  value: Resolution;
  estimate: SizeEstimate | null;
  error: string | undefined;
  onChange: (resolution: Resolution) => void;
}

export function ResolutionFields({ value, estimate, error, onChange }: ResolutionFieldsProps) {
  const id = useId();
  const sizeId = `${id}-size`;
  const errorId = `${id}-error`;
  return (
    <fieldset data-field="resolution" className="min-w-0" aria-describedby={[sizeId, error ? errorId : ''].join(' ').trim()}>
      <legend className="text-sm font-semibold text-ink">{t('export.resolution.legend')}</legend>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {RESOLUTION_ORDER.map((r) => (
          <label
            key={r}
            className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 text-sm font-medium ${
              value === r ? 'border-accent bg-accent-soft text-accent-ink' : 'border-line bg-surface text-ink hover:bg-sunken'
            }`}
          >
            <input type="radio" name={`${id}-resolution`} value={r} checked={value === r} onChange={() => onChange(r)} className="size-4 accent-accent" />
            <span className="min-w-0 break-words">{t(RESOLUTION_LABELS[r])}</span>
          </label>
        ))}
      </div>
      <p id={sizeId} className="mt-2 text-sm text-muted">
        {estimate ? describeSize(estimate) : t('export.size.unknown')}
        {estimate && estimate.rows > SPREADSHEET_MAX_ROWS ? ` ${t('export.size.tooManyRows')}` : ''}{' '}
        {t('export.resolution.limit', { resolution: value, days: EXPORT_MAX_DAYS[value] })}
      </p>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
