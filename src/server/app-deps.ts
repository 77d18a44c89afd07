// What the HTTP layer needs from the rest of the server; built by main.ts, or by tests.
import type { Logger } from 'pino';
import type { Access } from './access';
import type { Alerts } from './alerts/alerts';
import type { Accounts } from './auth/accounts';
import type { Throttle } from './auth/sign-in-throttle';
import type { DisplayDirectory } from './displays/display-directory';
import type { SettingsService } from './settings/settings-service';
import type { SiteView } from './settings/site-view';
import type { Store } from './store/store';
import type { OccupancyService } from './occupancy-service';
import type { VendorBackoff } from './upstream/vendor-backoff';
import type { WellpointClient } from './upstream/wellpoint-client';

export interface AppDeps {
  client: WellpointClient;
  occupancy: OccupancyService;
  /** The site as it is now (name, zone, day start, spaces): read per request, it follows Settings. */
  site: () => SiteView;
  now: () => Date;
  logger: Logger;
  weekStartsOn: number;
  pollIntervalMs: number;
  /** The pause after the vendor rejected the key (AUTH_BACKOFF_SECONDS), told to the UI. */
  authBackoffSeconds: number;
  demo: boolean;
  buildId: string;
  /** Most exports streaming at once; one more gets 429 (a large export keeps the vendor busy). */
  exportConcurrency: number;
  /** When the vendor may be called again after a failure; shared by every route that calls it. */
  backoff: VendorBackoff;
  /** Most history CSV downloads from the vendor at once; one more gets 429. */
  historyConcurrency: number;
  /** Bytes of serialized history answers kept in the cache. */
  historyCacheBytes: number;
  /** Behind a TLS reverse proxy: believe its X-Forwarded-Proto / X-Forwarded-For (see client-info.ts). */
  trustProxy?: boolean;
  store: Store;
  settings: SettingsService;
  accounts: Accounts;
  displays: DisplayDirectory;
  /** Who is asking, for every request (access.ts). */
  access: Access;
  throttle: Throttle;
  /** Alert events, deliveries, the monitor and test sends. */
  alerts: Alerts;
  /** The one-time setup code while the server waits for its first account; null otherwise. */
  setupCode: () => string | null;
}
