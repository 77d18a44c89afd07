import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNearScreen } from './use-near-screen';

function Part() {
  const [ref, near] = useNearScreen<HTMLDivElement>();
  return <div ref={ref}>{near ? 'loaded' : 'placeholder'}</div>;
}

/** An IntersectionObserver the test drives: `show(true)` brings every observed element near the screen. */
function fakeObserver() {
  const observers: { callback: IntersectionObserverCallback; targets: Element[]; disconnected: boolean }[] = [];
  class FakeObserver {
    private readonly entry;
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, targets: [] as Element[], disconnected: false };
      observers.push(this.entry);
    }
    observe(target: Element) {
      this.entry.targets.push(target);
    }
    disconnect() {
      this.entry.disconnected = true;
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  return {
    observers,
    show(isIntersecting: boolean) {
      for (const o of observers.filter((x) => !x.disconnected))
        o.callback(
          o.targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry),
          o as unknown as IntersectionObserver,
        );
    },
  };
}

describe('a part below the first screen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('stays a placeholder until its place nears the screen, then stays loaded', () => {
    const io = fakeObserver();
    render(<Part />);
    expect(screen.getByText('placeholder')).toBeDefined();
    act(() => io.show(false));
    expect(screen.getByText('placeholder')).toBeDefined();
    act(() => io.show(true));
    expect(screen.getByText('loaded')).toBeDefined();
    expect(io.observers.every((o) => o.disconnected)).toBe(true);
  });

  it('loads at once where the browser cannot tell', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(<Part />);
    expect(screen.getByText('loaded')).toBeDefined();
  });
});
