// Settings ▸ Alerts ▸ Alert log: the last 100 deliveries, newest first, each with its channel,
// rule, message and status (sent, retrying with the next try, failed with the reason).
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Panel } from '@/client/components/ui/panel';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import { alertHeadline } from '@/client/lib/alert-words';
import type { AlertLogEntry, ChannelConfig } from '@/shared/alerts-schema';
import { channelTitle } from './alerts-channels';
import { alertLogQueryOptions } from './alerts-settings-api';
import { auditTime } from './audit-words';
import { LOG_ROW, LogTable, LogTimeCell } from './log-table';
import { problemText } from './settings-problems';

const STATUS_LOOK: Record<AlertLogEntry['status'], string> = {
  sent: 'text-ink',
  retrying: 'font-semibold text-notice-ink',
  failed: 'font-semibold text-full-ink',
};

/** The status in words: "Sent", "Retrying (attempt 2) · next at 14:05", "Failed after 5 attempts: HTTP 500". */
export function deliveryWords(entry: AlertLogEntry, timeZone: string | undefined): string {
  // The reason is the receiver's or the mail server's own ("HTTP 500"): shown as it came.
  const count = entry.attempts;
  switch (entry.status) {
    case 'sent':
      return count > 1 ? t('settings.log.sentAfter', { count }) : t('settings.log.sent');
    case 'retrying': {
      const reason = entry.reason ?? '';
      const next = entry.nextAttemptAt ? auditTime(entry.nextAttemptAt, timeZone) : '';
      if (reason !== '' && next !== '') return t('settings.log.retryingReasonNext', { count, reason, next });
      if (reason !== '') return t('settings.log.retryingReason', { count, reason });
      if (next !== '') return t('settings.log.retryingNext', { count, next });
      return t('settings.log.retrying', { count });
    }
    case 'failed':
      return entry.reason ? t('settings.log.failed', { count, reason: entry.reason }) : t('settings.log.failedNoReason', { count });
  }
}

export function AlertLog({ channels, timeZone }: { channels: readonly ChannelConfig[]; timeZone: string | undefined }) {
  const id = useId();
  const log = useQuery(alertLogQueryOptions());
  const channelName = (channelId: string) => {
    const channel = channels.find((c) => c.id === channelId);
    return channel ? channelTitle(channel) : channelId;
  };
  return (
    <Panel
      level={3}
      headingId={`${id}-title`}
      heading={t('settings.log.title')}
      subtitle={timeZone ? t('settings.log.introZone', { timeZone }) : t('settings.log.intro')}
    >
      {log.isPending ? (
        <Skeleton className="mt-4 h-24" />
      ) : log.isError ? (
        <p className="mt-4 text-sm text-full-ink">{t('settings.log.loadFailed', { reason: problemText(log.error) })}</p>
      ) : log.data.entries.length === 0 ? (
        <p className="mt-4 text-sm text-ink">{t('settings.log.empty')}</p>
      ) : (
        <>
          {/* A phone gets one entry per block; wider screens the table. */}
          <ul className="mt-4 divide-y divide-line sm:hidden">
            {log.data.entries.map((entry) => (
              <li key={entry.id} className="py-2.5 text-sm">
                <p className="flex flex-wrap justify-between gap-x-3 text-muted">
                  <time dateTime={entry.at}>{auditTime(entry.at, timeZone)}</time>
                  <span>{channelName(entry.channel)}</span>
                </p>
                <p className="font-medium text-ink">{alertHeadline(entry)}</p>
                <p className="text-ink">{entry.text}</p>
                <p className={`mt-0.5 ${STATUS_LOOK[entry.status]}`}>{deliveryWords(entry, timeZone)}</p>
              </li>
            ))}
          </ul>
          <LogTable
            caption={t('settings.log.caption')}
            columns={[t('settings.log.when'), t('settings.log.channel'), t('settings.log.alert'), t('settings.log.status')]}
            className="mt-4 overflow-x-auto max-sm:hidden"
          >
            {log.data.entries.map((entry) => (
              <tr key={entry.id} className={LOG_ROW}>
                <LogTimeCell at={entry.at} timeZone={timeZone} />
                <td className="py-2.5 pe-4 text-ink">{channelName(entry.channel)}</td>
                <td className="min-w-56 py-2.5 pe-4 text-ink">
                  <span className="font-medium">{alertHeadline(entry)}</span>
                  <span className="block text-muted">{entry.text}</span>
                </td>
                <td className={`min-w-40 py-2.5 ${STATUS_LOOK[entry.status]}`}>{deliveryWords(entry, timeZone)}</td>
              </tr>
            ))}
          </LogTable>
        </>
      )}
    </Panel>
  );
}
