import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDailyReload } from './use-daily-reload';

const LOADED = new Date('2027-01-15T02:00:00Z'); // 03:00 in Budapest
const DUE = new Date('2027-01-15T02:30:00Z').getTime(); // 03:30

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(LOADED);
});
afterEach(() => vi.useRealTimers());

function setup(at: string | null = '03:30') {
  const reload = vi.fn();
  const hook = renderHook(
    ({ nowMs, flowing }: { nowMs: number; flowing: boolean }) => useDailyReload({ at, timeZone: 'Europe/Budapest', nowMs, flowing, reload }),
    { initialProps: { nowMs: LOADED.getTime(), flowing: true } },
  );
  return { reload, at: (nowMs: number, flowing = true) => hook.rerender({ nowMs, flowing }) };
}

describe('useDailyReload', () => {
  it('reloads once at the quiet hour while data flows', () => {
    const { reload, at } = setup();
    at(DUE - 1000);
    expect(reload).not.toHaveBeenCalled();
    at(DUE);
    at(DUE + 1000);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('waits while data is not flowing, and reloads once it flows again', () => {
    const { reload, at } = setup();
    at(DUE + 60_000, false);
    at(DUE + 3_600_000, false);
    expect(reload).not.toHaveBeenCalled();
    at(DUE + 3_700_000, true);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('can be switched off', () => {
    const { reload, at } = setup(null);
    at(DUE + 86_400_000);
    expect(reload).not.toHaveBeenCalled();
  });
});
