// The site as the routes read it at request time: the current settings with what is derived from
// them (the display name, the ordered spaces, the space resolver, device zones and labels), built
// once per change of the settings, never per request.
import { createHash } from 'node:crypto';
import type { OpeningHours } from '@/shared/opening-hours';
import type { Locale } from '@/shared/settings-schema';
import { orderSpaces, type SpaceNode } from '@/shared/spaces';
import { type SiteConfig, siteDisplayName } from '../site-config';
import { type ResolvedSpace, spaceResolver } from '../space-filter';
import type { EffectiveSettings, SettingsService } from './settings-service';

export interface SiteView {
  site: SiteConfig;
  /** The name every screen shows (the root space's, or a default, when none is set). */
  siteName: string;
  timezone: string;
  dayStart: string;
  locale: Locale;
  /** null: always open. */
  openingHours: OpeningHours | null;
  /** A short fingerprint of these settings: screens compare it to notice a change. */
  version: string;
  /** The configured spaces, root first then depth-first; null without configured spaces. */
  spaces: SpaceNode[] | null;
  resolveSpace: (id: string) => ResolvedSpace;
  /** Devices with a zone of their own. */
  zones: ReadonlyMap<number, string>;
  /** Device labels from the settings. */
  labels: ReadonlyMap<number, string>;
}

export function siteViewOf(
  settings: Pick<EffectiveSettings, 'site' | 'timezone' | 'dayStart' | 'locale'> & { openingHours?: OpeningHours | null },
  demo: boolean,
): SiteView {
  const { site, timezone, dayStart, locale } = settings;
  const openingHours = settings.openingHours ?? null;
  const siteName = siteDisplayName(site, demo);
  return {
    site,
    siteName,
    timezone,
    dayStart,
    locale,
    openingHours,
    // Hours are in it so that screens fetch the config again (and turn "Closed") when they change.
    version: createHash('sha256')
      .update(JSON.stringify(openingHours === null ? [site, timezone, dayStart, locale] : [site, timezone, dayStart, locale, openingHours]))
      .digest('base64url')
      .slice(0, 12),
    spaces: site.spaces === undefined ? null : orderSpaces(site.spaces),
    resolveSpace: spaceResolver(site, siteName),
    zones: new Map(site.devices.flatMap((d) => (d.timezone === undefined ? [] : [[d.id, d.timezone] as const]))),
    labels: new Map(site.devices.flatMap((d) => (d.label === undefined ? [] : [[d.id, d.label] as const]))),
  };
}

/** The current view, rebuilt when the settings service reports a change (the getter itself is a field read). */
export function liveSiteView(settings: Pick<SettingsService, 'current' | 'subscribe'>, demo: boolean): () => SiteView {
  let view = siteViewOf(settings.current(), demo);
  settings.subscribe((next) => {
    view = siteViewOf(next, demo);
  });
  return () => view;
}

/** A fixed view (route tests that build the app by hand). */
export function fixedSiteView(site: SiteConfig, { timezone = 'Europe/Budapest', dayStart = '00:00', demo = false } = {}): () => SiteView {
  const view = siteViewOf({ site, timezone, dayStart, locale: 'en' }, demo);
  return () => view;
}
