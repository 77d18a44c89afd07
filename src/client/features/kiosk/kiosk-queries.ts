// The kiosk's two data sources, built on the app's shared query factories (same keys, so one
// cache entry each): occupancy polled at the normal interval, outage or not, and the config
// polled every minute to notice a deploy (its buildId).
import { queryOptions } from '@tanstack/react-query';
import { configQueryOptions } from '@/client/lib/config-queries';
import { occupancyQueryOptions } from '@/client/lib/occupancy-queries';

/** How often the kiosk asks for the build id: a deploy is picked up within about a minute. */
export const BUILD_CHECK_MS = 60_000;
const CONFIG_MISSING_RETRY_MS = 5_000;
/**
 * Only one occupancy entry ever exists and it always has an observer while the kiosk shows; the
 * short gcTime just means nothing lingers if the page ever unmounts it.
 */
const KIOSK_GC_MS = 30_000;

export function kioskOccupancyQueryOptions(pollMs: number) {
  return queryOptions({
    // The shared options poll every pollMs, in the background too, and keep polling while the
    // server is unreachable: no growing back-off, so the wall is live again within one poll of
    // the server answering (one request per poll costs the BFF nothing; it serves its cache).
    ...occupancyQueryOptions(pollMs),
    gcTime: KIOSK_GC_MS,
  });
}

export function kioskConfigQueryOptions() {
  return queryOptions({
    ...configQueryOptions(),
    refetchInterval: (query) => (query.state.data ? BUILD_CHECK_MS : CONFIG_MISSING_RETRY_MS),
    refetchIntervalInBackground: true,
  });
}
