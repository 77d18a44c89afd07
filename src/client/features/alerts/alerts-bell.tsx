// The dashboard header's bell: how many alerts are new since this browser last looked, and a list
// of the recent ones (in the site's zone), with the switch for browser notifications. For staff,
// admins and the open demo; a display's browser has no alerts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { usePopover } from '@/client/lib/use-popover';
import { BellIcon } from '@/client/components/ui/icons';
import { Button } from '@/client/components/ui/button';
import { activeLocale, t } from '@/client/i18n/i18n';
import { alertHeadline } from '@/client/lib/alert-words';
import { describeLoadError } from '@/client/lib/error-text';
import { configQueryOptions } from '@/client/lib/config-queries';
import { formatClockTime, localDateKey } from '@/client/lib/format';
import { useMe } from '@/client/lib/me-queries';
import type { RecentAlert } from '@/shared/alerts-schema';
import { recentAlertsQueryOptions } from './recent-alerts';
import { type AlertNotifications, useAlertNotifications } from './use-alert-notifications';

const SEEN_KEY = 'occupancy-live:alerts-seen';

function readSeen(): number {
  try {
    const value = Number(globalThis.localStorage.getItem(SEEN_KEY));
    return Number.isSafeInteger(value) ? value : 0;
  } catch {
    return 0;
  }
}

function writeSeen(id: number) {
  try {
    globalThis.localStorage.setItem(SEEN_KEY, String(id));
  } catch {
    // Blocked storage: the count starts over with the next page.
  }
}

/** "14:05" today, "26 Nov, 14:05" another day, in the site's zone. */
export function alertTime(at: string, timeZone: string | undefined, nowMs: number = Date.now()): string {
  if (timeZone === undefined)
    return new Intl.DateTimeFormat(activeLocale(), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(at));
  const time = formatClockTime(at, timeZone, { seconds: false });
  if (localDateKey(at, timeZone) === localDateKey(new Date(nowMs), timeZone)) return time;
  const day = new Intl.DateTimeFormat(activeLocale(), { day: 'numeric', month: 'short', timeZone }).format(new Date(at));
  return t('dashboard.bell.dayTime', { day, time });
}

export function AlertsBell() {
  const me = useMe();
  if (me.data === undefined || me.data.kind === 'display') return null;
  return <Bell />;
}

function Bell() {
  const queryClient = useQueryClient();
  const recent = useQuery(recentAlertsQueryOptions(queryClient));
  const config = useQuery(configQueryOptions());
  const notifications = useAlertNotifications(recent.data);
  const { open, panelId, rootProps, buttonProps } = usePopover();
  const [seen, setSeen] = useState(readSeen);
  const alerts = recent.data?.alerts ?? [];
  const unseen = alerts.filter((a) => a.id > seen).length;
  const newest = alerts[0]?.id;

  // Looking at the list is seeing what it holds, including what arrives while it is open.
  if (open && newest !== undefined && newest > seen) setSeen(newest);
  useEffect(() => {
    if (seen > 0) writeSeen(seen);
  }, [seen]);

  const label = unseen === 0 ? t('dashboard.bell.label') : t('dashboard.bell.labelNew', { count: unseen });

  return (
    <div {...rootProps} className="relative">
      <button
        {...buttonProps}
        aria-label={label}
        className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border border-line bg-surface px-2.5 text-ink hover:bg-sunken"
      >
        <BellIcon className={`size-5 ${notifications.on ? 'text-accent-ink' : 'text-muted'}`} />
        {unseen > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -top-1.5 -right-1.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-full-ink px-1 text-xs font-bold text-surface tabular-nums"
          >
            {unseen > 9 ? '9+' : unseen}
          </span>
        ) : null}
      </button>
      <div
        id={panelId}
        hidden={!open}
        role="region"
        aria-label={t('dashboard.bell.recent')}
        className="absolute top-full right-0 z-20 mt-2 w-[min(24rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface shadow-lg max-sm:fixed max-sm:inset-x-4 max-sm:top-16 max-sm:mt-0 max-sm:w-auto"
      >
        <div className="max-h-[min(60vh,28rem)] overflow-y-auto p-2">
          <p className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wider text-muted uppercase">{t('dashboard.bell.recent')}</p>
          {recent.isPending ? (
            <p className="px-3 py-2 text-sm text-muted">{t('dashboard.bell.loading')}</p>
          ) : recent.isError && alerts.length === 0 ? (
            <p className="px-3 py-2 text-sm text-full-ink">{t('dashboard.bell.failed', { reason: describeLoadError(recent.error) })}</p>
          ) : alerts.length === 0 ? (
            <p className="px-3 py-2 text-sm text-ink">{t('dashboard.bell.none')}</p>
          ) : (
            <ul className="divide-y divide-line">
              {alerts.map((alert) => (
                <AlertItem key={alert.id} alert={alert} timeZone={config.data?.timezone} />
              ))}
            </ul>
          )}
        </div>
        <div className="border-t border-line p-3">
          <NotificationControl notifications={notifications} />
        </div>
      </div>
    </div>
  );
}

function AlertItem({ alert, timeZone }: { alert: RecentAlert; timeZone: string | undefined }) {
  const tone = alert.resolved ? 'bg-line' : alert.rule === 'full' ? 'bg-full-arc' : alert.rule === 'nearly_full' ? 'bg-notice' : 'bg-accent';
  return (
    <li className="flex gap-3 px-3 py-2.5">
      <span aria-hidden="true" className={`mt-1.5 size-2.5 shrink-0 rounded-full ${tone}`} />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span className={`font-semibold ${alert.resolved ? 'text-muted' : 'text-ink'}`}>{alertHeadline(alert)}</span>
          <time dateTime={alert.at} className="text-sm text-muted tabular-nums">
            {alertTime(alert.at, timeZone)}
          </time>
        </p>
        <p className="text-sm break-words text-ink">{alert.text}</p>
      </div>
    </li>
  );
}

/** The switch for this browser's notifications, and what to do when the browser says no. */
export function NotificationControl({ notifications }: { notifications: AlertNotifications }) {
  const [asking, setAsking] = useState(false);
  switch (notifications.state) {
    case 'unsupported':
      return <p className="text-sm text-muted">{t('dashboard.bell.unsupported')}</p>;
    case 'insecure':
      return <p className="text-sm text-muted">{t('dashboard.bell.insecure')}</p>;
    case 'denied':
      return (
        <div role="status" className="text-sm text-ink">
          <p className="font-semibold">{t('dashboard.bell.blocked')}</p>
          <p className="mt-1 text-muted">{t('dashboard.bell.blockedHow')}</p>
        </div>
      );
    default:
      if (notifications.on) {
        return (
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p role="status" className="text-sm text-ink">
              {t('dashboard.bell.on')}
            </p>
            <Button tone="quiet" className="px-3 text-sm" onClick={notifications.disable}>
              {t('dashboard.bell.turnOff')}
            </Button>
          </div>
        );
      }
      return (
        <div>
          <Button
            tone="accent"
            className="w-full px-3 text-sm"
            disabled={asking}
            onClick={() => {
              setAsking(true);
              void notifications.enable().finally(() => setAsking(false));
            }}
          >
            {asking ? t('dashboard.bell.asking') : t('dashboard.bell.enable')}
          </Button>
          <p className="mt-1.5 text-sm text-muted">{t('dashboard.bell.enableHint')}</p>
        </div>
      );
  }
}
