// The public view's contract: what an admin chooses to show without a login (settings) and what
// GET /api/public answers. No Node, no DOM: server, settings screen and provisioning file share it.
import { z } from 'zod';
import { spaceStateSchema } from './api-schema';

/** Browsers may reach us over http only on the machine itself; any other origin must be https. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An origin as a browser sends it (`https://example.org`, `http://localhost:8080`): scheme, host
 * and port only, lower case, no path. Returns null for anything else.
 */
export function normalizeOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || url.pathname !== '/') return null;
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url.origin;
  return null;
}

export const ORIGIN_RULE = 'must be an https origin such as https://example.org (http only for localhost), without a path';

export const publicOriginSchema = z.string().transform((value, ctx) => {
  const origin = normalizeOrigin(value);
  if (origin === null) {
    ctx.addIssue({ code: 'custom', message: ORIGIN_RULE });
    return z.NEVER;
  }
  return origin;
});

/** Off by default: nothing is public until an admin says so. */
export const publicSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Space ids (of /api/config's spaces) whose level is shown; unknown ids are skipped. */
    spaces: z
      .array(z.string().min(1).max(120))
      .max(50)
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, 'lists a space twice'),
    /** Show the count and capacity beside the level. */
    showNumbers: z.boolean().default(false),
    /** Sites that may embed /public in a frame and read /api/public from a script. */
    allowOrigins: z
      .array(publicOriginSchema)
      .max(20)
      .default([])
      .refine((list) => new Set(list).size === list.length, 'lists an origin twice'),
  })
  .strict();
export type PublicSettings = z.output<typeof publicSettingsSchema>;

export const PUBLIC_OFF: PublicSettings = { enabled: false, spaces: [], showNumbers: false, allowOrigins: [] };

export const publicSpaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: spaceStateSchema,
  /** People inside; only when the admin chose to show numbers (null: no live count). */
  occupancy: z.number().int().nonnegative().nullable().optional(),
  capacity: z.number().int().positive().nullable().optional(),
});
export type PublicSpace = z.infer<typeof publicSpaceSchema>;

export const publicOccupancySchema = z.object({
  siteName: z.string(),
  /** When the vendor generated the counts (UTC instant). */
  generatedUtc: z.iso.datetime({ offset: true }),
  /** True when the vendor failed and these are the last good counts. */
  stale: z.boolean(),
  spaces: z.array(publicSpaceSchema),
});
export type PublicOccupancy = z.infer<typeof publicOccupancySchema>;
