import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { spaceState } from '@/shared/spaces';
import { OccupancyGauge } from './occupancy-gauge';
import type { SpaceView } from './space-view';

/** A space as the server sends it: its state from the shared rule, at its own threshold. */
function space(overrides: Partial<SpaceView> = {}): SpaceView {
  const base = {
    id: 'device-91',
    label: 'Main entrance',
    in: 412,
    out: 398,
    raw: 14,
    occupancy: 14,
    capacity: 40,
    nearlyFull: 0.8,
    drift: null,
    counted: true,
    ...overrides,
  };
  return { state: spaceState(base.occupancy, base, base.counted), ...base };
}

describe('OccupancyGauge', () => {
  it('draws a gauge against the capacity with a text equivalent', () => {
    render(<OccupancyGauge door space={space()} />);
    const card = screen.getByRole('article', { name: 'Main entrance' });
    expect(within(card).getByRole('heading', { level: 3, name: 'Main entrance' })).toBeInTheDocument();
    expect(within(card).getByRole('img', { name: /^Main entrance: 14 people inside of 40, 35\s?%, space available$/ })).toBeInTheDocument();
    expect(within(card).getByText('14')).toBeInTheDocument();
    expect(within(card).getByText('of 40')).toBeInTheDocument();
    expect(within(card).getByText(/^35\s?%$/)).toBeInTheDocument();
    expect(within(card).getByText('412')).toBeInTheDocument();
    expect(within(card).getByText('398')).toBeInTheDocument();
  });

  it.each([
    { occupancy: 31, capacity: 39, percent: '79', words: 'Space available' },
    { occupancy: 32, capacity: 40, percent: '80', words: 'Nearly full' },
    { occupancy: 39, capacity: 40, percent: '97', words: 'Nearly full' },
    { occupancy: 40, capacity: 40, percent: '100', words: 'Full' },
    { occupancy: 45, capacity: 40, percent: '112', words: 'Full' },
  ])('says "$words" at $occupancy of $capacity ($percent %)', ({ occupancy, capacity, percent, words }) => {
    render(<OccupancyGauge door space={space({ occupancy, raw: occupancy, capacity })} />);
    const card = screen.getByRole('article', { name: 'Main entrance' });
    expect(within(card).getByText(words)).toBeInTheDocument();
    expect(within(card).getByText(new RegExp(`^${percent}\\s?%$`))).toBeInTheDocument();
    expect(
      within(card).getByRole('img', {
        name: `Main entrance: ${occupancy} people inside of ${capacity}, ${within(card).getByText(new RegExp(`^${percent}`)).textContent}, ${words.toLowerCase()}`,
      }),
    ).toBeInTheDocument();
  });

  it('shows a plain number with IN and OUT and no gauge when no capacity is configured', () => {
    render(<OccupancyGauge door space={space({ label: 'Staff door', capacity: null, occupancy: 1, raw: 1, in: 5, out: 4 })} />);
    const card = screen.getByRole('article', { name: 'Staff door' });
    expect(within(card).queryByRole('img')).not.toBeInTheDocument();
    expect(within(card).getByText('1')).toBeInTheDocument();
    expect(within(card).getByText('person inside')).toBeInTheDocument();
    expect(within(card).getByText('In').nextElementSibling).toHaveTextContent('5');
    expect(within(card).getByText('Out').nextElementSibling).toHaveTextContent('4');
    expect(within(card).queryByText(/Space available|Nearly full|Full/)).not.toBeInTheDocument();
  });

  it('shows a negative raw occupancy as 0 with a note, never silently', () => {
    render(<OccupancyGauge door space={space({ label: 'Garden door', raw: -12, occupancy: 0, in: 88, out: 100 })} />);
    const card = screen.getByRole('article', { name: 'Garden door' });
    expect(within(card).getByRole('img', { name: /^Garden door: 0 people inside of 40, 0\s?%, space available$/ })).toBeInTheDocument();
    expect(within(card).getByText('0')).toBeInTheDocument();
    expect(within(card).getByText(/^More people left than entered by this door today \(-12\)\.$/)).toBeInTheDocument();
  });

  it('has no note when the door counts are consistent', () => {
    render(<OccupancyGauge door space={space()} />);
    expect(screen.queryByText(/more people left/i)).not.toBeInTheDocument();
  });

  it('marks stale numbers with their age and says so in the text equivalent', () => {
    render(<OccupancyGauge door space={space()} stale age={{ receivedAt: Date.now(), ageAtReceipt: 130 }} />);
    const card = screen.getByRole('article', { name: 'Main entrance' });
    expect(within(card).getByRole('img', { name: /, not live$/ })).toBeInTheDocument();
    expect(within(card).getByText('2 min')).toBeInTheDocument();
    expect(within(card).getByText('2 min').parentElement).toHaveTextContent('Numbers 2 min old');
    expect(card).toHaveAttribute('data-stale', 'true');
  });

  it("uses the space's own nearly-full share: the state word and the tick on the arc", () => {
    render(<OccupancyGauge space={space({ label: 'Café', occupancy: 30, raw: 30, capacity: 40, nearlyFull: 0.7 })} />);
    const card = screen.getByRole('article', { name: 'Café' });
    expect(within(card).getByText('Nearly full')).toBeInTheDocument();
    const arc = within(card).getByRole('img', { name: /^Café: 30 people inside of 40, 75\s?%, nearly full$/ });
    expect(arc.querySelector('[data-threshold]')).toHaveAttribute('data-threshold', '0.7');
  });

  it('says "Live count unavailable" and shows no number when none of its doors is counted', () => {
    render(<OccupancyGauge space={space({ label: 'Office', occupancy: 0, raw: 0, in: 0, out: 0, capacity: 10, counted: false })} />);
    const card = screen.getByRole('article', { name: 'Office' });
    expect(card).toHaveAttribute('data-state', 'unknown');
    expect(within(card).getByText('Live count unavailable')).toBeInTheDocument();
    expect(within(card).queryByRole('img')).not.toBeInTheDocument();
    expect(within(card).queryByText('0')).not.toBeInTheDocument();
    expect(within(card).queryByText(/Space available|Nearly full|Full/)).not.toBeInTheDocument();
  });

  it('notes a drifting space in words, never as a door', () => {
    render(<OccupancyGauge space={space({ label: 'Library', in: 150, out: 200, raw: -50, occupancy: 0, capacity: 60, drift: 50 })} />);
    const card = screen.getByRole('article', { name: 'Library' });
    expect(within(card).getByText('Counts don’t balance: 50 more left than entered today.')).toBeInTheDocument();
    expect(within(card).queryByText(/by this door/)).not.toBeInTheDocument();
  });
});
