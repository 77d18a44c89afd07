import { act, render, screen } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from './lazy-screen';
import { ChunkLoadError } from './reload-when-back';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function Greeting({ name }: { name: string }) {
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" onClick={() => setClicks((n) => n + 1)}>
      Hello {name} ({clicks})
    </button>
  );
}

describe('lazyScreen', () => {
  it('renders at once, with no fallback, once preloaded; the code is asked for once', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const { preload, Screen } = lazyScreen(load);
    await Promise.all([preload(), preload()]);
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Screen name="Ada" />
      </Suspense>,
    );
    expect(screen.getByRole('button', { name: 'Hello Ada (0)' })).toBeInTheDocument();
    expect(screen.queryByText('Loading')).not.toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('suspends when not preloaded, and keeps its state when the parent renders again after the code came', async () => {
    const code = deferred<typeof Greeting>();
    const { Screen } = lazyScreen(() => code.promise);
    const ui = (name: string) => (
      <Suspense fallback={<p>Loading</p>}>
        <Screen name={name} />
      </Suspense>
    );
    const { rerender } = render(ui('Ada'));
    expect(screen.getByText('Loading')).toBeInTheDocument();
    await act(() => {
      code.resolve(Greeting);
      return code.promise;
    });
    const button = await screen.findByRole('button', { name: 'Hello Ada (0)' });
    act(() => button.click());
    rerender(ui('Bea'));
    // The same instance: the click it counted is still there.
    expect(screen.getByRole('button', { name: 'Hello Bea (1)' })).toBe(button);
  });

  it('says a failed download as a ChunkLoadError, and asks again on the next try', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValueOnce(Greeting);
    const { preload } = lazyScreen(load);
    await expect(preload()).rejects.toBeInstanceOf(ChunkLoadError);
    await expect(preload()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
