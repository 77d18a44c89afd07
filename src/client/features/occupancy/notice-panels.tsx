// Full-width explanations for when there are no numbers to show: nothing arrived yet because
// something is wrong, or the account has no PRO device the WELLPOINT API would report; and a
// warning when the site configuration names devices the account does not have.
import { RetryButton } from '@/client/components/ui/button';
import { type ComponentType, type ReactNode, type SVGProps, useId } from 'react';
import { InfoIcon } from '@/client/components/ui/icons';
import { formatClockTime } from '@/client/lib/format';
import { describeProblem, type Problem } from '@/client/lib/error-text';
import { unknownDevicesWords } from './door-health-words';
import { RetryNote, toneIcon } from './status-banner';

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
    <NoticePanel Icon={toneIcon[text.tone]} iconClass="bg-notice-soft text-notice-ink" eyebrow="Live count unavailable" heading={text.title}>
      {text.detail ? <p className="mt-2 text-ink">{text.detail}</p> : null}
      <p className="mt-4 text-sm text-muted">
        No numbers to show yet. <RetryNote problem={problem} timing={{ pollIntervalMs, authBackoffSeconds }} pageWords="This page tries again every" />
        {lastAttemptAt > 0 && timeZone ? ` Last try at ${formatClockTime(new Date(lastAttemptAt), timeZone)}.` : ''} The numbers show as soon as they arrive.
      </p>
      <RetryButton tone="primary" retrying={isFetching} onRetry={onRetry} label="Try now" className="mt-4 px-5" />
    </NoticePanel>
  );
}

export function NoProDevicesPanel() {
  return (
    <NoticePanel Icon={InfoIcon} iconClass="bg-accent-soft text-accent-ink" heading="No PRO devices on this account">
      <p className="mt-2 text-ink">
        The WELLPOINT API only reports people counters on the <strong>PRO plan</strong>. The account this server uses has none (LITE and PLUS devices, and
        devices with an inactive plan, are never included), so there are no live numbers to show.
      </p>
      <p className="mt-2 text-muted">
        Ask your administrator to move the door counters to the PRO plan in WELLPOINT, or to give this server the access key of the account that owns the PRO
        devices. This page picks them up by itself.
      </p>
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
          {ids.length === 1 ? 'A door of the site configuration is missing' : 'Doors of the site configuration are missing'}
        </h2>
        <p className="mt-1 text-ink">{unknownDevicesWords(ids)}</p>
        <p className="mt-1 text-sm text-muted">
          The spaces bounded by {ids.length === 1 ? 'it' : 'them'} may count too few people. Ask your administrator to check the device ids in the site
          configuration.
        </p>
      </div>
    </section>
  );
}
