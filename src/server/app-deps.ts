// What the HTTP layer needs from the rest of the server; built by main.ts, or by tests.
import type { Logger } from 'pino';
import type { PublicSettings } from '@/shared/public-schema';
import type { OccupancyService } from './occupancy-service';
import type { SiteConfig } from './site-config';
import type { VendorBackoff } from './upstream/vendor-backoff';
import type { WellpointClient } from './upstream/wellpoint-client';

export interface AppDeps {
  client: WellpointClient;
  occupancy: OccupancyService;
  site: SiteConfig;
  now: () => Date;
  logger: Logger;
  timezone: string;
  dayStart: string;
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
  /** The public view's settings as they are now; without it the public view is off. */
  getPublic?: () => PublicSettings;
}
