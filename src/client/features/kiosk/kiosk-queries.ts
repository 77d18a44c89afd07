// The kiosk's two data sources, built on the app's shared query factories (same keys, so one
// cache entry each): occupancy polled with a bounded back-off while the server is unreachable,
// and the config polled every minute to notice a deploy (its buildId).
import { queryOptions } from '@tanstack/react-query';
import { configQueryOptions } from '@/client/features/config/config-queries';
import { occupancyQueryOptions } from '@/client/lib/occupancy-queries';
import { pollDelay } from './kiosk-freshness';

/** How often the kiosk asks for the build id: a deploy is picked up within about a minute. */
export const BUILD_CHECK_MS = 60_000;
const CONFIG_MISSING_RETRY_MS = 5_000;
/**
 * Only one occupancy entry ever exists and it always has an observer while the kiosk shows; the
 * short gcTime just means nothing lingers if the page ever unmounts it.
 */
const KIOSK_GC_MS = 30_000;

export function kioskOccupancyQueryOptions(pollMs: number, screenStartedAt: number) {
  return queryOptions({
    ...occupancyQueryOptions(pollMs),
    // refetchIntervalInBackground (from the shared options): an unfocused kiosk keeps counting.
    refetchInterval: (query) => pollDelay(pollMs, query.state, Date.now(), screenStartedAt),
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
