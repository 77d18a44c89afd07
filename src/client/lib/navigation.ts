// Path routing without a router library: the current location as React state (pushState and the
// Back button both re-render), in-app navigation, and the one check that a `next` is ours.
import { useSyncExternalStore } from 'react';

const CHANGE = 'occupancy:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

/** The path, query and fragment of the page, as one string ("/settings/people?x=1#y"). */
export function currentLocation(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

/** The current pathname, following in-app navigation and Back/Forward. */
export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}

/** Moves to another page of the app without reloading it. */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}) {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

/**
 * Full page loads, through one object so tests can watch them: after signing in or out the
 * page starts afresh, so nothing of the previous person's data stays in memory.
 */
export const browserPage = {
  assign(url: string) {
    window.location.assign(url);
  },
};

/**
 * `next` as a path of this site, or null: only "/…" (not "//host" or "/\host", which browsers
 * read as another site), parsed against our own origin and required to stay on it.
 */
export function sameSitePath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}
