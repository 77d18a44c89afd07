// GET /api/config: the site's name, zone, poll interval, demo flag and device labels.
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/client/lib/api-client';
import { configSchema } from '@/shared/api-schema';

/** The config rarely changes, but a long-running screen should notice (labels, capacities). */
const CONFIG_REFRESH_MS = 5 * 60_000;
/** Until the first config arrives, keep asking: the screen must come up by itself. */
const CONFIG_MISSING_RETRY_MS = 5_000;

export const configQueryOptions = () =>
  queryOptions({
    queryKey: ['config'],
    queryFn: ({ signal }) => fetchJson('/api/config', configSchema, { signal }),
    staleTime: CONFIG_REFRESH_MS,
    refetchInterval: (query) => (query.state.data ? CONFIG_REFRESH_MS : CONFIG_MISSING_RETRY_MS),
    refetchIntervalInBackground: true,
  });
