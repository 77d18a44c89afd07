// Times and dates typed as text, not read from native inputs: a native <input type="time"> follows
// the browser's locale (an en-US kiosk browser shows 5:24 PM at a Budapest site) and
// <input type="date"> its date order (mm/dd/yyyy). Settings decides instead: times are 24-hour
// HH:MM in every language ("7:00", "07:00", "0700" and "7" are understood); dates are shown in the
// language's own order (28/11/2026, 28.11.2026, 2026. 11. 28.), as the export's date fields are
// (decision 024), ISO (2026-11-28) is read too, and the value kept is always ISO.
import { formatDateInput, parseDateInput } from '@/client/components/ui/date-field';
import { LANGUAGES, type Language } from '@/shared/i18n/languages';

/** "7:00", "07:00", "0700", "7.00", "7" → "07:00"; null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(t);
  if (m === null) m = /^(\d{1,2})(\d{2})$/.exec(t);
  if (m === null) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A time as the field shows it after typing: normalised when it is one, else as typed. */
export function tidyTime(text: string): string {
  return parseTime(text) ?? text.trim();
}

/** "2026-12-24", "24.12.2026", "2026. 12. 24.", "24/12/2026" → "2026-12-24"; null otherwise (the date field's reading, in any of the languages' orders). */
export function parseDate(text: string): string | null {
  for (const lang of LANGUAGES) {
    const iso = parseDateInput(text, lang);
    if (iso !== null) return iso;
  }
  return null;
}

/** A YYYY-MM-DD date as the language writes it (the export's order); anything else as it is. */
export const formatDate = formatDateInput;

/** A date as the field shows it once left: in the language's order when it is one, else as typed. */
export function tidyDate(text: string, lang: Language): string {
  const iso = parseDate(text);
  return iso === null ? text.trim() : formatDate(iso, lang);
}
