// "Reload for the new version": a small bar at the foot of the dashboard while a new build's
// worker waits. Calm (the screen's own surface, no alarm colour): the numbers go on meanwhile.
import { useState } from 'react';
import { Button } from '@/client/components/ui/button';
import { useT } from '@/client/i18n/use-t';
import { activateUpdate, useUpdateWaiting } from './service-worker';

export function UpdateBar() {
  const waiting = useUpdateWaiting();
  const { t } = useT();
  const [asked, setAsked] = useState(false);
  if (!waiting) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-20 flex justify-center p-3 sm:p-4">
      <div
        role="status"
        className="pointer-events-auto flex max-w-full flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-line bg-surface py-2 pr-2 pl-4 text-ink shadow-lg"
      >
        <p className="min-w-0 text-sm break-words hyphens-auto sm:text-base">{t('app.update.ready')}</p>
        <Button
          tone="accent"
          className="px-4"
          disabled={asked}
          onClick={() => {
            setAsked(true);
            activateUpdate();
          }}
        >
          {t('app.update.reload')}
        </Button>
      </div>
    </div>
  );
}
