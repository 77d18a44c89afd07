// Settings ▸ Audit log: who changed what and when, who exported which range; newest first, in
// the site's time zone, a page at a time.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button } from '@/client/components/ui/button';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import { configQueryOptions } from '@/client/lib/config-queries';
import { actionWords, detailLines } from './audit-words';
import { LOG_ROW, LogTable, LogTimeCell } from './log-table';
import { auditQueryOptions } from './settings-api';
import { SectionMessage } from './settings-fields';
import { problemText } from './settings-problems';

export function AuditSection() {
  const audit = useInfiniteQuery(auditQueryOptions());
  const config = useQuery(configQueryOptions());
  const timeZone = config.data?.timezone;
  if (audit.isPending) return <Skeleton className="h-96 rounded-2xl" />;
  if (audit.error) return <SectionMessage title={t('settings.audit.loadFailed')}>{problemText(audit.error)}</SectionMessage>;
  const entries = audit.data.pages.flatMap((p) => p.entries);
  return (
    <div className="rounded-2xl border border-line bg-surface p-4 sm:p-6">
      <p className="text-sm text-muted">{timeZone ? t('settings.audit.introZone', { timeZone }) : t('settings.audit.intro')}</p>
      {entries.length === 0 ? (
        <p className="mt-4 text-sm text-ink">{t('settings.audit.empty')}</p>
      ) : (
        <LogTable
          caption={t('settings.audit.caption')}
          columns={[t('settings.log.when'), t('settings.audit.who'), t('settings.audit.what'), t('settings.audit.detail')]}
        >
          {entries.map((entry) => {
            const lines = detailLines(entry);
            return (
              <tr key={entry.id} className={LOG_ROW}>
                <LogTimeCell at={entry.at} timeZone={timeZone} />
                <td className="max-w-48 py-2.5 pe-4 break-words text-ink">{entry.actor}</td>
                <td className="py-2.5 pe-4 font-medium text-ink">{actionWords(entry.action)}</td>
                <td className="min-w-56 py-2.5 text-ink">
                  {lines.length === 1 ? (
                    lines[0]
                  ) : (
                    <ul className="space-y-0.5">
                      {lines.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </LogTable>
      )}
      {audit.hasNextPage ? (
        <Button tone="accent" className="mt-4 min-h-12 px-4" disabled={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
          {audit.isFetchingNextPage ? t('settings.page.loading') : t('settings.audit.older')}
        </Button>
      ) : null}
      {audit.isFetchNextPageError ? <p className="mt-2 text-sm text-full-ink">{t('settings.audit.olderFailed')}</p> : null}
    </div>
  );
}
