// Open or closed now, by the site's hours from /api/config, decided on the screen each minute: a
// kiosk turns "Closed" at 22:00 without a poll answer changing.
import { useMemo } from 'react';
import { type OpeningHours, type OpenState, openStateAt } from '@/shared/opening-hours';
import { useNow } from './use-now';

const MINUTE_MS = 60_000;

/** Open state at `nowMs` (the screen's shared clock), re-evaluated when the minute turns; open without hours or zone. */
export function openStateAtMinute(hours: OpeningHours | null | undefined, timeZone: string | undefined, minuteMs: number): OpenState {
  if (hours == null || timeZone === undefined) return { open: true, closesAt: null, nextOpen: null };
  try {
    return openStateAt(hours, timeZone, new Date(minuteMs));
  } catch {
    // An unknown zone (an old browser's tz data): show the counts rather than a wrong "Closed".
    return { open: true, closesAt: null, nextOpen: null };
  }
}

/**
 * The open state on the shared clock (useNow ticks each second; this decides once a minute).
 * `nowMs` may be given by a caller that already reads the clock.
 */
export function useOpenState(hours: OpeningHours | null | undefined, timeZone: string | undefined, nowMs?: number): OpenState & { atMs: number } {
  const ticking = useNow();
  const minuteMs = Math.floor((nowMs ?? ticking) / MINUTE_MS) * MINUTE_MS;
  return useMemo(() => ({ ...openStateAtMinute(hours, timeZone, minuteMs), atMs: minuteMs }), [hours, timeZone, minuteMs]);
}
