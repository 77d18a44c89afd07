// The contract between the BFF and the SPA: zod schemas and the types inferred from them.
// Both sides import from here; nothing in this file may depend on Node or the DOM.
import { z } from 'zod';

export const errorCodes = [
  'bad_request',
  'not_found',
  'method_not_allowed',
  'unauthorized',
  'rate_limited',
  'upstream_auth',
  'upstream_unavailable',
  'upstream_timeout',
  'upstream_format',
  'no_pro_devices',
  'no_data',
  'internal',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    /** The query parameter or form field a `bad_request` is about. */
    field: z.string().optional(),
    /** A vendor failure during the server's back-off: seconds until the server asks the vendor again. */
    retryInSeconds: z.number().int().nonnegative().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

const isoInstant = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const capacity = z.number().int().positive().nullable();

export const deviceOccupancySchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  in: count,
  out: count,
  /** IN − OUT since the day start; negative when a door counts more OUT than IN. */
  raw: z.number().int(),
  /** max(0, raw): never fewer than nobody, as in a space's `occupancy`. */
  occupancy: count,
  /** The vendor's own CorrectedOccupancy, as it sent it. */
  corrected: count,
  capacity,
});
export type DeviceOccupancy = z.infer<typeof deviceOccupancySchema>;

export const occupancySchema = z.object({
  /** When the vendor generated the answer (UTC instant). */
  generatedUtc: isoInstant,
  /** When the BFF received it from the vendor. */
  fetchedAt: isoInstant,
  /** Seconds between `fetchedAt` and the moment this response was sent. */
  ageSeconds: z.number().nonnegative(),
  /** True when the vendor failed and this is the last good answer kept for a while. */
  stale: z.boolean(),
  /**
   * Why the answer is stale: the error of the failed (or overdue) vendor call, and in how many
   * seconds the server asks the vendor again (0: a call is under way; null or absent: unknown).
   */
  staleReason: z.object({ code: errorCodeSchema, message: z.string(), retryInSeconds: z.number().int().nonnegative().nullable().optional() }).nullable(),
  dayStart: z.object({
    utc: isoInstant,
    /** The same instant in the site's zone, ISO-8601 with its offset. */
    local: isoInstant,
    timezone: z.string(),
  }),
  total: z.object({
    in: count,
    out: count,
    /** max(0, ΣIN − ΣOUT): people move between doors, so this is not Σ corrected. */
    occupancy: count,
    capacity,
  }),
  devices: z.array(deviceOccupancySchema),
  notice: z.literal('no_pro_devices').nullable(),
});
export type Occupancy = z.infer<typeof occupancySchema>;

export const resolutions = ['day', 'hour', '5min', 'month'] as const;
export const resolutionSchema = z.enum(resolutions);
export type Resolution = z.infer<typeof resolutionSchema>;

export const configSchema = z.object({
  siteName: z.string(),
  timezone: z.string(),
  /** Local time at which the site's day (and its counts) start, HH:MM. */
  dayStart: z.string().regex(/^\d{2}:\d{2}$/),
  /** 0 = Sunday … 6 = Saturday, as in date-fns. */
  weekStartsOn: z.number().int().min(0).max(6),
  pollIntervalMs: z.number().int().positive(),
  /** How long the server waits before trying the vendor again after it rejected the key. */
  authBackoffSeconds: z.number().int().positive(),
  demo: z.boolean(),
  siteCapacity: capacity,
  devices: z.array(
    z.object({
      id: z.number().int().positive(),
      label: z.string().nullable(),
      capacity,
      /** The device's own zone when it is not the site's (the vendor's CSV times are device-local). */
      timezone: z.string().nullable().optional(),
    }),
  ),
  /** Changes with every deployment; kiosks reload once when it does. */
  buildId: z.string(),
  /** Longest export range in days, per resolution. */
  exportMaxDays: z.record(resolutionSchema, z.number().int().positive()),
});
export type Config = z.infer<typeof configSchema>;

export const historySchema = z.object({
  resolution: resolutionSchema,
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  series: z.array(
    z.object({
      id: z.number().int().positive(),
      name: z.string(),
      points: z.array(z.object({ start: isoInstant, in: count, out: count })),
    }),
  ),
});
export type History = z.infer<typeof historySchema>;

export const healthSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  demo: z.boolean(),
  lastSuccessAt: isoInstant.nullable(),
  lastError: z.object({ code: errorCodeSchema, message: z.string(), at: isoInstant }).nullable(),
});
export type Ready = z.infer<typeof readySchema>;
