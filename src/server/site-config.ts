// The optional site description (name, device labels, spaces and capacities), read from the JSON
// file named by SITE_CONFIG_FILE. Labels and capacities are ours, not the vendor's: the vendor knows
// device names but nothing of rooms, their doors or how many people a room holds.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidTimeZone } from '@/shared/day-start';
import { alertsSettingsSchema } from '@/shared/alerts-schema';
import { openingHoursSchema } from '@/shared/opening-hours';
import { LOCALES, publicSettingsSchema } from '@/shared/settings-schema';
import { spacesSchema } from '@/shared/spaces';

const capacity = z.number().int().positive().max(1_000_000);

export const siteConfigSchema = z
  .object({
    siteName: z.string().trim().min(1).max(120).optional(),
    /** The site's IANA zone; SITE_TIMEZONE wins over it. */
    timezone: z.string().refine(isValidTimeZone, 'is not an IANA time zone such as Europe/Budapest').optional(),
    /** When the counting day starts, local HH:MM; DAY_START wins over it. */
    dayStart: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not a local time written HH:MM, such as 04:00')
      .optional(),
    /** The language screens use unless a person or a display chooses another. */
    locale: z.enum(LOCALES).optional(),
    /** The public "how busy is it" view (off unless enabled). */
    public: publicSettingsSchema.optional(),
    /** When the site is open (in its zone); without it, always. */
    openingHours: openingHoursSchema.optional(),
    /** Alert channels and rules. */
    alerts: alertsSettingsSchema.optional(),
    siteCapacity: capacity.optional(),
    devices: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            label: z.string().trim().min(1).max(80).optional(),
            capacity: capacity.optional(),
            /** The device's own zone when it is not the site's: the vendor's CSV periods are device-local. */
            timezone: z.string().refine(isValidTimeZone, 'is not an IANA time zone such as Europe/London').optional(),
          })
          .strict(),
      )
      .default([])
      .refine((list) => new Set(list.map((d) => d.id)).size === list.length, 'lists a device id twice'),
    /** Spaces bounded by doors; without them the site is every device, and each device a space of its own. */
    spaces: spacesSchema.optional(),
  })
  .strict()
  .superRefine((site, ctx) => {
    if (site.spaces === undefined) return;
    const spaceIds = new Set(site.spaces.map((s) => s.id));
    site.public?.spaces.forEach((id, i) => {
      if (!spaceIds.has(id)) ctx.addIssue({ code: 'custom', path: ['public', 'spaces', i], message: `names no space of "spaces" (${JSON.stringify(id)})` });
    });
    // With spaces, capacities belong to spaces: a door has no people inside.
    if (site.siteCapacity !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['siteCapacity'], message: 'is not used with spaces: give the root space a capacity instead' });
    }
    site.devices.forEach((d, i) => {
      if (d.capacity !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['devices', i, 'capacity'],
          message: 'is not used with spaces (a door has no people inside): give the space a capacity instead',
        });
      }
    });
  });

export type SiteConfig = z.output<typeof siteConfigSchema>;

/** The site's name on every screen: configured, else the root space's, else a plain default. */
export function siteDisplayName(site: SiteConfig, demo: boolean): string {
  return site.siteName ?? site.spaces?.find((s) => s.parent === undefined)?.name ?? (demo ? 'Demo site' : 'Occupancy');
}

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

export function parseSiteConfig(text: string, source = 'SITE_CONFIG_FILE'): SiteConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SiteConfigError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const result = siteConfigSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new SiteConfigError(`${source} is not a valid site configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function loadSiteConfig(path: string | undefined): SiteConfig {
  if (path === undefined) return { devices: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SiteConfigError(`SITE_CONFIG_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return parseSiteConfig(text);
}
