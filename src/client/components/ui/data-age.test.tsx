import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataAge } from './data-age';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-26T10:15:05Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DataAge', () => {
  it('ticks: the age at receipt plus the time since', () => {
    render(<DataAge receivedAt={Date.now()} ageAtReceipt={8} />);
    expect(screen.getByText('8 s ago')).toBeInTheDocument();

    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(screen.getByText('11 s ago')).toBeInTheDocument();

    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('1 min ago')).toBeInTheDocument();

    act(() => {
      vi.advanceTimersByTime(2 * 3600_000);
    });
    expect(screen.getByText('2 h 1 min ago')).toBeInTheDocument();
  });

  it('says "a moment ago" for a brand-new answer', () => {
    render(<DataAge receivedAt={Date.now()} ageAtReceipt={0.2} />);
    expect(screen.getByText('a moment ago')).toBeInTheDocument();
  });

  it('stops its timer when nothing shows an age', () => {
    const { unmount } = render(<DataAge receivedAt={Date.now()} ageAtReceipt={1} />);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
