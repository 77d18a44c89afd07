// Browser notifications for alerts: whether this browser can show them, what its person chose
// (kept in localStorage, per browser), and the notification for one alert. The permission is asked
// only after a click (browsers ignore or punish a prompt on page load).
import { alertHeadline } from '@/client/lib/alert-words';
import type { RecentAlert } from '@/shared/alerts-schema';

export type NotificationState =
  /** No Notification API (an old browser, or a phone browser outside an installed app). */
  | 'unsupported'
  /** The page is not https or this machine: browsers allow notifications only there. */
  | 'insecure'
  | 'default'
  | 'granted'
  | 'denied';

const CHOICE_KEY = 'occupancy-live:alert-notifications';

export function notificationState(
  win: Pick<Window, 'isSecureContext'> & { Notification?: { permission: NotificationPermission } } = window,
): NotificationState {
  if (win.Notification === undefined) return 'unsupported';
  if (!win.isSecureContext) return 'insecure';
  return win.Notification.permission;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    // Reading localStorage throws where site data is blocked.
    return null;
  }
}

/** Whether this browser's person turned notifications on (and did not turn them off since). */
export function notificationsChosen(): boolean {
  return storage()?.getItem(CHOICE_KEY) === 'on';
}

export function chooseNotifications(on: boolean): void {
  try {
    storage()?.setItem(CHOICE_KEY, on ? 'on' : 'off');
  } catch {
    // A full or blocked storage: the choice lasts as long as the page.
  }
}

/** Shows one alert; a second notification for the same alert replaces the first (its tag). */
export function showAlertNotification(alert: RecentAlert, Notify: typeof Notification = Notification): Notification {
  return new Notify(alertHeadline(alert), { body: alert.text, tag: `occupancy-alert-${alert.id}` });
}
