// The contract between the BFF and the SPA: zod schemas and the types inferred from them.
// Both sides import from here; nothing in this file may depend on Node or the DOM.
import { z } from 'zod';
import { openingHoursSchema } from './opening-hours';
import { LOCALES } from './settings-schema';

export const errorCodes = [
  'bad_request',
  'not_found',
  'method_not_allowed',
  'unauthorized',
  'bad_credentials',
  'setup_required',
  'display_revoked',
  'forbidden',
  'conflict',
  'locked',
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
  /**
   * Door health: the door counted people one way only since the day start (IN with no OUT, or the
   * reverse), so its counter may be missing people (src/shared/door-health.ts); null when healthy.
   */
  health: z.object({ kind: z.literal('one_way'), direction: z.enum(['in', 'out']), count }).nullable(),
});
export type DeviceOccupancy = z.infer<typeof deviceOccupancySchema>;

/** `unknown`: no capacity configured, or none of the space's doors has a live count. */
export const spaceStates = ['available', 'nearly_full', 'full', 'unknown'] as const;
export const spaceStateSchema = z.enum(spaceStates);
export type SpaceState = z.infer<typeof spaceStateSchema>;

export const spaceDoorSchema = z.object({
  device: z.number().int().positive(),
  /** `in`: the device's IN enters this space; `out`: its IN leaves it (an inner door, or a device mounted the other way round). */
  side: z.enum(['in', 'out']),
});

/** A space of the tree as configured (or the default one): root first, then depth-first. */
export const spaceNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  capacity,
  /** Share of the capacity from which the space is nearly full (0.8 unless configured). */
  nearlyFull: z.number().gt(0).lt(1),
  doors: z.array(spaceDoorSchema),
});
export type SpaceNode = z.infer<typeof spaceNodeSchema>;

export const spaceOccupancySchema = spaceNodeSchema.extend({
  /** People who entered through the boundary: IN of its `in` doors + OUT of its `out` doors. */
  in: count,
  out: count,
  /** in − out; negative when the boundary counted more people leaving than entering. */
  raw: z.number().int(),
  /** max(0, raw): people inside. */
  occupancy: count,
  state: spaceStateSchema,
  /**
   * Door health of the space: how many more people left through its boundary than entered it,
   * beyond counting noise (src/shared/door-health.ts); null when the boundary balances.
   */
  drift: z.number().int().positive().nullable(),
});
export type SpaceOccupancy = z.infer<typeof spaceOccupancySchema>;

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
  /**
   * Every space with its occupancy, root (the site) first, then depth-first; `total` equals the
   * root. Without configured spaces: the site of every device, and each device a space of its own.
   */
  spaces: z.array(spaceOccupancySchema),
  /** True when the site configuration lists spaces; false when the default (a space per device) is shown. */
  spacesConfigured: z.boolean(),
  /** Devices that configured spaces name but the vendor's answer does not have: their doors count nothing. */
  unknownDevices: z.array(z.number().int().positive()),
  notice: z.literal('no_pro_devices').nullable(),
  /** Changes when an admin changes the settings: a screen whose /api/config differs asks for it again. */
  settingsVersion: z.string().optional(),
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
  /**
   * The configured spaces, root first then depth-first; null when none are configured (then the
   * site is every device, space id `site`, and each device a space of its own, id `device-<id>`).
   */
  spaces: z.array(spaceNodeSchema).nullable(),
  /** Changes with every deployment; kiosks reload once when it does. */
  buildId: z.string(),
  /** The settings this answer was made from (the same as /api/occupancy's while nothing changed). */
  settingsVersion: z.string().optional(),
  /** Longest export range in days, per resolution. */
  exportMaxDays: z.record(resolutionSchema, z.number().int().positive()),
  /**
   * The site's opening hours in its zone (src/shared/opening-hours.ts); null or absent: always
   * open. Screens decide open/closed from them each minute, not from a poll.
   */
  openingHours: openingHoursSchema.nullable().optional(),
  /** The site's language: every screen's unless a person, a display link or ?lang= chooses another. */
  locale: z.enum(LOCALES).optional(),
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
  /**
   * With `space=<id>`: the space's own counts per period from its boundary doors (`series` then
   * holds those doors). `occupancy` is the people inside at the end of the period, counted from
   * the site's day start (max(0, entered − left)); null at day and month resolution.
   */
  space: z
    .object({
      id: z.string(),
      name: z.string(),
      points: z.array(z.object({ start: isoInstant, in: count, out: count, occupancy: count.nullable() })),
    })
    .optional(),
});
export type History = z.infer<typeof historySchema>;

export const healthSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
/** GET /readyz: the status for anyone (a probe); the vendor's health in detail for people signed in. */
export const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  demo: z.boolean().optional(),
  lastSuccessAt: isoInstant.nullable().optional(),
  lastError: z.object({ code: errorCodeSchema, message: z.string(), at: isoInstant }).nullable().optional(),
});
export type Ready = z.infer<typeof readySchema>;

export const roleSchema = z.enum(['admin', 'staff']);
export type Role = z.infer<typeof roleSchema>;

/** GET /api/me: who this browser is to the server (401 when nobody). */
export const meSchema = z.object({
  kind: z.enum(['user', 'display', 'open']),
  user: z
    .object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: roleSchema,
      /** The language this person chose; null or absent: the site's. */
      locale: z.enum(LOCALES).nullable().optional(),
    })
    .optional(),
  display: z
    .object({
      id: z.string(),
      name: z.string(),
      spaces: z.array(z.string()).nullable(),
      mode: z.string().nullable(),
      theme: z.string().nullable(),
      lang: z.string().nullable(),
      /** The kiosk chimes when its space turns full (an answer without it: off). */
      chime: z.boolean().default(false),
    })
    .optional(),
  demo: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** Password rules the server enforces (better-auth's limits, set in accounts.ts). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
