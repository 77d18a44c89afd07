import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { resetForTests, startServiceWorker, UPDATE_CHECK_MS } from './service-worker';
import { UpdateBar } from './update-bar';

afterEach(() => resetForTests());

/** The plugin's registerSW, played by the test: it calls the callbacks as workbox-window would. */
function fakeRegistration({ controlled = true } = {}) {
  let options: RegisterSWOptions = {};
  const update = vi.fn(() => Promise.resolve());
  const registerSW = vi.fn((given: RegisterSWOptions) => {
    options = given;
    return update;
  });
  const controllerChanged: (() => void)[] = [];
  const container = {
    controller: controlled ? ({} as ServiceWorker) : null,
    addEventListener: vi.fn((type: string, listener: () => void) => {
      if (type === 'controllerchange') controllerChanged.push(listener);
    }),
  } as unknown as Pick<ServiceWorkerContainer, 'addEventListener' | 'controller'>;
  return {
    registerSW,
    update,
    container,
    /** A new build's worker installed and waits. */
    waiting: () => act(() => options.onNeedRefresh?.()),
    /** A new worker took over this page. */
    controlling: () => act(() => controllerChanged.forEach((listener) => listener())),
    registered: (registration: Partial<ServiceWorkerRegistration>) => options.onRegisteredSW?.('/sw.js', registration as ServiceWorkerRegistration),
  };
}

/** A worker that is installing, and can be told that it has installed. */
function installingWorker() {
  const listeners: (() => void)[] = [];
  const worker = {
    state: 'installing',
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
  };
  return {
    worker: worker as unknown as ServiceWorker,
    installed: () =>
      act(() => {
        worker.state = 'installed';
        listeners.forEach((listener) => listener());
      }),
  };
}

describe('a new build on the dashboard', () => {
  it('offers "Reload for the new version" while the new worker waits; the click activates it and the page reloads once', async () => {
    const sw = fakeRegistration();
    const reload = vi.fn();
    startServiceWorker(sw.registerSW, 'app', { reload, setInterval: () => 0, container: sw.container });
    render(<UpdateBar />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    // The worker is registered after the page's load, not in its way.
    expect(sw.registerSW).toHaveBeenCalledWith(expect.objectContaining({ immediate: false }));

    sw.waiting();
    const bar = screen.getByRole('status');
    expect(bar).toHaveTextContent('Occupancy Live was updated.');
    // Nothing reloads before the person asks, even if another tab let the worker take over.
    sw.controlling();
    expect(reload).not.toHaveBeenCalled();

    const button = screen.getByRole('button', { name: 'Reload for the new version' });
    await userEvent.click(button);
    expect(sw.update).toHaveBeenCalledOnce();
    expect(button).toBeDisabled();
    await userEvent.click(button);
    expect(sw.update).toHaveBeenCalledOnce();

    sw.controlling();
    sw.controlling();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('also offers it when the new worker was still installing as the page registered (found by the page’s own navigation)', async () => {
    const sw = fakeRegistration();
    const reload = vi.fn();
    startServiceWorker(sw.registerSW, 'app', { reload, setInterval: () => 0, container: sw.container });
    render(<UpdateBar />);
    const next = installingWorker();
    sw.registered({ installing: next.worker, update: vi.fn() });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    next.installed();
    await userEvent.click(screen.getByRole('button', { name: 'Reload for the new version' }));
    expect(sw.update).toHaveBeenCalledOnce();
    sw.controlling();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('a first install (no worker in control yet) offers nothing: there is no old build to leave', () => {
    const sw = fakeRegistration({ controlled: false });
    startServiceWorker(sw.registerSW, 'app', { reload: vi.fn(), setInterval: () => 0, container: sw.container });
    render(<UpdateBar />);
    const first = installingWorker();
    sw.registered({ installing: first.worker, update: vi.fn() });
    first.installed();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('asks the server for a new worker every hour while the dashboard stays open', () => {
    const sw = fakeRegistration();
    const every = vi.fn();
    startServiceWorker(sw.registerSW, 'app', { reload: vi.fn(), setInterval: every, container: sw.container });
    const update = vi.fn(() => Promise.resolve());
    sw.registered({ update } as unknown as ServiceWorkerRegistration);
    expect(every).toHaveBeenCalledWith(expect.any(Function), UPDATE_CHECK_MS);
    (every.mock.calls[0]![0] as () => void)();
    expect(update).toHaveBeenCalledOnce();
  });
});

describe('a new build on a kiosk', () => {
  it('lets the new worker take over at once, shows no bar and never reloads by itself (its build check does, once)', () => {
    const sw = fakeRegistration();
    const reload = vi.fn();
    const every = vi.fn();
    startServiceWorker(sw.registerSW, 'kiosk', { reload, setInterval: every, container: sw.container });
    render(<UpdateBar />);
    sw.waiting();
    expect(sw.update).toHaveBeenCalledOnce();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    sw.controlling();
    expect(reload).not.toHaveBeenCalled();
    sw.registered({ update: vi.fn() });
    expect(every).not.toHaveBeenCalled();
  });
});
