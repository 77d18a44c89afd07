import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeviceView } from './device-view';
import { OccupancyGauge } from './occupancy-gauge';

function device(overrides: Partial<DeviceView> = {}): DeviceView {
  return { id: 91, label: 'Main entrance', in: 412, out: 398, raw: 14, occupancy: 14, capacity: 40, ...overrides };
}

describe('OccupancyGauge', () => {
  it('draws a gauge against the capacity with a text equivalent', () => {
    render(<OccupancyGauge device={device()} />);
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
    render(<OccupancyGauge device={device({ occupancy, raw: occupancy, capacity })} />);
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
    render(<OccupancyGauge device={device({ label: 'Staff door', capacity: null, occupancy: 1, raw: 1, in: 5, out: 4 })} />);
    const card = screen.getByRole('article', { name: 'Staff door' });
    expect(within(card).queryByRole('img')).not.toBeInTheDocument();
    expect(within(card).getByText('1')).toBeInTheDocument();
    expect(within(card).getByText('person inside')).toBeInTheDocument();
    expect(within(card).getByText('In').nextElementSibling).toHaveTextContent('5');
    expect(within(card).getByText('Out').nextElementSibling).toHaveTextContent('4');
    expect(within(card).queryByText(/Space available|Nearly full|Full/)).not.toBeInTheDocument();
  });

  it('shows a negative raw occupancy as 0 with a note, never silently', () => {
    render(<OccupancyGauge device={device({ label: 'Garden door', raw: -12, occupancy: 0, in: 88, out: 100 })} />);
    const card = screen.getByRole('article', { name: 'Garden door' });
    expect(within(card).getByRole('img', { name: /^Garden door: 0 people inside of 40, 0\s?%, space available$/ })).toBeInTheDocument();
    expect(within(card).getByText('0')).toBeInTheDocument();
    expect(within(card).getByText(/^More people left than entered by this door today \(-12\)\.$/)).toBeInTheDocument();
  });

  it('has no note when the door counts are consistent', () => {
    render(<OccupancyGauge device={device()} />);
    expect(screen.queryByText(/more people left/i)).not.toBeInTheDocument();
  });

  it('marks stale numbers with their age and says so in the text equivalent', () => {
    render(<OccupancyGauge device={device()} stale age={{ receivedAt: Date.now(), ageAtReceipt: 130 }} />);
    const card = screen.getByRole('article', { name: 'Main entrance' });
    expect(within(card).getByRole('img', { name: /, not live$/ })).toBeInTheDocument();
    expect(within(card).getByText('2 min')).toBeInTheDocument();
    expect(within(card).getByText('2 min').parentElement).toHaveTextContent('Numbers 2 min old');
    expect(card).toHaveAttribute('data-stale', 'true');
  });
});
