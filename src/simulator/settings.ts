// The simulator's switchable behaviour: faults (how the vendor fails) and shapes (which of the
// plausible answer formats it serves), their defaults, and the zod schemas of the control routes.
import { z } from 'zod';

export const VENDOR_ACTIONS = ['getoccupancy', 'downloadcsv'] as const;
export type VendorAction = (typeof VENDOR_ACTIONS)[number];

export interface Faults {
  /** Added before answering. */
  latencyMs: number;
  /** Answer with this HTTP status (e.g. 500, 502, 503) and a short HTML body. */
  status: number | null;
  /** With `status`: a Retry-After header of this many seconds (a rate-limiting vendor). */
  retryAfterSeconds: number | null;
  /** Destroy the connection without an answer. */
  reset: boolean;
  /** Correct status and headers, then the body stops half-way and the connection breaks. */
  truncate: boolean;
  /** getoccupancy answers a PHP warning instead of JSON. */
  nonJson: boolean;
  /** The vendor's HTML error page instead of JSON/CSV, at once, status 200. */
  html: boolean;
  /** downloadcsv starts a normal CSV, then the HTML error page appears in the body. */
  htmlMidway: boolean;
  /** Which actions the faults apply to. */
  actions: VendorAction[];
}

export type CsvTimeColumn = 'period_start' | 'period' | 'date' | 'datetime' | 'timestamp' | 'time';

export interface Shape {
  envelope: 'data' | 'devices' | 'rows' | 'result' | 'bare';
  keyStyle: 'canonical' | 'lower' | 'upper' | 'nounderscore' | 'alias';
  numbersAsStrings: boolean;
  omitName: boolean;
  omitRaw: boolean;
  omitCorrected: boolean;
  omitMeta: boolean;
  csv: {
    delimiter: ',' | ';';
    bom: boolean;
    crlf: boolean;
    quoteAll: boolean;
    headerCase: 'canonical' | 'lower' | 'upper';
    timeColumn: CsvTimeColumn;
    splitDateTime: boolean;
    dottedDate: boolean;
  };
}

export type ShapePatch = Partial<Omit<Shape, 'csv'>> & { csv?: Partial<Shape['csv']> };

export function defaultFaults(): Faults {
  return {
    latencyMs: 0,
    status: null,
    retryAfterSeconds: null,
    reset: false,
    truncate: false,
    nonJson: false,
    html: false,
    htmlMidway: false,
    actions: [...VENDOR_ACTIONS],
  };
}

export function defaultShape(): Shape {
  return {
    envelope: 'data',
    keyStyle: 'canonical',
    numbersAsStrings: false,
    omitName: false,
    omitRaw: false,
    omitCorrected: false,
    omitMeta: false,
    csv: {
      delimiter: ',',
      bom: false,
      crlf: false,
      quoteAll: false,
      headerCase: 'canonical',
      timeColumn: 'period_start',
      splitDateTime: false,
      dottedDate: false,
    },
  };
}

export const faultsPatchSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    // Any error status a proxy or PHP could answer; 200 would not be a fault.
    status: z.number().int().min(400).max(599).nullable(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).nullable(),
    reset: z.boolean(),
    truncate: z.boolean(),
    nonJson: z.boolean(),
    html: z.boolean(),
    htmlMidway: z.boolean(),
    actions: z.array(z.enum(VENDOR_ACTIONS)),
  })
  .partial()
  .strict();

export const shapePatchSchema = z
  .object({
    envelope: z.enum(['data', 'devices', 'rows', 'result', 'bare']),
    keyStyle: z.enum(['canonical', 'lower', 'upper', 'nounderscore', 'alias']),
    numbersAsStrings: z.boolean(),
    omitName: z.boolean(),
    omitRaw: z.boolean(),
    omitCorrected: z.boolean(),
    omitMeta: z.boolean(),
    csv: z
      .object({
        delimiter: z.enum([',', ';']),
        bom: z.boolean(),
        crlf: z.boolean(),
        quoteAll: z.boolean(),
        headerCase: z.enum(['canonical', 'lower', 'upper']),
        timeColumn: z.enum(['period_start', 'period', 'date', 'datetime', 'timestamp', 'time']),
        splitDateTime: z.boolean(),
        dottedDate: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const clockCommandSchema = z.union([
  z.object({ fixed: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ offsetMs: z.number().int() }).strict(),
  z.object({ real: z.literal(true) }).strict(),
  z.object({ advanceMs: z.number().int() }).strict(),
]);
export type ClockCommand = z.infer<typeof clockCommandSchema>;
