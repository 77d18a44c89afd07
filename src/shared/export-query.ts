// The one validation of an export request (`/api/export` and the export form): the range of
// range-query.ts plus a file name, cleaned in one linear pass.
import { z } from 'zod';
import type { Resolution } from './api-schema';
import { rangeChecks, type RangeQueryOptions, rangeShape } from './range-query';

/** Longest range per resolution, in days. Every resolution allows at least a whole leap year. */
export const EXPORT_MAX_DAYS: Record<Resolution, number> = {
  '5min': 366,
  hour: 1096,
  day: 3660,
  month: 3660,
};

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
