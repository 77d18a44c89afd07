import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RELOADED_FOR_BUILDS_KEY, useBuildReload } from './use-build-reload';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

function setup(store: ReturnType<typeof memoryStore> | null = memoryStore()) {
  const reload = vi.fn();
  const storage = () => store;
  const hook = renderHook(({ buildId }: { buildId: string | undefined }) => useBuildReload(buildId, reload, storage), {
    initialProps: { buildId: undefined as string | undefined },
  });
  return { reload, store, see: (buildId: string | undefined) => hook.rerender({ buildId }) };
}

describe('useBuildReload', () => {
  it('takes the first build id it sees as its own and reloads once for a new one', () => {
    const { reload, see, store } = setup();
    see('a1');
    see('a1');
    expect(reload).not.toHaveBeenCalled();
    see('b2');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(JSON.parse(store?.data.get(RELOADED_FOR_BUILDS_KEY) ?? '[]')).toEqual(['a1', 'b2']);
  });

  it('never reloads while nothing was fetched (a server that is down)', () => {
    const { reload, see } = setup();
    see('a1');
    see(undefined);
    see(undefined);
    expect(reload).not.toHaveBeenCalled();
  });

  it('after the reload, old and new builds answering in turn cause no further reload', () => {
    const store = memoryStore({ [RELOADED_FOR_BUILDS_KEY]: JSON.stringify(['a1', 'b2']) });
    const { reload, see } = setup(store);
    see('b2');
    see('a1');
    see('b2');
    see('a1');
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads again for the next deploy, remembering only a few builds', () => {
    const store = memoryStore({ [RELOADED_FOR_BUILDS_KEY]: JSON.stringify(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) });
    const { reload, see } = setup(store);
    see('h');
    see('i');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(JSON.parse(store.data.get(RELOADED_FOR_BUILDS_KEY) ?? '[]')).toEqual(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  });

  it('does not reload where the guard cannot be kept (storage blocked or full)', () => {
    const blocked = setup(null);
    blocked.see('a1');
    blocked.see('b2');
    expect(blocked.reload).not.toHaveBeenCalled();

    const full = memoryStore();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const quota = setup(full);
    quota.see('a1');
    quota.see('b2');
    expect(quota.reload).not.toHaveBeenCalled();
  });

  it('ignores a corrupt guard entry rather than failing', () => {
    const { reload, see } = setup(memoryStore({ [RELOADED_FOR_BUILDS_KEY]: '{not json' }));
    see('a1');
    see('b2');
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
