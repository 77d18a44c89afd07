// The site's settings as every part of the server sees them, merged in this order: the
// environment (SITE_TIMEZONE, DAY_START) > the provisioning file (SITE_CONFIG_FILE) > what admins
// saved in the store > defaults (the demo building in demo mode). A field set by the environment
// or the file is locked: the app shows it and refuses to change it.
import { z } from 'zod';
import { type AlertsSettings, alertsSettingsSchema, DEFAULT_ALERTS } from '@/shared/alerts-schema';
import { type OpeningHours, openingHoursSchema } from '@/shared/opening-hours';
import { alertsChanges, hoursChanges, publicChanges, siteChanges, spacesChanges } from '@/shared/settings-changes';
import { DEFAULT_PUBLIC, LOCALES, type Locale, type LockSource, type PublicSettings, publicSettingsSchema, type SettingField } from '@/shared/settings-schema';
import type { Principal } from '../auth/principal';
import { ApiHttpError, badRequestFrom } from '../http-error';
import { type SiteConfig, siteConfigSchema } from '../site-config';
import { recordAudit } from '../store/audit';
import type { Store } from '../store/store';

export interface EffectiveSettings {
  /** What the occupancy, history and export services use: name, devices, spaces. */
  site: SiteConfig;
  timezone: string;
  dayStart: string;
  locale: Locale;
  public: PublicSettings;
  /** null: always open. */
  openingHours: OpeningHours | null;
  alerts: AlertsSettings;
}

