import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Size, useElementSize } from './use-element-size';

function Probe({ initial, windowFallback }: { initial: Size | null; windowFallback?: boolean }) {
  const [ref, size] = useElementSize<HTMLDivElement, Size | null>(initial, { windowFallback });
  return <div ref={ref}>{size === null ? 'none' : `${size.width}×${size.height}`}</div>;
}

// jsdom has no layout and no ResizeObserver: nothing can be measured.
describe('useElementSize where nothing can be measured', () => {
  it('keeps the initial size (a chart draws at its planned size)', () => {
    render(<Probe initial={{ width: 640, height: 256 }} />);
    expect(screen.getByText('640×256')).toBeInTheDocument();
  });

  it('follows the window when asked to (the kiosk plans its grid on the screen)', () => {
    render(<Probe initial={null} windowFallback />);
    expect(screen.getByText(`${window.innerWidth}×${window.innerHeight}`)).toBeInTheDocument();
    act(() => {
      window.innerWidth = 800;
      window.dispatchEvent(new Event('resize'));
    });
    expect(screen.getByText(`800×${window.innerHeight}`)).toBeInTheDocument();
  });
});
