// GET /api/occupancy, polled. The BFF coalesces all screens into one vendor call per cache
// period, so every screen may poll at the configured interval.
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/client/lib/api-client';
import { type Config, occupancySchema } from '@/shared/api-schema';

/** Used until /api/config has said otherwise. */
export const DEFAULT_POLL_INTERVAL_MS = 5_000;

export const occupancyQueryOptions = (pollIntervalMs: number = DEFAULT_POLL_INTERVAL_MS) =>
  queryOptions({
    queryKey: ['occupancy'],
    queryFn: async ({ signal, client }) => {
      const body = await fetchJson('/api/occupancy', occupancySchema, { signal });
      // An admin changed the settings: the names, zone and spaces of /api/config follow at this poll.
      const config = client.getQueryData<Config>(['config']);
      if (
        body.settingsVersion !== undefined &&
        config?.settingsVersion !== undefined &&
        config.settingsVersion !== body.settingsVersion &&
        client.isFetching({ queryKey: ['config'] }) === 0
      ) {
        void client.invalidateQueries({ queryKey: ['config'] });
      }
      return body;
    },
    refetchInterval: pollIntervalMs,
    // Wall screens and background tabs must keep counting.
    refetchIntervalInBackground: true,
    staleTime: pollIntervalMs / 2,
    // A failed refetch keeps the last good data (TanStack Query's default); the dashboard shows
    // it marked stale with its age instead of blanking the gauges.
  });
