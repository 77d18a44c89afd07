// What a chart says when its data could not be loaded: what failed, why in plain words, and a
// way to try again.
import { RetryButton } from '@/client/components/ui/button';
import { t } from '@/client/i18n/i18n';
import { describeLoadError } from '@/client/lib/error-text';

/** What could not be loaded: Today's curve, the visitors per day, the peak hours. */
export type LoadedPart = 'today' | 'visitors' | 'peaks';

interface LoadFailedProps {
  what: LoadedPart;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
}

export function LoadFailed({ what, error, retrying, onRetry }: LoadFailedProps) {
  return (
    <>
      <p className="font-medium text-ink">{t('history.loadFailed', { what })}</p>
      <p className="mt-1 text-muted">{describeLoadError(error)}</p>
      <p>
        <RetryButton tone="accent" retrying={retrying} onRetry={onRetry} label={t('history.tryAgain')} className="mt-3 px-4" />
      </p>
    </>
  );
}