/** What an admin saves, one store row a key. */
export const storedSiteSchema = z
  .object({
    siteName: siteConfigSchema.shape.siteName,
    timezone: siteConfigSchema.shape.timezone,
    dayStart: siteConfigSchema.shape.dayStart,
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
export type StoredSite = z.output<typeof storedSiteSchema>;

export const storedSpacesSchema = z
  .object({
    siteCapacity: siteConfigSchema.shape.siteCapacity,
    devices: siteConfigSchema.shape.devices,
    spaces: siteConfigSchema.shape.spaces,
  })
  .strict()
  // The same rules as the file (capacities belong to spaces when there are spaces).
  .superRefine((value, ctx) => {
    const checked = siteConfigSchema.safeParse(value);
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
  });
export type StoredSpaces = z.output<typeof storedSpacesSchema>;

/** Stored `null` clears the hours (always open). */
const storedHoursSchema = openingHoursSchema.nullable();

const SCHEMAS = {
  site: storedSiteSchema,
  spaces: storedSpacesSchema,
  public: publicSettingsSchema,
  hours: storedHoursSchema,
  alerts: alertsSettingsSchema,
} as const;
export type SettingsKey = keyof typeof SCHEMAS;

interface Stored {
  site?: StoredSite;
  spaces?: StoredSpaces;
  public?: PublicSettings;
  hours?: OpeningHours | null;
  alerts?: AlertsSettings;
}

export interface SettingsSources {
  store: Store;
  /** The provisioning file's content ({ devices: [] } without a file). */
  file: SiteConfig;
  fileGiven: boolean;
  /** Values the environment sets (they win over everything). */
  env: { timezone?: string; dayStart?: string };
  defaults: { site: SiteConfig; timezone: string; dayStart: string; locale: Locale };
  now?: () => Date;
  onLoadProblem?: (key: string, message: string) => void;
}

export interface SettingsService {
  current(): EffectiveSettings;
  /** Fields the app may not change, and why. */
  locked(): Partial<Record<SettingField, LockSource>>;
  /** What admins saved (before the environment and the file are laid over it). */
  stored(): Stored;
  /** Validates, saves, writes the audit log and tells every subscriber; a locked field is refused (409). */
  put(key: SettingsKey, value: unknown, actor: Principal): Promise<EffectiveSettings>;
  /** Called after every change; returns the unsubscribe. */
  subscribe(listener: (settings: EffectiveSettings) => void): () => void;
}

/** The lines of the audit log for a change of `key`. */
export function changesOf(key: SettingsKey, before: EffectiveSettings, after: EffectiveSettings): string[] {
  if (key === 'site') {
    const values = (s: EffectiveSettings) => ({ siteName: s.site.siteName ?? null, timezone: s.timezone, dayStart: s.dayStart, locale: s.locale });
    return siteChanges(values(before), values(after));
  }
  if (key === 'spaces') return spacesChanges(before.site, after.site);
  if (key === 'hours') return hoursChanges(before.openingHours, after.openingHours);
  if (key === 'alerts') return alertsChanges(before.alerts, after.alerts);
  return publicChanges(before.public, after.public);
}

export function createSettingsService(sources: SettingsSources): SettingsService {
  const { store, file, env, defaults } = sources;
  const now = sources.now ?? (() => new Date());
  const stored: Stored = {};
  for (const row of store.sqlite.prepare('select key, value from settings').all() as { key: string; value: string }[]) {
    if (!(row.key in SCHEMAS)) continue;
    const key = row.key as SettingsKey;
    let parsed;
    try {
      parsed = SCHEMAS[key].safeParse(JSON.parse(row.value));
    } catch (error) {
      sources.onLoadProblem?.(key, (error as Error).message);
      continue;
    }
    // Kept in the store untouched (nothing is lost); the defaults apply until an admin saves again.
    if (!parsed.success) sources.onLoadProblem?.(key, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    else (stored as Record<string, unknown>)[key] = parsed.data;
  }

  const fileHasSpaces = sources.fileGiven && (file.spaces !== undefined || file.devices.length > 0 || file.siteCapacity !== undefined);
  const locks = (): Partial<Record<SettingField, LockSource>> => {
    const result: Partial<Record<SettingField, LockSource>> = {};
    if (file.siteName !== undefined) result.siteName = 'file';
    if (env.timezone !== undefined) result.timezone = 'env';
    else if (file.timezone !== undefined) result.timezone = 'file';
    if (env.dayStart !== undefined) result.dayStart = 'env';
    else if (file.dayStart !== undefined) result.dayStart = 'file';
    if (file.locale !== undefined) result.locale = 'file';
    if (fileHasSpaces) result.spaces = 'file';
    if (file.public !== undefined) result.public = 'file';
    if (file.openingHours !== undefined) result.openingHours = 'file';
    if (file.alerts !== undefined) result.alerts = 'file';
    return result;
  };

  const compute = (): EffectiveSettings => {
    const spacesFrom = fileHasSpaces ? file : (stored.spaces ?? (sources.fileGiven ? { devices: [] } : defaults.site));
    const site: SiteConfig = {
      devices: spacesFrom.devices,
      ...(spacesFrom.spaces === undefined ? {} : { spaces: spacesFrom.spaces }),
      ...(spacesFrom.siteCapacity === undefined ? {} : { siteCapacity: spacesFrom.siteCapacity }),
    };
    const siteName = file.siteName ?? stored.site?.siteName ?? (sources.fileGiven ? undefined : defaults.site.siteName);
    if (siteName !== undefined) site.siteName = siteName;
    return {
      site,
      timezone: env.timezone ?? file.timezone ?? stored.site?.timezone ?? defaults.timezone,
      dayStart: env.dayStart ?? file.dayStart ?? stored.site?.dayStart ?? defaults.dayStart,
      locale: file.locale ?? stored.site?.locale ?? defaults.locale,
      public: file.public ?? stored.public ?? DEFAULT_PUBLIC,
      openingHours: file.openingHours ?? stored.hours ?? null,
      alerts: file.alerts ?? stored.alerts ?? DEFAULT_ALERTS,
    };
  };

  let current = compute();
  const listeners = new Set<(settings: EffectiveSettings) => void>();

  const fieldsOf = (key: SettingsKey, value: Record<string, unknown> | null): SettingField[] => {
    if (key === 'site') return (['siteName', 'timezone', 'dayStart', 'locale'] as const).filter((f) => value?.[f] !== undefined);
    if (key === 'hours') return ['openingHours'];
    return [key];
  };

  return {
    current: () => current,
    locked: locks,
    stored: () => structuredClone(stored),
    async put(key, value, actor) {
      const parsed = SCHEMAS[key].safeParse(value);
      if (!parsed.success) throw badRequestFrom(parsed.error, 'The settings');
      const lockedNow = locks();
      for (const field of fieldsOf(key, parsed.data)) {
        const source = lockedNow[field];
        if (source !== undefined) {
          throw new ApiHttpError(
            409,
            'locked',
            `${field} is set by ${source === 'env' ? 'an environment variable' : 'SITE_CONFIG_FILE'} on the server and cannot be changed here.`,
            field,
          );
        }
      }
      const at = now();
      const json = JSON.stringify(parsed.data);
      const by = actor.kind === 'user' ? actor.email : actor.kind;
      await store.db
        .insertInto('settings')
        .values({ key, value: json, updated_at: at.toISOString(), updated_by: by })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at.toISOString(), updated_by: by }))
        .execute();
      const before = current;
      (stored as Record<string, unknown>)[key] = parsed.data;
      current = compute();
      // The log says what changed on the screens, in words (the same lines the editor shows before saving).
      await recordAudit(store, { actor, action: `settings.${key}`, detail: { changes: changesOf(key, before, current) }, at });
      for (const listener of listeners) listener(current);
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
