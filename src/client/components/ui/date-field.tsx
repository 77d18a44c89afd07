// A date typed in the chosen language's own order (28/11/2026, 28.11.2026, 2026. 11. 28.), not
// the browser's: decision 024. The value stays YYYY-MM-DD; what cannot be read is handed on as typed.
import { format, isValid, parse } from 'date-fns';
import { useState } from 'react';
import { AlertTriangleIcon } from '@/client/components/ui/icons';
import { useT } from '@/client/i18n/use-t';
import type { Language } from '@/shared/i18n/languages';

/**
 * How each language writes a date (shown), and the patterns it is read with (date-fns tokens;
 * spaces are dropped before reading, so "2026. 11. 28." and "2026.11.28." are the same). ISO
 * (2026-11-28) is read in every language: pasted from a file name or a URL.
 *
 * Why not `<input type="date">`: its display order follows the browser's locale, never the page's,
 * so an en-US browser on a German site shows 11/28/2026 (issue 15). A text field in the language's
 * order, with the format as a hint, is what the reader expects; the presets still fill it in.
 */
const DATE_FORMATS: Record<Language, { shown: string; read: readonly string[] }> = {
  en: { shown: 'dd/MM/yyyy', read: ['d/M/yyyy', 'd.M.yyyy', 'd-M-yyyy'] },
  de: { shown: 'dd.MM.yyyy', read: ['d.M.yyyy'] },
  hu: { shown: 'yyyy. MM. dd.', read: ['yyyy.M.d.', 'yyyy.M.d'] },
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
// Any reference date will do: every pattern names the year, month and day.
const REFERENCE = new Date(2000, 0, 1);
/** The date the hints show as an example. */
const EXAMPLE = '2026-11-28';

function fromIso(iso: string): Date | null {
  if (!ISO.test(iso)) return null;
  const date = parse(iso, 'yyyy-MM-dd', REFERENCE);
  return isValid(date) ? date : null;
}

/** A YYYY-MM-DD date as the language writes it; anything else (a half-typed date) as it is. */
export function formatDateInput(value: string, lang: Language): string {
  const date = fromIso(value);
  return date ? format(date, DATE_FORMATS[lang].shown) : value;
}

/** A typed date as YYYY-MM-DD, or null when it is not a date in the language's order (or ISO). */
export function parseDateInput(text: string, lang: Language): string | null {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return null;
  for (const pattern of ['yyyy-MM-dd', ...DATE_FORMATS[lang].read]) {
    const date = parse(compact, pattern, REFERENCE);
    // Four-digit years only: date-fns reads "26" as the year 26.
    if (isValid(date) && date.getFullYear() >= 1000) return format(date, 'yyyy-MM-dd');
  }
  return null;
}

/**
 * The text a typed date field shows for `value`: what is typed stays as typed while it is being
 * typed; a new value from outside (a preset, another row's removal) replaces it, in the language's
 * order. `show(text, standsFor)` sets the text and the value it stands for.
 */
export function useDateText(value: string, lang: Language): [text: string, show: (text: string, standsFor: string) => void] {
  const [draft, setDraft] = useState({ text: formatDateInput(value, lang), shownFor: value });
  let text = draft.text;
  if (draft.shownFor !== value) {
    text = formatDateInput(value, lang);
    setDraft({ text, shownFor: value });
  }
  return [text, (next, standsFor) => setDraft({ text: next, shownFor: standsFor })];
}

export interface DateFieldProps {
  id: string;
  label: string;
  /** YYYY-MM-DD, or the text typed when it is not a date (the caller's check refuses it). */
  value: string;
  onChange: (value: string) => void;
  /** The caller's problem with the date (in the future, before the start …). */
  error?: string | undefined;
  /** Ids of further text about the field. */
  describedBy?: string | undefined;
  labelClassName?: string;
}

export function DateField({ id, label, value, onChange, error, describedBy, labelClassName = 'block text-sm text-muted' }: DateFieldProps) {
  const { t, lang } = useT();
  const [text, show] = useDateText(value, lang);

  // Left with text that is not a date: said once the field is left, not at every keystroke.
  const [left, setLeft] = useState(false);
  const unreadable = text.trim() !== '' && parseDateInput(text, lang) === null;
  const example = formatDateInput(EXAMPLE, lang);
  // A date that cannot be read is this field's own problem, named after it; the caller's (which
  // would only say "not a date") waits until then.
  const problem = unreadable ? (left ? t('export.date.unreadable', { field: label, example }) : undefined) : error;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function type(next: string) {
    const iso = parseDateInput(next, lang);
    const handed = iso ?? next.trim();
    show(next, handed);
    setLeft(false);
    onChange(handed);
  }

  return (
    <div className="min-w-0">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={text}
        required
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={[problem ? errorId : '', hintId, describedBy ?? ''].join(' ').trim()}
        onChange={(e) => type(e.target.value)}
        // Once read, the date is shown the language's way (1.2.2026 becomes 01.02.2026).
        onBlur={() => {
          setLeft(true);
          if (!unreadable) show(formatDateInput(value, lang), value);
        }}
        className={`mt-1 block min-h-11 w-full min-w-0 rounded-lg border bg-surface px-3 text-base text-ink tabular-nums ${
          problem ? 'border-full-arc' : 'border-line'
        }`}
      />
      {/* The problem right under the field, the format under that. */}
      <FieldError id={errorId} message={problem} />
      <p id={hintId} className="mt-1 text-xs break-words text-muted">
        {t('export.date.hint', { example })}
      </p>
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
