// The alerts staff see on the dashboard: GET /api/alerts/recent once for the list, then every
// 15 s only what came after the newest one known (`?after=<id>`), merged on top. Each answer says
// which alerts are new since the last one, so a notification is shown once per alert, and never
// for an alert that existed before the page opened.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/client/lib/api-client';
import { type RecentAlert, recentAlertsSchema } from '@/shared/alerts-schema';

/** Notifications matter most in a tab nobody looks at: polled in the background too. */
export const RECENT_ALERTS_POLL_MS = 15_000;
/** As many as the server sends at most. */
export const RECENT_ALERTS_KEPT = 50;
export const RECENT_ALERTS_KEY = ['alerts', 'recent'] as const;

export interface RecentAlerts {
  /** Newest first. */
  alerts: RecentAlert[];
  /** The alerts this answer added, oldest first; none in the first answer (they happened before the page opened). */
  fresh: RecentAlert[];
}

/** The list after an answer: the new alerts on top, none twice, at most RECENT_ALERTS_KEPT. */
export function mergeRecent(before: RecentAlerts | undefined, answer: readonly RecentAlert[]): RecentAlerts {
  const newest = (a: RecentAlert, b: RecentAlert) => b.id - a.id;
  if (before === undefined) return { alerts: [...answer].sort(newest).slice(0, RECENT_ALERTS_KEPT), fresh: [] };
  const known = new Set(before.alerts.map((a) => a.id));
  const top = before.alerts[0]?.id ?? -1;
  const fresh = answer.filter((a) => !known.has(a.id) && a.id > top).sort((a, b) => a.id - b.id);
  const alerts = [...fresh, ...before.alerts].sort(newest).slice(0, RECENT_ALERTS_KEPT);
  return { alerts, fresh };
}

export function recentAlertsQueryOptions(queryClient: QueryClient) {
  return queryOptions({
    queryKey: RECENT_ALERTS_KEY,
    queryFn: async ({ signal }): Promise<RecentAlerts> => {
      const before = queryClient.getQueryData<RecentAlerts>(RECENT_ALERTS_KEY);
      const after = before?.alerts[0]?.id;
      const path = after === undefined ? '/api/alerts/recent' : `/api/alerts/recent?after=${after}`;
      const answer = await fetchJson(path, recentAlertsSchema, { signal });
      return mergeRecent(before, answer.alerts);
    },
    refetchInterval: RECENT_ALERTS_POLL_MS,
    refetchIntervalInBackground: true,
    // Each answer builds on the one before: a remount must not start over (its new alerts would read as old).
    staleTime: RECENT_ALERTS_POLL_MS,
  });
}
