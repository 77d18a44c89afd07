import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useWakeLock } from './use-wake-lock';

class FakeSentinel extends EventTarget {
  released = false;
  readonly type = 'screen';
  release = vi.fn(() => {
    this.released = true;
    this.dispatchEvent(new Event('release'));
    return Promise.resolve();
  });
}

let visibility: DocumentVisibilityState = 'visible';

function installWakeLock(request: () => Promise<FakeSentinel>) {
  const wakeLock = { request: vi.fn(request) };
  Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: wakeLock });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  return wakeLock;
}

async function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  await act(async () => {
    document.dispatchEvent(new Event('visibilitychange'));
    await Promise.resolve();
  });
}

afterEach(() => {
  visibility = 'visible';
  Reflect.deleteProperty(navigator, 'wakeLock');
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('useWakeLock', () => {
  it('holds the screen awake, asks again when the page is visible again, and lets go on unmount', async () => {
    const sentinels: FakeSentinel[] = [];
    const wakeLock = installWakeLock(() => {
      const s = new FakeSentinel();
      sentinels.push(s);
      return Promise.resolve(s);
    });
    const { unmount } = renderHook(() => useWakeLock());
    await act(() => Promise.resolve());
    expect(wakeLock.request).toHaveBeenCalledWith('screen');
    expect(wakeLock.request).toHaveBeenCalledTimes(1);

    // Hidden: the browser releases the lock. Visible again: a new one.
    void sentinels[0]?.release();
    await setVisibility('hidden');
    expect(wakeLock.request).toHaveBeenCalledTimes(1);
    await setVisibility('visible');
    expect(wakeLock.request).toHaveBeenCalledTimes(2);

    // Still held: a visibility event does not stack a second lock.
    await setVisibility('visible');
    expect(wakeLock.request).toHaveBeenCalledTimes(2);

    unmount();
    expect(sentinels[1]?.release).toHaveBeenCalled();
    await setVisibility('visible');
    expect(wakeLock.request).toHaveBeenCalledTimes(2); // the listener is gone
  });

  it('stays quiet when the browser refuses, and tries again on the next visibility change', async () => {
    let refuse = true;
    const wakeLock = installWakeLock(() =>
      refuse ? Promise.reject(new DOMException('battery saver', 'NotAllowedError')) : Promise.resolve(new FakeSentinel()),
    );
    const error = vi.spyOn(console, 'error');
    renderHook(() => useWakeLock());
    await act(() => Promise.resolve());
    refuse = false;
    await setVisibility('visible');
    expect(wakeLock.request).toHaveBeenCalledTimes(2);
    expect(error).not.toHaveBeenCalled();
  });

  it('does nothing where the API does not exist', () => {
    expect(() => renderHook(() => useWakeLock())).not.toThrow();
  });
});
