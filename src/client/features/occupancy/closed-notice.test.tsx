import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeConfig } from '@/client/test/fixtures';
import { openingHoursSchema } from '@/shared/opening-hours';
import { ClosedNotice } from './closed-notice';

// Friday 27 November 2026, 21:59:30 in Budapest.
const FRI_215930 = new Date('2026-11-27T20:59:30Z');
const config = makeConfig({ openingHours: openingHoursSchema.parse({ weekly: { fri: [['07:00', '22:00']], mon: [['07:00', '22:00']] } }) });

afterEach(() => {
  vi.useRealTimers();
});

describe('ClosedNotice', () => {
  it('says "Closed now" with the next opening once the hours end, without anything new from the server', async () => {
    vi.useFakeTimers({ now: FRI_215930 });
    render(<ClosedNotice config={config} />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(screen.getByRole('status')).toHaveTextContent('Closed now · opens Monday 07:00');
  });

  it('says nothing without hours or without the config', () => {
    vi.useFakeTimers({ now: new Date('2026-11-27T22:00:00Z') }); // 23:00: closed by the hours above
    const { rerender } = render(<ClosedNotice config={config} />);
    expect(screen.getByRole('status')).toBeInTheDocument();
    rerender(<ClosedNotice config={makeConfig({ openingHours: null })} />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    rerender(<ClosedNotice config={undefined} />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
