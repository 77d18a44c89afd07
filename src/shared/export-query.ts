// The one validation of an export/history request, shared by the BFF (query string) and the
// export form (before it asks), so both explain a bad value in the same words. The vendor
// silently replaces bad values with defaults, so nothing invalid may pass this point.
import { z } from 'zod';
import { type Resolution, resolutions } from './api-schema';

/** Longest range per resolution, in days. Every resolution allows at least a whole leap year. */
export const EXPORT_MAX_DAYS: Record<Resolution, number> = {
  '5min': 366,
  hour: 1096,
  day: 3660,
  month: 3660,
};

/**
 * Longest chart range per resolution, in days: a chart needs far fewer points than a file, and
 * the answer is held whole as JSON. Today's curve needs 5-minute data since the day start; the
 * peak-hour heatmap four weeks of hours; visitors per day 30 days plus a week for comparison.
 */
export const HISTORY_MAX_DAYS: Record<Resolution, number> = {
  '5min': 3,
  hour: 62,
  day: 400,
  month: 3660,
};

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  day: 'Day',
  hour: 'Hour',
  '5min': '5 minutes',
  month: 'Month',
};

/** "A daily export covers at most …" */
const RESOLUTION_ADJECTIVES: Record<Resolution, string> = {
  day: 'daily',
  hour: 'hourly',
  '5min': '5-minute',
  month: 'monthly',
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 2000;
}

/** Whole days from `from` to `to`, both YYYY-MM-DD; the range is inclusive, so equal dates give 1. */
export function inclusiveDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const MAX_FILENAME_LENGTH = 100;
/** Longest wished-for name accepted at all; longer is refused before any work is done on it. */
export const MAX_FILENAME_INPUT = 255;
export const FILENAME_TOO_LONG = `A file name may be at most ${MAX_FILENAME_INPUT} characters long.`;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Kept as they are besides letters and digits. */
const KEPT = new Set([' ', '.', '_', '(', ')', '-']);
/** Trimmed from both ends. */
const EDGE = new Set([' ', '.', '_', '-']);

/**
 * Reduces a wished-for filename to a safe one: letters and digits of any script, space, `-`, `_`,
 * `.`, `(`, `)`; no path, no control or quote characters; at most 100 characters; ending in `.csv`.
 * Returns null when nothing usable is left. One pass over the characters: a regular expression
 * trimming a run at the end backtracks quadratically on a long run (issue 10).
 */
export function safeFilename(wish: string): string | null {
  const out: string[] = [];
  for (const ch of wish.normalize('NFC')) {
    // Anything else becomes `_`; runs of `_` and of spaces become one.
    const c = KEPT.has(ch) || LETTER_OR_DIGIT.test(ch) ? ch : '_';
    if ((c === '_' || c === ' ') && out[out.length - 1] === c) continue;
    out.push(c);
  }
  let start = 0;
  let end = out.length;
  while (start < end && EDGE.has(out[start]!)) start += 1;
  while (end > start && EDGE.has(out[end - 1]!)) end -= 1;
  if (
    end - start >= 4 &&
    out
      .slice(end - 4, end)
      .join('')
      .toLowerCase() === '.csv'
  )
    end -= 4;
  if (start === end) return null;
  const name = out
    .slice(start, Math.min(end, start + MAX_FILENAME_LENGTH - 4))
    .join('')
    .trim();
  return `${name}.csv`;
}

const dateField = (label: string) =>
  z
    .string({ error: `${label} is required (YYYY-MM-DD).` })
    .trim()
    .refine((v) => v !== '', `${label} is required (YYYY-MM-DD).`)
    .refine((v) => v === '' || isCalendarDate(v), `${label} must be a real date written as YYYY-MM-DD.`);

const devicesField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '' || v === 'all') return null;
    const parts = v.split(',').map((p) => p.trim());
    const ids: number[] = [];
    for (const p of parts) {
      if (!/^\d{1,9}$/.test(p) || Number(p) === 0) {
        // Quote the item only when it is plain text: markup, quotes, control and direction marks are never echoed.
        const item = /^[\p{L}\p{N} .,;:_+#()-]{0,20}$/u.test(p) ? `"${p}"` : 'one of the items';
        ctx.addIssue({ code: 'custom', message: `Device ids must be positive whole numbers separated by commas; ${item} is not one.` });
        return z.NEVER;
      }
      ids.push(Number(p));
    }
    if (ids.length > 500) {
      ctx.addIssue({ code: 'custom', message: 'At most 500 devices can be exported at once.' });
      return z.NEVER;
    }
    return [...new Set(ids)];
  });

export interface RangeQueryOptions {
  /** Today's date in the site's time zone, YYYY-MM-DD: a range may not start after it. */
  today: string;
}

const rangeShape = {
  from: dateField('Start date'),
  to: dateField('End date'),
  resolution: z
    .string()
    .optional()
    .transform((v) => v ?? 'day')
    .pipe(z.enum(resolutions, { error: 'Resolution must be one of day, hour, 5min or month.' })),
  devices: devicesField,
};

function rangeChecks({ today }: RangeQueryOptions, maxDays: Record<Resolution, number>, noun: string) {
  return (q: { from: string; to: string; resolution: Resolution }, ctx: z.RefinementCtx) => {
    if (!isCalendarDate(q.from) || !isCalendarDate(q.to)) return;
    if (q.from > today) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `Start date is in the future (today is ${today}).` });
    }
    if (q.to < q.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'End date is before the start date.' });
      return;
    }
    const days = inclusiveDays(q.from, q.to);
    const max = maxDays[q.resolution];
    if (days > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A ${RESOLUTION_ADJECTIVES[q.resolution]} ${noun} covers at most ${max} days; this range has ${days}.`,
      });
    }
  };
}

/** `/api/history`: a range, a resolution and optionally some devices. */
export function historyQuerySchema(opts: RangeQueryOptions) {
  return z.object(rangeShape).superRefine(rangeChecks(opts, HISTORY_MAX_DAYS, 'chart'));
}

/**
 * `/api/export`: the history query plus a filename, reduced to a safe one (or a default). The
 * name's length is checked first (cheap), and it is cleaned only once everything else is valid.
 */
export function exportQuerySchema(opts: RangeQueryOptions) {
  return (
    z
      // The filename after the dates: a 400 names the first field in this order.
      .object({ ...rangeShape, filename: z.string().max(MAX_FILENAME_INPUT, FILENAME_TOO_LONG).optional() })
      .superRefine(rangeChecks(opts, EXPORT_MAX_DAYS, 'export'))
      .transform(({ filename, ...q }) => ({ ...q, filename: filename === undefined ? null : safeFilename(filename) }))
  );
}

export type ExportQuery = z.output<ReturnType<typeof exportQuerySchema>>;
export type HistoryQuery = z.output<ReturnType<typeof historyQuerySchema>>;

/** The first message per field, for a form or a 400 answer. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}
