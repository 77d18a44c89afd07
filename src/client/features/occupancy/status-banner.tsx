// What is wrong, in plain words, above numbers that are no longer live.
import { useId } from 'react';
import { DataAge, type DataAgeInput } from '@/client/components/ui/data-age';
import { CloudOffIcon, KeyIcon, InfoIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { formatDuration } from '@/client/lib/format';
import { describeProblem, type Problem, type ProblemText } from '@/client/lib/error-text';

export const toneIcon: Record<ProblemText['tone'], typeof InfoIcon> = {
  offline: CloudOffIcon,
  config: KeyIcon,
  vendor: InfoIcon,
};

export interface RetryTiming {
  pollIntervalMs: number;
  /** The server's pause after the vendor rejected its key (/api/config); undefined if unknown. */
  authBackoffSeconds: number | undefined;
}

/**
 * When the next real attempt happens. This page polls every interval, but after a rejected key
 * the server does not ask the vendor again before its back-off ends: saying "every 5 s" then
 * would be untrue. The server's own figure (retryInSeconds) wins when it sent one. `panel`: the
 * page's own retries are named as the page's ("This page tries again every 5 s.").
 * The duration never splits across lines ("every 5" / "s.").
 */
export function retryNote(problem: Problem, { pollIntervalMs, authBackoffSeconds }: RetryTiming, where: 'banner' | 'panel' = 'banner'): string {
  const serverWait = problem.retryInSeconds ?? (problem.code === 'upstream_auth' ? authBackoffSeconds : undefined);
  const unbroken = (duration: string) => duration.replaceAll(' ', '\u00a0');
  if (serverWait !== undefined) return t('dashboard.retry.server', { duration: unbroken(formatDuration(Math.max(1, serverWait))) });
  const duration = unbroken(formatDuration(pollIntervalMs / 1000));
  return where === 'panel' ? t('dashboard.retry.panel', { duration }) : t('dashboard.retry.banner', { duration });
}

interface StaleBannerProps extends RetryTiming {
  problem: Problem;
  age: DataAgeInput;
}

export function StaleBanner({ problem, age, pollIntervalMs, authBackoffSeconds }: StaleBannerProps) {
  const headingId = useId();
  const text = describeProblem(problem);
  const Icon = toneIcon[text.tone];
  return (
    // In the flow above the numbers, never over them: read and seen first, it covers nothing.
    <section
      aria-labelledby={headingId}
      className="mb-5 flex w-full gap-3 rounded-2xl border border-notice bg-notice-soft px-4 py-3 text-notice-ink sm:mb-6 sm:p-5"
    >
      <Icon className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0">
        {/* The ticking age sits in a block of its own, so it never re-wraps the text around it. */}
        <h2 id={headingId} className="text-sm font-semibold sm:text-base">
          <span className="inline-block">{text.title}</span>{' '}
          <span className="inline-block sm:whitespace-nowrap">
            {/* No full stop after the age: text after a growing number would move. */}
            {tx('dashboard.stale.showing', { age: <DataAge {...age} /> })}
          </span>
        </h2>
        <p className="mt-1 text-sm">
          {text.detail ? `${text.detail} ` : ''}
          {retryNote(problem, { pollIntervalMs, authBackoffSeconds })}
        </p>
      </div>
    </section>
  );
}
