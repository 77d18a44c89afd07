// Whether the site is open, for the server (the alert monitor mutes rules outside hours): the
// shared rule (src/shared/opening-hours.ts) on the settings as they are at each call.
import { isOpenAt, type OpenState, openStateAt } from '@/shared/opening-hours';
import type { SettingsService } from '../settings/settings-service';

export interface SiteHours {
  /** Open at `at` (default now) by the current hours and zone; always, without hours. */
  isOpen(at?: Date): boolean;
  /** Open or closed at `at` (default now), with when that changes (openStateAt). */
  state(at?: Date): OpenState;
}

export function siteHours(settings: Pick<SettingsService, 'current'>, now: () => Date = () => new Date()): SiteHours {
  // Read every call: an admin may change the hours or the zone at any time.
  return {
    state: (at = now()) => {
      const { openingHours, timezone } = settings.current();
      return openStateAt(openingHours, timezone, at);
    },
    isOpen: (at = now()) => {
      const { openingHours, timezone } = settings.current();
      return isOpenAt(openingHours, timezone, at);
    },
  };
}
