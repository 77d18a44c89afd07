// Shows a browser notification for each alert that arrives while the dashboard is open, once the
// person chose it (a click) and the browser allows it; follows a permission changed in the
// browser's own settings while the page is open.
import { useCallback, useEffect, useRef, useState } from 'react';
import { chooseNotifications, type NotificationState, notificationState, notificationsChosen, showAlertNotification } from './notifications';
import type { RecentAlerts } from './recent-alerts';

export interface AlertNotifications {
  state: NotificationState;
  /** Chosen and allowed: new alerts show as notifications. */
  on: boolean;
  /** Asks the browser's permission if it has not been given or refused yet; call only from a click. */
  enable: () => Promise<void>;
  disable: () => void;
}

export function useAlertNotifications(data: RecentAlerts | undefined): AlertNotifications {
  const [state, setState] = useState<NotificationState>(() => notificationState());
  const [chosen, setChosen] = useState(() => notificationsChosen());
  const on = state === 'granted' && chosen;
  const shown = useRef(new Set<number>());

  // Turned on now: what is already listed is not news.
  useEffect(() => {
    if (!on) return;
    for (const alert of data?.alerts ?? []) shown.current.add(alert.id);
    // Only when turned on: later answers bring their own fresh alerts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on]);

  useEffect(() => {
    if (!on || data === undefined) return;
    for (const alert of data.fresh) {
      if (shown.current.has(alert.id)) continue;
      shown.current.add(alert.id);
      try {
        showAlertNotification(alert);
      } catch {
        // Chrome on Android throws for page notifications (it wants a service worker): the bell still shows it.
      }
    }
  }, [on, data]);

  useEffect(() => {
    let status: PermissionStatus | null = null;
    const follow = () => setState(notificationState());
    void navigator.permissions
      ?.query({ name: 'notifications' })
      .then((s) => {
        status = s;
        s.addEventListener('change', follow);
      })
      .catch(() => undefined);
    return () => status?.removeEventListener('change', follow);
  }, []);

  const enable = useCallback(async () => {
    let permission = notificationState();
    if (permission === 'default') {
      try {
        permission = await Notification.requestPermission();
      } catch {
        permission = notificationState();
      }
    }
    setState(permission);
    if (permission === 'granted') {
      chooseNotifications(true);
      setChosen(true);
    }
  }, []);
  const disable = useCallback(() => {
    chooseNotifications(false);
    setChosen(false);
  }, []);
  return { state, on, enable, disable };
}
