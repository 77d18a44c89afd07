// GET /api/public's answer: the level of the spaces an admin chose to show without a login (the
// settings themselves are settings-schema.ts's `public`). No Node, no DOM.
import { z } from 'zod';
import { spaceStateSchema } from './api-schema';
import { LOCALES } from './settings-schema';

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
  /** The site's language: the page's unless its `?lang=` says another (absent from older servers). */
  locale: z.enum(LOCALES).optional(),
});
export type PublicOccupancy = z.infer<typeof publicOccupancySchema>;
