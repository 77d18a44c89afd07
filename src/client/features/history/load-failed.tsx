// What a chart says when its data could not be loaded: what failed, why in plain words, and a
// way to try again.
import { describeHistoryError } from './request-error';

interface LoadFailedProps {
  /** "Today’s curve", "Visitors per day": what could not be loaded. */
  what: string;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
}

export function LoadFailed({ what, error, retrying, onRetry }: LoadFailedProps) {
  return (
    <>
      <p className="font-medium text-ink">{what} could not be loaded.</p>
      <p className="mt-1 text-muted">{describeHistoryError(error)}</p>
      <p>
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="mt-3 inline-flex min-h-11 items-center rounded-lg border border-line bg-surface px-4 font-medium text-accent-ink hover:bg-accent-soft disabled:opacity-60"
        >
          {retrying ? 'Trying…' : 'Try again'}
        </button>
      </p>
    </>
  );
}
