// What an export and a history request have in common: a date range, a resolution and some
// devices or one space, checked in the same words on the server (query string) and in the export
// form. The vendor silently replaces bad values with defaults, so nothing invalid may pass this point.
import { z } from 'zod';
import { type Resolution, resolutions } from './api-schema';
import { spaceIdSchema } from './spaces';

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

/**
 * A space id (its boundary doors are the devices asked for), or null for none. The id's form is
 * checked here; whether such a space exists only the server knows. A malformed id is not echoed.
 */
const spaceField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return null;
    if (!spaceIdSchema.safeParse(v).success) {
      ctx.addIssue({ code: 'custom', message: 'A space id is 1–40 lower-case letters, digits, "-" or "_", starting with a letter or digit.' });
      return z.NEVER;
    }
    return v;
  });

export interface RangeQueryOptions {
  /** Today's date in the site's time zone, YYYY-MM-DD: a range may not start after it. */
  today: string;
}

export const rangeShape = {
  from: dateField('Start date'),
  to: dateField('End date'),
  resolution: z
    .string()
    .optional()
    .transform((v) => v ?? 'day')
    .pipe(z.enum(resolutions, { error: 'Resolution must be one of day, hour, 5min or month.' })),
  devices: devicesField,
  space: spaceField,
};

export function rangeChecks({ today }: RangeQueryOptions, maxDays: Record<Resolution, number>, noun: string) {
  return (q: { from: string; to: string; resolution: Resolution; devices: number[] | null; space: string | null }, ctx: z.RefinementCtx) => {
    if (q.space !== null && q.devices !== null) {
      ctx.addIssue({ code: 'custom', path: ['space'], message: 'Give either a space or devices, not both (this request has space and devices).' });
    }
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

/** The first message per field, for a form or a 400 answer. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}
