// What a chart says when its data could not be loaded: what failed, why in plain words, and a
// way to try again.
import { RetryButton } from '@/client/components/ui/button';
import { describeLoadError } from '@/client/lib/error-text';

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
      <p className="mt-1 text-muted">{describeLoadError(error)}</p>
      <p>
        <RetryButton tone="accent" retrying={retrying} onRetry={onRetry} label="Try again" className="mt-3 px-4" />
      </p>
    </>
  );
}
