import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeOccupancy } from '@/client/test/fixtures';
import { doorCard, KioskCards, spaceCard } from './kiosk-cards';

const doors = Array.from({ length: 12 }, (_, i) =>
  doorCard({
    id: 91 + i,
    label: `Door ${String(i + 1).padStart(2, '0')}`,
    occupancy: 10 + i,
    capacity: i % 3 === 0 ? null : 40,
  }),
);

beforeEach(() => {
  vi.useFakeTimers();
  // jsdom has no ResizeObserver, so the grid plans for the whole window: 1024 × 768 holds 9
  // legible tiles, so 12 doors go on two pages of 6.
  window.innerWidth = 1024;
  window.innerHeight = 768;
});
afterEach(() => vi.useRealTimers());

const live = { kind: 'live', ageSeconds: 2 } as const;

describe('KioskCards', () => {
  it('turns the pages by itself, with a visible indicator, and never piles up timers', () => {
    const turn = () =>
      act(() => {
        vi.advanceTimersByTime(10_000);
      });
    render(<KioskCards name="doors" cards={doors} freshness={live} rotateMs={10_000} status={null} />);
    const page1 = screen.getByRole('list', { name: 'Doors, page 1 of 2' });
    expect(within(page1).getAllByRole('article')).toHaveLength(6);
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    const timers = vi.getTimerCount();

    turn();
    const page2 = screen.getByRole('list', { name: 'Doors, page 2 of 2' });
    expect(
      within(page2)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(doors.slice(6).map((d) => d.label));
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();

    for (let i = 0; i < 49; i++) turn(); // fifty turns in all
    expect(screen.getByRole('list', { name: 'Doors, page 1 of 2' })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(6);
    expect(vi.getTimerCount()).toBe(timers);
  });

  it('shows the first page at once and fades in only the pages that follow', () => {
    render(<KioskCards name="doors" cards={doors} freshness={live} rotateMs={10_000} status={null} />);
    expect(screen.getByRole('list', { name: 'Doors, page 1 of 2' })).not.toHaveClass('kiosk-page-in');
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.getByRole('list', { name: 'Doors, page 2 of 2' })).toHaveClass('kiosk-page-in');
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    // Back on page 1, which now follows another: it fades in too.
    expect(screen.getByRole('list', { name: 'Doors, page 1 of 2' })).toHaveClass('kiosk-page-in');
  });

  it('shows a few doors on one page, without an indicator or a timer', () => {
    render(<KioskCards name="doors" cards={doors.slice(0, 2)} freshness={live} rotateMs={10_000} status={null} />);
    expect(screen.getByRole('list', { name: 'Doors' })).toBeInTheDocument();
    expect(screen.queryByText(/^Page/)).not.toBeInTheDocument();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('greys the states and shows the age once the count is unavailable', () => {
    render(<KioskCards name="doors" cards={doors.slice(0, 2)} freshness={{ kind: 'unavailable', ageSeconds: 150 }} rotateMs={10_000} status={null} />);
    const second = screen.getByRole('article', { name: 'Door 02' });
    expect(second).toHaveAttribute('data-stale', 'true');
    expect(within(second).getByText('2 min old')).toBeInTheDocument();
    expect(within(second).queryByText(/Space available|Nearly full|Full/)).not.toBeInTheDocument();
  });

  it("shows a space's state as the server gave it, and says when none of its doors reports", () => {
    const [site, main, garden] = makeOccupancy().spaces;
    const cards = [
      // The server says nearly full at 60 % because this space's own threshold is 0.6.
      spaceCard({ ...site!, name: 'Whole building', occupancy: 72, capacity: 120, nearlyFull: 0.6, state: 'nearly_full' }, true),
      spaceCard({ ...main!, name: 'Café', occupancy: 0, capacity: 40, state: 'unknown' }, false),
      spaceCard({ ...garden!, name: 'Garden', occupancy: 5, capacity: null, state: 'unknown' }, true),
      spaceCard({ ...garden!, id: 'sauna', name: 'Sauna', occupancy: 0, capacity: null, state: 'unknown' }, false),
    ];
    render(<KioskCards name="spaces" cards={cards} freshness={live} rotateMs={10_000} status={null} />);
    const list = screen.getByRole('list', { name: 'Spaces' });
    const building = within(list).getByRole('article', { name: 'Whole building' });
    expect(within(building).getByText('of 120 · 60%')).toBeInTheDocument();
    expect(within(building).getByText('Nearly full')).toBeInTheDocument();
    const cafe = within(list).getByRole('article', { name: 'Café' });
    expect(cafe).toHaveTextContent('Live count unavailable');
    expect(within(cafe).getByText('0')).toHaveClass('opacity-60');
    // No capacity: the count only, and no state line to read…
    const gardenCard = within(list).getByRole('article', { name: 'Garden' });
    expect(gardenCard).toHaveTextContent('5people inside');
    expect(gardenCard).not.toHaveTextContent(/Live count unavailable|Space available|Nearly full|Full/);
    expect(within(gardenCard).getByText('5')).not.toHaveClass('opacity-60');
    // …unless there is no count at all.
    const sauna = within(list).getByRole('article', { name: 'Sauna' });
    expect(sauna).toHaveTextContent('Live count unavailable');
    expect(within(sauna).getByText('0')).toHaveClass('opacity-60');
  });
});
