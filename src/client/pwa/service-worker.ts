/// <reference types="vite-plugin-pwa/vanillajs" />
// Registers the offline shell's worker (/sw.js, made by vite-plugin-pwa at build) in production
// builds only, and says when a new build's worker is waiting. The dashboard offers the reload;
// a kiosk lets the new worker take over at once and leaves the reload to its own build check.
import { useEffect, useSyncExternalStore } from 'react';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

/** `kiosk`: unattended, so the new worker takes over without asking (use-build-reload.ts reloads once). */
export type ShellMode = 'app' | 'kiosk';
type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** An open dashboard asks the server for a new sw.js this often (a navigation asks too). */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

let waiting = false;
let activate: (() => void) | null = null;
const listeners = new Set<() => void>();

function setWaiting(value: boolean) {
  waiting = value;
  for (const listener of listeners) listener();
}

type Container = Pick<ServiceWorkerContainer, 'addEventListener' | 'controller'>;

interface Options {
  reload?: () => void;
  setInterval?: (fn: () => void, ms: number) => unknown;
  /** navigator.serviceWorker, or a fake in tests. */
  container?: Container;
}

/**
 * Wires a registration (the plugin's registerSW, or a fake in tests). The page reloads only
 * after the person asked for the new version and the new worker has taken over this page: once,
 * since the reloaded page finds no worker waiting.
 */
export function startServiceWorker(
  registerSW: RegisterSW,
  mode: ShellMode,
  { reload = () => window.location.reload(), setInterval: every = window.setInterval.bind(window), container = navigator.serviceWorker }: Options = {},
): void {
  let asked = false;
  const newWorkerWaits = () => {
    if (mode === 'kiosk') void update();
    else setWaiting(true);
  };
  const update = registerSW({
    // After the page's load event: the worker's precaching never competes with the first paint.
    immediate: false,
    onNeedRefresh: newWorkerWaits,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // A new worker the page's own navigation found is often still installing when this runs,
      // after the load event: workbox-window only hears of workers found later, so watch it here.
      const installing = registration.installing;
      if (installing && container.controller) {
        installing.addEventListener('statechange', () => {
          if (installing.state === 'installed') newWorkerWaits();
        });
      }
      if (mode === 'app') every(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
  });
  container.addEventListener('controllerchange', () => {
    if (!asked) return;
    asked = false;
    reload();
  });
  activate = () => {
    if (asked) return;
    asked = true;
    void update();
  };
}

/** Registers the worker once per page, in production builds where the browser has workers. */
export function registerServiceWorker(mode: ShellMode): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator) || activate !== null) return;
  activate = () => undefined;
  // Its code (workbox-window, about 2.5 kB) loads after the page's load event, off the first paint.
  const start = () =>
    void import('virtual:pwa-register').then(
      ({ registerSW }) => startServiceWorker(registerSW, mode),
      () => undefined, // the chunk did not load (offline at first visit): no worker this time
    );
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

export function useRegisterServiceWorker(mode: ShellMode): void {
  useEffect(() => registerServiceWorker(mode), [mode]);
}

/** Whether a new build's worker waits for the person's go-ahead. */
export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting,
    () => false,
  );
}

/** The go-ahead: the waiting worker takes over, then the page reloads once. */
export function activateUpdate(): void {
  activate?.();
}

/** For tests: a page that has registered nothing. */
export function resetForTests(): void {
  waiting = false;
  activate = null;
  listeners.clear();
}
