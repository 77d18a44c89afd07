// GET /api/history, one queryOptions factory per use. Today's 5-minute data is refreshed every
// few minutes, not at every poll of the live count: the live point carries the newest number, and
// the BFF caches a range that includes today for a minute anyway. Past days never change.
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/client/lib/api-client';
import { historySchema, type Resolution } from '@/shared/api-schema';
import type { DateRange } from './history-ranges';

/** How often today's curve asks for new 5-minute periods. */
export const TODAY_REFRESH_MS = 3 * 60_000;
/** Whole past days: kept for an hour, then asked again (a device added late may fill them in). */
const PAST_STALE_MS = 60 * 60_000;

/** `space`: one space's doors and counts (its id); without it, every door of the site. */
export const historyQueryOptions = (range: DateRange, resolution: Resolution, space?: string) =>
  queryOptions({
    queryKey: ['history', { from: range.from, to: range.to, resolution, space }],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ from: range.from, to: range.to, resolution });
      if (space !== undefined) params.set('space', space);
      // Whole ranges of hourly data take the vendor a while to produce.
      return fetchJson(`/api/history?${params.toString()}`, historySchema, { signal, timeoutMs: 45_000 });
    },
    staleTime: PAST_STALE_MS,
  });

export const todayHistoryQueryOptions = (range: DateRange, space?: string) =>
  queryOptions({
    ...historyQueryOptions(range, '5min', space),
    staleTime: TODAY_REFRESH_MS,
    refetchInterval: TODAY_REFRESH_MS,
    // Like the live count: a wall screen in a background tab keeps its curve current.
    refetchIntervalInBackground: true,
  });
