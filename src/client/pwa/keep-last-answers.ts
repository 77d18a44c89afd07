// Watches the dashboard's two queries: keeps each good answer (last-answers.ts), and when the
// first request of a page finds no server, puts the kept answer in the query as an old one that
// failed to refresh, so the dashboard's own stale rules show it: dimmed, "Not live", its age.
import type { Query, QueryCache, QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiRequestError } from '@/client/lib/api-client';
import { forgetKept, KEPT_KEYS, type KeptKey, keep, readKept, type Store, browserStore } from './last-answers';

function keptKeyOf(query: Query): KeptKey | null {
  const [first, ...rest] = query.queryKey;
  return rest.length === 0 && KEPT_KEYS.includes(first as KeptKey) ? (first as KeptKey) : null;
}

/** No server at all (offline, or a gateway saying the server is down): the kept answer may stand in. */
const noServer = (error: unknown) => error instanceof ApiRequestError && error.code === 'network';
/** The session ended: nothing of this person's may stay in the browser. */
const signedOut = (error: unknown) => error instanceof ApiRequestError && error.status === 401;

/**
 * Only a query with no data of its own gets the kept answer, with the kept moment as its
 * dataUpdatedAt (the age) and the failure as its error (so nothing reads it as live). A later
 * good answer replaces it as any answer would.
 */
function standIn(query: Query, key: KeptKey, now: number, store: Store | null): void {
  const { data, fetchFailureReason } = query.state;
  if (data !== undefined || !noServer(fetchFailureReason)) return;
  const kept = readKept(key, now, store);
  if (kept === null) return;
  query.setState({ data: kept.body, dataUpdatedAt: kept.receivedAt, status: 'error', error: fetchFailureReason, errorUpdatedAt: now });
}

/** Starts watching `cache`; returns the stop. */
export function keepLastAnswers(cache: QueryCache, { now = Date.now, store = browserStore() }: { now?: () => number; store?: Store | null } = {}): () => void {
  const stop = cache.subscribe((event) => {
    if (event.type !== 'updated') return;
    const { action } = event;
    const query = event.query as Query;
    if ((action.type === 'failed' || action.type === 'error') && signedOut(action.error)) {
      forgetKept(store);
      return;
    }
    const key = keptKeyOf(query);
    if (key === null) return;
    if (action.type === 'success' && !action.manual && query.state.data !== undefined) {
      keep(key, { body: query.state.data as never, receivedAt: query.state.dataUpdatedAt }, store);
    } else if (action.type === 'failed' || action.type === 'error') {
      standIn(query, key, now(), store);
    }
  });
  // The first request may have failed before this subscription began.
  for (const key of KEPT_KEYS) {
    const query = cache.find({ queryKey: [key], exact: true });
    if (query) standIn(query, key, now(), store);
  }
  return stop;
}

/** The dashboard's keeping, while `enabled` (the dashboard's path: a kiosk keeps nothing). */
export function useKeepLastAnswers(enabled: boolean, client?: QueryClient): void {
  const queryClient = useQueryClient(client);
  useEffect(() => (enabled ? keepLastAnswers(queryClient.getQueryCache()) : undefined), [enabled, queryClient]);
}
