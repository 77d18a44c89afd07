import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { resetForTests, startServiceWorker, UPDATE_CHECK_MS } from './service-worker';
import { UpdateBar } from './update-bar';

afterEach(() => resetForTests());

/** The plugin's registerSW, played by the test: it calls the callbacks as workbox-window would. */
function fakeRegistration() {
  let options: RegisterSWOptions = {};
  const update = vi.fn(() => Promise.resolve());
  const registerSW = vi.fn((given: RegisterSWOptions) => {
    options = given;
    return update;
  });
  return {
    registerSW,
    update,
    /** A new build's worker installed and waits. */
    waiting: () => act(() => options.onNeedRefresh?.()),
    /** The new worker took over this page. */
    controlling: () => act(() => options.onNeedReload?.()),
    registered: (registration: Partial<ServiceWorkerRegistration>) => options.onRegisteredSW?.('/sw.js', registration as ServiceWorkerRegistration),
  };
}

describe('a new build on the dashboard', () => {
  it('offers "Reload for the new version" while the new worker waits; the click activates it and the page reloads once', async () => {
    const sw = fakeRegistration();
    const reload = vi.fn();
    startServiceWorker(sw.registerSW, 'app', { reload, setInterval: () => 0 });
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

  it('asks the server for a new worker every hour while the dashboard stays open', () => {
    const sw = fakeRegistration();
    const every = vi.fn();
    startServiceWorker(sw.registerSW, 'app', { reload: vi.fn(), setInterval: every });
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
    startServiceWorker(sw.registerSW, 'kiosk', { reload, setInterval: every });
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
