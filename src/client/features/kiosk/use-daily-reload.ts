// Reloads the page once a day at a quiet site-local hour, as a safety net against browser leaks,
// but only while data is flowing: a reload during an outage could leave the screen on the
// browser's error page. A reload missed for that reason happens as soon as data flows again.
import { useEffect, useMemo, useRef, useState } from 'react';
import { nextDailyReload } from './daily-reload';
import { reloadPage } from './use-build-reload';

interface DailyReloadOptions {
  /** Site-local HH:MM, or null for none. */
  at: string | null;
  timeZone: string | undefined;
  /** The current time (the screen's shared once-a-second clock). */
  nowMs: number;
  /** Fresh answers are arriving. */
  flowing: boolean;
  reload?: () => void;
}

export function useDailyReload({ at, timeZone, nowMs, flowing, reload = reloadPage }: DailyReloadOptions): void {
  const [loadedAt] = useState(() => Date.now());
  const fired = useRef(false);
  const due = useMemo(() => (at !== null && timeZone !== undefined ? nextDailyReload(loadedAt, at, timeZone) : null), [at, timeZone, loadedAt]);
  useEffect(() => {
    if (due === null || fired.current || !flowing || nowMs < due) return;
    fired.current = true;
    reload();
  }, [due, flowing, nowMs, reload]);
}
