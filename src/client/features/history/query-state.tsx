// A chart box's three states: a skeleton while loading, the reason in plain words (and a retry)
// on failure, else the chart.
import type { ReactNode } from 'react';
import { t } from '@/client/i18n/i18n';
import { LoadFailed, type LoadedPart } from './load-failed';

interface QueryLike {
  isPending: boolean;
  data: unknown;
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/** Skeleton while loading, the reason in plain words (and a retry) on failure, else the content. */
export function QueryState({ query, what, skeleton, children }: { query: QueryLike; what: LoadedPart; skeleton: ReactNode; children: ReactNode }) {
  if (query.isPending) {
    return (
      <>
        <p className="sr-only">{t('history.loading')}</p>
        {skeleton}
      </>
    );
  }
  if (query.data === undefined) {
    return (
      <div
        role="status"
        className="absolute inset-0 grid place-content-center rounded-xl border border-dashed border-line p-4 text-center text-sm sm:text-base"
      >
        <LoadFailed what={what} error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <>{children}</>;
}
