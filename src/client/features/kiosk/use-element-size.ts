// The rendered size of an element, kept current by one ResizeObserver (window size where there
// is none, as in jsdom), so the door grid can plan how many tiles fit.
import { type RefObject, useEffect, useState } from 'react';
import type { Size } from './kiosk-grid';

const windowSize = (): Size => ({ width: window.innerWidth, height: window.innerHeight });

export function useElementSize(ref: RefObject<HTMLElement | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    const element = ref.current;
    const update = (next: Size) =>
      setSize((prev) => (prev !== null && prev.width === next.width && prev.height === next.height ? prev : next));
    if (element === null || typeof ResizeObserver === 'undefined') {
      const onResize = () => update(windowSize());
      onResize();
      window.addEventListener('resize', onResize);
      return () => window.removeEventListener('resize', onResize);
    }
    const observer = new ResizeObserver(([entry]) => {
      if (entry) update({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The viewport, for sizes that scale with the screen rather than with one element. */
export function useViewportSize(): Size {
  const [size, setSize] = useState<Size>(windowSize);
  useEffect(() => {
    const onResize = () =>
      setSize((prev) => (prev.width === window.innerWidth && prev.height === window.innerHeight ? prev : windowSize()));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
