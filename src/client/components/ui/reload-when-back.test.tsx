import { render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadChunk, ReloadWhenBack } from './reload-when-back';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ReloadWhenBack', () => {
  it('a chunk that cannot load: "Reconnecting", no reload while the server is down, one reload once it answers', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.useFakeTimers();
    let serverUp = false;
    const fetchMock = vi.fn(() => (serverUp ? Promise.resolve(new Response('{}', { status: 200 })) : Promise.reject(new TypeError('Failed to fetch'))));
    vi.stubGlobal('fetch', fetchMock);
    const reload = vi.fn();
    const Page = lazy(loadChunk(() => Promise.reject<{ default: () => null }>(new TypeError('Failed to fetch dynamically imported module'))));
    render(
      <ReloadWhenBack reload={reload}>
        <Suspense fallback={null}>
          <Page />
        </Suspense>
      </ReloadWhenBack>,
    );
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Reconnecting to the server…'));
    await vi.advanceTimersByTimeAsync(5_000 + 10_000 + 20_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(reload).not.toHaveBeenCalled();
    serverUp = true;
    await vi.advanceTimersByTimeAsync(40_000);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a rendering bug is said once, with no reload', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reload = vi.fn();
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const Broken = () => {
      throw new Error('bug');
    };
    render(
      <ReloadWhenBack reload={reload}>
        <Broken />
      </ReloadWhenBack>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('This screen could not be shown.');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });
});
