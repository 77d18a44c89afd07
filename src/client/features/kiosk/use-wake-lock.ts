// Keeps the wall screen from dimming or sleeping: the Screen Wake Lock is requested on start and
// again whenever the page becomes visible (the browser drops the lock when it is hidden).
// Without the API (older browsers, plain http) or when the browser says no, nothing happens:
// the kiosk's own power settings are then what keeps the screen on.
import { useEffect } from 'react';

export function useWakeLock(): void {
  useEffect(() => {
    const wakeLock = typeof navigator === 'undefined' ? undefined : navigator.wakeLock;
    if (!wakeLock) return;
    let sentinel: WakeLockSentinel | null = null;
    let requesting = false;
    let disposed = false;

    const request = async () => {
      if (disposed || requesting || document.visibilityState !== 'visible') return;
      if (sentinel !== null && !sentinel.released) return;
      requesting = true;
      try {
        const lock = await wakeLock.request('screen');
        if (disposed) void lock.release().catch(() => undefined);
        else sentinel = lock;
      } catch {
        // NotAllowedError (battery saver, policy, not visible): degrade quietly, retry on the
        // next visibility change.
      } finally {
        requesting = false;
      }
    };

    const onVisibilityChange = () => void request();
    document.addEventListener('visibilitychange', onVisibilityChange);
    void request();
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibilityChange);
      if (sentinel !== null && !sentinel.released) void sentinel.release().catch(() => undefined);
      sentinel = null;
    };
  }, []);
}
