import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeviceSection } from './device-section';
import type { DeviceView } from './device-view';

const devices: DeviceView[] = [
  { id: 1, label: 'Main entrance', in: 412, out: 398, raw: 14, occupancy: 14, capacity: 40 },
  { id: 2, label: 'garden door', in: 88, out: 100, raw: -12, occupancy: 0, capacity: null },
  { id: 3, label: 'Side entrance', in: 704, out: 669, raw: 35, occupancy: 35, capacity: 40 },
  { id: 4, label: 'Door 10', in: 9, out: 2, raw: 7, occupancy: 7, capacity: null },
  { id: 5, label: 'Door 9', in: 30, out: 2, raw: 28, occupancy: 28, capacity: 60 },
];

function shownLabels() {
  const list = screen.getByRole('list', { name: /Doors/ });
  return within(list)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);
}

function renderSection() {
  render(<DeviceSection devices={devices} stale={false} age={{ receivedAt: Date.now(), ageAtReceipt: 0 }} />);
}

describe('DeviceSection', () => {
  it('lists every door by name, numbers in natural order, case-insensitively', () => {
    renderSection();
    expect(shownLabels()).toEqual(['Door 9', 'Door 10', 'garden door', 'Main entrance', 'Side entrance']);
  });

  it('sorts by occupancy, high to low', async () => {
    renderSection();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Most people first');
    expect(shownLabels()).toEqual(['Side entrance', 'Door 9', 'Main entrance', 'Door 10', 'garden door']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Name (A–Z)');
    expect(shownLabels()[0]).toBe('Door 9');
  });

  it('filters by name and says how many are shown', async () => {
    renderSection();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'ENTRANCE');
    expect(await screen.findByText('Showing 2 of 5 doors')).toBeInTheDocument();
    expect(shownLabels()).toEqual(['Main entrance', 'Side entrance']);
  });

  it('explains an empty filter result and clears it', async () => {
    renderSection();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'attic');
    expect(await screen.findByText('No door name contains “attic”.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(screen.getByRole('searchbox', { name: 'Filter by name' })).toHaveValue('');
    expect(shownLabels()).toHaveLength(5);
  });
});
