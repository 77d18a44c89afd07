// The kiosk outside opening hours: it turns "Closed" when the minute turns, without a new poll
// answer, says the next opening on the site's clock, and shows no count as live meanwhile.
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/client/lib/query-client';
import { json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { fakeBff } from '@/client/test/render-app';
import { type OpeningHours, openingHoursSchema } from '@/shared/opening-hours';
import { KioskPage } from './kiosk-page';

// Monday 30 November 2026, 21:59:30 in Budapest (CET).
const MON_215930 = new Date('2026-11-30T20:59:30Z');
const HOURS = openingHoursSchema.parse({ weekly: { mon: [['07:00', '22:00']], wed: [['07:00', '22:00']] } });

afterEach(() => {
  vi.useRealTimers();
});

function renderKiosk(search: string, hours: OpeningHours | null = HOURS) {
  vi.useFakeTimers();
  vi.setSystemTime(MON_215930);
  const bff = fakeBff({
    '/api/config': () => json(makeConfig({ pollIntervalMs: 60_000, openingHours: hours })),
    '/api/occupancy': () => json(makeOccupancy({ ageSeconds: 0 })),
  });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  render(
    <QueryClientProvider client={queryClient}>
      <KioskPage search={search} reload={vi.fn()} />
    </QueryClientProvider>,
  );
  return bff;
}

describe('KioskPage outside opening hours', () => {
  it.each([
    ['total', '?mode=total'],
    ['cards', ''],
  ])('turns Closed at 22:00 in %s mode without a new poll answer, and says when it opens', async (_mode, search) => {
    const bff = renderKiosk(search);
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(screen.getByText('Live')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Closed' })).not.toBeInTheDocument();
    const polls = bff.calls.filter((p) => p === '/api/occupancy').length;

    await act(() => vi.advanceTimersByTimeAsync(31_000)); // 22:00:01, before the next poll
    expect(bff.calls.filter((p) => p === '/api/occupancy').length).toBe(polls);
    expect(screen.getByRole('heading', { name: 'Closed' })).toBeInTheDocument();
    expect(screen.getByText('Opens Wednesday 07:00')).toBeInTheDocument();
    // No count as live: neither the word nor a number nor the sign.
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Entrance sign' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Inside now' })).not.toBeInTheDocument();
  });

  it('says "tomorrow" and "at" by the site’s calendar', async () => {
    renderKiosk('?mode=total', openingHoursSchema.parse({ weekly: { mon: [['07:00', '22:00']], tue: [['07:00', '22:00']] } }));
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(screen.getByText('Opens tomorrow 07:00')).toBeInTheDocument();
  });

  it('still says what in its link needs a fix while closed', async () => {
    renderKiosk('?space=nowhere');
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(screen.getByRole('heading', { name: 'This kiosk link needs a fix' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Closed' })).not.toBeInTheDocument();
  });

  it('stays on the counts without hours', async () => {
    renderKiosk('?mode=total', null);
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(screen.getByText('Live')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Closed' })).not.toBeInTheDocument();
  });
});
