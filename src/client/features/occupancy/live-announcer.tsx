// A polite live region for screen-reader users: announces a change of state (live → stale,
// a capacity state crossed) at once, and a changed total at most once a minute, never each poll.
import { useEffect, useRef } from 'react';

export const ANNOUNCE_MIN_INTERVAL_MS = 60_000;

interface LiveAnnouncerProps {
  /** Coarse state, e.g. "live:available", "stale", "unavailable". A change is announced at once. */
  state: string;
  /** What to say; a change within the same state is announced at most once per interval. */
  message: string;
  minIntervalMs?: number;
}

export function LiveAnnouncer({ state, message, minIntervalMs = ANNOUNCE_MIN_INTERVAL_MS }: LiveAnnouncerProps) {
  const regionRef = useRef<HTMLParagraphElement>(null);
  const lastRef = useRef<{ state: string; message: string; at: number } | null>(null);

  useEffect(() => {
    const announce = () => {
      // Written straight into the region: nothing else re-renders for an announcement.
      if (regionRef.current) regionRef.current.textContent = message;
      lastRef.current = { state, message, at: Date.now() };
    };
    const last = lastRef.current;
    if (state === 'loading') return;
    if (last === null) {
      // The first numbers are on the page for anyone who reads it; no need to interrupt.
      lastRef.current = { state, message, at: Date.now() };
      return;
    }
    if (state !== last.state) {
      announce();
      return;
    }
    if (message === last.message) return;
    const wait = last.at + minIntervalMs - Date.now();
    if (wait <= 0) {
      announce();
      return;
    }
    // A newer message replaces this timer, so what is finally said is the latest number.
    const timer = setTimeout(announce, wait);
    return () => clearTimeout(timer);
  }, [state, message, minIntervalMs]);

  return <p ref={regionRef} role="status" aria-live="polite" aria-atomic="true" className="sr-only" />;
}
