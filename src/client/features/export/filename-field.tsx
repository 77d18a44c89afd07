// The export's file name: suggested from the site (and the space), the range and the resolution
// until the user types one, with a hint that says exactly what the saved file will be called.
import { FieldError } from '@/client/components/ui/date-range-fields';
import { buttonClass } from '@/client/components/ui/button';
import { t } from '@/client/i18n/i18n';
import { safeFilename } from '@/shared/export-query';
import type { ExportFormValues } from './export-request';

interface FilenameFieldProps {
  inputId: string;
  values: ExportFormValues;
  /** The name of the space exported, if one is. */
  space: string | null;
  suggested: string;
  /** The name the file is saved under, as checked. */
  saved: string;
  error: string | undefined;
  onChange: (patch: Pick<ExportFormValues, 'filename' | 'filenameEdited'>) => void;
}

export function FilenameField({ inputId, values, space, suggested, saved, error, onChange }: FilenameFieldProps) {
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div data-field="filename">
      <label htmlFor={inputId} className="block text-sm font-semibold text-ink">
        {t('export.filename.label')}
      </label>
      <div className="mt-2 flex gap-2">
        <input
          id={inputId}
          type="text"
          value={values.filenameEdited ? values.filename : suggested}
          placeholder={suggested}
          onChange={(e) => onChange({ filename: e.target.value, filenameEdited: true })}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', hintId].join(' ').trim()}
          className={`block min-h-11 w-full min-w-0 rounded-lg border bg-surface px-3 text-base text-ink ${error ? 'border-full-arc' : 'border-line'}`}
        />
        {values.filenameEdited ? (
          <button type="button" onClick={() => onChange({ filename: '', filenameEdited: false })} className={buttonClass('accent', 'shrink-0 px-3 text-sm')}>
            {t('export.filename.suggest')}
          </button>
        ) : null}
      </div>
      <FieldError id={errorId} message={error} />
      <p id={hintId} className="mt-1.5 text-sm break-words text-muted">
        {filenameHint(values, space, saved)}
      </p>
    </div>
  );
}

function filenameHint(values: ExportFormValues, space: string | null, saved: string): string {
  const typed = values.filename.trim();
  if (!values.filenameEdited) {
    return space ? t('export.filename.madeFromSpace', { space }) : t('export.filename.madeFrom');
  }
  if (typed === '') return t('export.filename.empty', { saved });
  const clean = safeFilename(typed);
  if (clean === null) return t('export.filename.noLetters', { saved });
  if (clean !== typed) return t('export.filename.replaced', { saved });
  return t('export.filename.asTyped');
}
