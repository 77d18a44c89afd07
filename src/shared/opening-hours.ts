// Opening hours in the site's zone: weekly spans (several a day, past midnight, all day), dated
// closures and dated special hours. Without them (null) the site is always open; with them, a day
// not listed is closed. Shared: the server mutes alerts by them, the screens show "Closed".
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local wall-clock time HH:MM; "24:00" only as the end of a span (the end of the day). */
export const clockTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'is not a local time written HH:MM, such as 07:30 (24:00 ends a day)');

/**
 * [start, end) in local time. An end at or before the start crosses midnight into the next day
 * (["22:00", "02:00"]); ["00:00", "24:00"] is the whole day.
 */
export const hoursSpanSchema = z
  .tuple([clockTimeSchema, clockTimeSchema])
  .refine(([start]) => start !== '24:00', { message: 'starts at 24:00: a span starts at 23:59 at the latest', path: [0] })
  .refine(([start, end]) => start !== end, { message: 'starts and ends at the same time: write ["00:00", "24:00"] for all day', path: [1] });
export type HoursSpan = z.infer<typeof hoursSpanSchema>;

const spansSchema = z.array(hoursSpanSchema).max(8, 'has more than 8 spans');

/** A calendar date YYYY-MM-DD (in the site's zone). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date written YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'is not a calendar date');

export const openingHoursSchema = z
  .object({
    /** Spans per weekday; a day left out or [] is closed. */
    weekly: z.partialRecord(z.enum(WEEKDAYS), spansSchema).default({}),
    /** Whole dates closed (holidays). */
    closed: z.array(isoDateSchema).max(500).default([]),
    /** Dates with other hours than their weekday's ([] = closed that day). */
    special: z
      .array(z.object({ date: isoDateSchema, spans: spansSchema }).strict())
      .max(500)
      .default([]),
  })
  .strict()
  .superRefine((hours, ctx) => {
    const seen = new Set<string>();
    hours.special.forEach((s, i) => {
      if (seen.has(s.date)) ctx.addIssue({ code: 'custom', path: ['special', i, 'date'], message: `lists ${s.date} twice` });
      seen.add(s.date);
    });
  });
export type OpeningHours = z.output<typeof openingHoursSchema>;
