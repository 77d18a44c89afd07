// Whether an element has come near the screen (once true, it stays): what lies below the first
// screen, such as Today's curve under a phone's list of spaces, loads when the reader gets there.
import { type RefCallback, useCallback, useState } from 'react';

/**
 * Half a screen ahead, so the part is there by the time it scrolls into view, and everything
 * above the screen: a jump past it (the End key, a link further down, a fast fling) loads it too,
 * where the observer would see it go from below the screen to above without ever meeting it.
 */
const AHEAD = '1000000px 0px 50% 0px';

export function useNearScreen<T extends Element>(): [RefCallback<T>, boolean] {
  const [near, setNear] = useState(false);
  const ref = useCallback((element: T | null) => {
    if (element === null) return;
    // Without IntersectionObserver there is no telling: as if on screen.
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, near];
}
