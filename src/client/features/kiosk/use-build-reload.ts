// A deploy changes the server's build id (config.buildId); a kiosk running for months must then
// pick up the new page. It reloads once per new build id, and only after the server has answered
// with that id, so an outage (no answer at all) can never cause a reload, let alone a loop.
//
// The build ids already acted on are remembered in sessionStorage, which survives the reload:
// both the new id and the one the page is leaving. So during a rolling deploy, with old and new
// servers answering in turn, the screen reloads once and then ignores the flip-flopping, instead
// of reloading "back" to the old build and on again.
import { useEffect, useRef } from 'react';

export const RELOADED_FOR_BUILDS_KEY = 'occupancy-live:kiosk:reloaded-for-builds';
/** Enough for any rolling deploy; bounded so months of deploys cannot grow the entry. */
const REMEMBERED_BUILDS = 8;

export function reloadPage(): void {
  window.location.reload();
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** sessionStorage, or null where it is blocked (then no build reload: better old code than a loop). */
export function sessionStore(): Store | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function readHandled(store: Store): string[] {
  try {
    const value: unknown = JSON.parse(store.getItem(RELOADED_FOR_BUILDS_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * `buildId` is the last one successfully fetched (undefined until then). The first one seen is
 * this page's own build; a later, different one not acted on before triggers one reload.
 */
export function useBuildReload(buildId: string | undefined, reload: () => void = reloadPage, storage: () => Store | null = sessionStore): void {
  const ownBuild = useRef<string | null>(null);
  useEffect(() => {
    if (buildId === undefined) return;
    if (ownBuild.current === null) {
      ownBuild.current = buildId;
      return;
    }
    if (buildId === ownBuild.current) return;
    const store = storage();
    if (store === null) return;
    try {
      const handled = readHandled(store);
      if (handled.includes(buildId)) return;
      const next = [...handled.filter((id) => id !== buildId && id !== ownBuild.current), ownBuild.current, buildId];
      store.setItem(RELOADED_FOR_BUILDS_KEY, JSON.stringify(next.slice(-REMEMBERED_BUILDS)));
    } catch {
      return; // storage full or blocked: the guard cannot be kept, so do not reload.
    }
    reload();
  }, [buildId, reload, storage]);
}
