// Full-width explanations for when there are no numbers to show: nothing arrived yet because
// something is wrong, or the account has no PRO device the WELLPOINT API would report; and a
// warning when the site configuration names devices the account does not have.
import { RetryButton } from '@/client/components/ui/button';
import { type ComponentType, type ReactNode, type SVGProps, useId } from 'react';
import { InfoIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { formatClockTime } from '@/client/lib/format';
import { describeProblem, type Problem } from '@/client/lib/error-text';
import { unknownDevicesWords } from './door-health-words';
import { retryNote, toneIcon } from './status-banner';

interface UnavailablePanelProps {
  problem: Problem;
  pollIntervalMs: number;
  /** The server's pause after a rejected key; undefined if unknown. */
  authBackoffSeconds?: number | undefined;
  /** Date.now() of the last failed attempt; 0 if unknown. */
  lastAttemptAt: number;
  timeZone: string | undefined;
  isFetching: boolean;
  onRetry: () => void;
}

export function UnavailablePanel({ problem, pollIntervalMs, authBackoffSeconds, lastAttemptAt, timeZone, isFetching, onRetry }: UnavailablePanelProps) {
  const text = describeProblem(problem);
  return (
    <NoticePanel Icon={toneIcon[text.tone]} iconClass="bg-notice-soft text-notice-ink" eyebrow={t('common.sign.unavailable')} heading={text.title}>
      {text.detail ? <p className="mt-2 text-ink">{text.detail}</p> : null}
      <p className="mt-4 text-sm text-muted">
        {[
          t('dashboard.unavailable.noNumbers'),
          retryNote(problem, { pollIntervalMs, authBackoffSeconds }, 'panel'),
          lastAttemptAt > 0 && timeZone ? t('dashboard.unavailable.lastTry', { time: formatClockTime(new Date(lastAttemptAt), timeZone) }) : '',
          t('dashboard.unavailable.soon'),
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
      <RetryButton tone="primary" retrying={isFetching} onRetry={onRetry} label={t('dashboard.unavailable.tryNow')} className="mt-4 px-5" />
    </NoticePanel>
  );
}

export function NoProDevicesPanel() {
  return (
    <NoticePanel Icon={InfoIcon} iconClass="bg-accent-soft text-accent-ink" heading={t('dashboard.noPro.heading')}>
      <p className="mt-2 text-ink">{tx('dashboard.noPro.text', { b: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="mt-2 text-muted">{t('dashboard.noPro.ask')}</p>
    </NoticePanel>
  );
}

interface NoticePanelProps {
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  iconClass: string;
  /** A short line above the heading. */
  eyebrow?: string;
  heading: string;
  children: ReactNode;
}

/** A full-width explanation in place of the numbers: an icon, a heading, and what to do. */
function NoticePanel({ Icon, iconClass, eyebrow, heading, children }: NoticePanelProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-line bg-surface p-6 sm:p-10">
      <div className="flex max-w-2xl gap-4">
        <span className={`grid size-11 shrink-0 place-items-center rounded-full ${iconClass}`}>
          <Icon className="size-6" />
        </span>
        <div>
          {eyebrow ? <p className="text-sm font-medium text-muted">{eyebrow}</p> : null}
          <h2 id={headingId} className={`text-xl font-semibold text-ink sm:text-2xl ${eyebrow ? 'mt-1' : ''}`}>
            {heading}
          </h2>
          {children}
        </div>
      </div>
    </section>
  );
}

/** Configured spaces name devices the account does not have: their doors count nothing. */
export function UnknownDevicesPanel({ ids }: { ids: readonly number[] }) {
  const headingId = useId();
  if (ids.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mt-4 flex gap-3 rounded-2xl border border-line bg-notice-soft p-4 sm:mt-6 sm:p-5">
      <span aria-hidden="true" className="grid size-8 shrink-0 place-items-center rounded-full bg-surface text-notice-ink">
        <InfoIcon className="size-5" />
      </span>
      <div className="min-w-0">
        <h2 id={headingId} className="font-semibold text-notice-ink">
          {t('dashboard.unknownDevices.heading', { count: ids.length })}
        </h2>
        <p className="mt-1 text-ink">{unknownDevicesWords(ids)}</p>
        <p className="mt-1 text-sm text-muted">{t('dashboard.unknownDevices.ask', { count: ids.length })}</p>
      </div>
    </section>
  );
}
