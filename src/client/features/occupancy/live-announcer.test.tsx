import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveAnnouncer } from './live-announcer';

beforeEach(() => {
  vi.useFakeTimers();
});

describe('LiveAnnouncer', () => {
  it('is a polite region that stays quiet on first load and on unchanged polls', () => {
    const { rerender } = render(<LiveAnnouncer state="live:available" message="Live: 37 people inside." />);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    rerender(<LiveAnnouncer state="live:available" message="Live: 37 people inside." />);
    act(() => {
      vi.advanceTimersByTime(120_000);
    });
    expect(region).toBeEmptyDOMElement();
  });

  it('announces a changed total at most once a minute, with the latest number', () => {
    const { rerender } = render(<LiveAnnouncer state="live:available" message="Live: 37 people inside." />);
    const region = screen.getByRole('status');
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    rerender(<LiveAnnouncer state="live:available" message="Live: 38 people inside." />);
    expect(region).toBeEmptyDOMElement();
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    rerender(<LiveAnnouncer state="live:available" message="Live: 39 people inside." />);
    act(() => {
      vi.advanceTimersByTime(29_000);
    });
    expect(region).toBeEmptyDOMElement();
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(region).toHaveTextContent('Live: 39 people inside.');

    rerender(<LiveAnnouncer state="live:available" message="Live: 40 people inside." />);
    act(() => {
      vi.advanceTimersByTime(59_000);
    });
    expect(region).toHaveTextContent('Live: 39 people inside.');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(region).toHaveTextContent('Live: 40 people inside.');
  });

  it('announces a change of state at once', () => {
    const { rerender } = render(<LiveAnnouncer state="live:available" message="Live: 37 people inside." />);
    rerender(<LiveAnnouncer state="stale:network" message="Live updates stopped." />);
    expect(screen.getByRole('status')).toHaveTextContent('Live updates stopped.');
    rerender(<LiveAnnouncer state="live:nearly_full" message="Live: 100 people inside." />);
    expect(screen.getByRole('status')).toHaveTextContent('Live: 100 people inside.');
  });
});
