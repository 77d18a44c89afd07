// Reads the vendor's getoccupancy JSON, accepting every plausible variant of its unpublished shape
// (docs/decisions/004); anything else is an `upstream_format` error.
import { z } from 'zod';

export interface VendorDevice {
  id: number;
  name: string;
  in: number;
  out: number;
  raw: number;
  corrected: number;
}

export interface VendorOccupancy {
  /** Effective UTC start as the vendor reports it (meta.datetime_start), if it does. */
  datetimeStart: Date | null;
  /** When the vendor generated the answer (meta.generated_utc), if it says. */
  generatedUtc: Date | null;
  devices: VendorDevice[];
}

const ENVELOPE_KEYS = ['data', 'devices', 'rows', 'result'];
const ROW_KEYS = {
  id: ['deviceid', 'id', 'device'],
  name: ['devicename', 'name', 'label'],
  in: ['in', 'incount', 'countin', 'totalin'],
  out: ['out', 'outcount', 'countout', 'totalout'],
  raw: ['occupancy'],
  corrected: ['correctedoccupancy'],
} as const;

/** `Device_ID`, `deviceid` and `DEVICEID` are one key to us. */
const foldKey = (key: string) => key.toLowerCase().replaceAll('_', '');

function foldKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[foldKey(k)] ??= v;
  return out;
}

function pick(row: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (row[name] !== undefined && row[name] !== null) return row[name];
  return undefined;
}

const integer = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const count = integer.pipe(z.number().int().nonnegative());

const rowSchema = z.preprocess(
  (value) => {
    const row = foldKeys(value);
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
    const r = row as Record<string, unknown>;
    return Object.fromEntries(Object.entries(ROW_KEYS).map(([field, names]) => [field, pick(r, names)]));
  },
  z
    .object({
      id: integer.pipe(z.number().int().positive()),
      name: z.union([z.string(), z.number().transform(String)]).optional(),
      in: count,
      out: count,
      raw: integer.optional(),
      corrected: count.optional(),
    })
    .transform((r): VendorDevice => ({
      id: r.id,
      name: r.name !== undefined && r.name.trim() !== '' ? r.name.trim() : `Device ${r.id}`,
      in: r.in,
      out: r.out,
      raw: r.raw ?? r.in - r.out,
      corrected: r.corrected ?? Math.max(0, r.in - r.out),
    })),
);

/** `2026-11-26 10:15:03` (UTC, no zone marker, as PHP writes it) or an ISO-8601 instant. */
const vendorInstant = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const plain = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
    const ms = plain ? Date.UTC(+plain[1]!, +plain[2]! - 1, +plain[3]!, +plain[4]!, +plain[5]!, +(plain[6] ?? 0)) : Date.parse(v);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'not a date-time' });
      return z.NEVER;
    }
    return new Date(ms);
  });

const metaSchema = z.preprocess(
  foldKeys,
  z.object({
    datetimestart: vendorInstant.optional().catch(undefined),
    generatedutc: vendorInstant.optional().catch(undefined),
  }),
);

export const vendorOccupancySchema = z.preprocess(
  (body) => {
    if (Array.isArray(body)) return { rows: body };
    const env = foldKeys(body);
    if (env === null || typeof env !== 'object') return env;
    const e = env as Record<string, unknown>;
    const key = ENVELOPE_KEYS.find((k) => Array.isArray(e[k]));
    return { meta: e.meta, rows: key === undefined ? undefined : e[key] };
  },
  z.object({ meta: metaSchema.optional(), rows: z.array(rowSchema) }).transform((b): VendorOccupancy => ({
    datetimeStart: b.meta?.datetimestart ?? null,
    generatedUtc: b.meta?.generatedutc ?? null,
    devices: b.rows,
  })),
);

/** A short description of why a body did not fit, for the log (no values from the body). */
export function describeFormatIssue(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}
