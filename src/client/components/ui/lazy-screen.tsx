// A screen whose code is a chunk of its own, loaded on its path only, that can also be loaded
// before the app first renders (main.tsx does it for the path it starts on). A screen whose
// code is in by then renders at once: no Suspense fallback, and no wait for React to reveal the
// content that replaces one. Later navigations suspend as React.lazy does.
import { type ComponentType, lazy, useState } from 'react';
import { loadChunk } from './reload-when-back';

export interface LazyScreen<P extends object> {
  /** Starts (or joins) the download; resolves once the screen can render without suspending. */
  preload: () => Promise<void>;
  Screen: ComponentType<P>;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = loadChunk(() => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed download (offline, a deploy mid-load) is tried again by the next render.
        loading = null;
        throw error;
      },
    );
    return loading;
  });
  const Lazy = lazy(() => start().then((component) => ({ default: component })));
  function Screen(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded screen would remount it.
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Shown {...props} />;
  }
  return { preload: () => start().then(() => undefined), Screen };
}
