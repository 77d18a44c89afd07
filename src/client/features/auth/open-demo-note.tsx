// The open demo's note: with no account, anyone who reaches the page may change everything. Said
// once, calmly, above the numbers (never over them), with the way to close it.
import { AppLink } from '@/client/components/ui/app-link';
import { buttonClass } from '@/client/components/ui/button';
import { InfoIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { useMe } from '@/client/lib/me-queries';

export function OpenDemoNote() {
  const me = useMe();
  if (me.data?.kind !== 'open') return null;
  return (
    <div className="mb-5 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-line bg-surface py-2 pr-2 pl-4 text-sm text-muted sm:mb-6">
      <p className="flex min-w-0 flex-1 basis-72 gap-2.5 py-1">
        <InfoIcon className="mt-0.5 size-4 shrink-0 text-accent-ink" />
        <span>
          {tx('auth.openDemo.note', {
            b: (chunks) => (
              <strong key="b" className="font-semibold text-ink">
                {chunks}
              </strong>
            ),
          })}
        </span>
      </p>
      <AppLink to="/settings/people" className={buttonClass('quiet', 'ml-auto px-3 whitespace-nowrap')}>
        {t('auth.openDemo.addPerson')}
      </AppLink>
    </div>
  );
}
