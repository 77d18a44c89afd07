// The rendered size of an element, measured before the first paint (a chart is drawn at its real
// size from the first frame) and followed with one ResizeObserver. Where nothing can be measured
// (a test DOM), it keeps `initial`, or follows the window when asked to.
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

const windowSize = (): Size => ({ width: window.innerWidth, height: window.innerHeight });

export function useElementSize<T extends HTMLElement, S extends Size | null = Size>(
  initial: S,
  { windowFallback = false } = {},
): [RefObject<T | null>, Size | S] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<Size | S>(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    const update = ({ width, height }: Size) => setSize((s) => (s !== null && s.width === width && s.height === height ? s : { width, height }));
    const measure = () => {
      if (!element) return;
      const rect = element.getBoundingClientRect();
      const width = Math.floor(rect.width);
      const height = Math.floor(rect.height);
      if (width > 0 && height > 0) update({ width, height });
    };
    measure();
    if (element && typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      return () => observer.disconnect();
    }
    if (!windowFallback) return;
    const onResize = () => update(windowSize());
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [windowFallback]);
  return [ref, size];
}

/** The viewport, for sizes that scale with the screen rather than with one element. */
export function useViewportSize(): Size {
  const [size, setSize] = useState<Size>(windowSize);
  useLayoutEffect(() => {
    const onResize = () => setSize((prev) => (prev.width === window.innerWidth && prev.height === window.innerHeight ? prev : windowSize()));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
