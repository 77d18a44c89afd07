import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeOccupancy, makeSpacesOccupancy } from '@/client/test/fixtures';
import { SpaceSection } from './space-section';
import { toSpacesView } from './space-view';

const age = { receivedAt: Date.now(), ageAtReceipt: 0 };

/** The window as a phone's (390 px): every min-width query fails. */
function onPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: !/min-width/.test(query),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

function renderSpaces(data = makeSpacesOccupancy()) {
  const view = toSpacesView(data);
  render(<SpaceSection tree={view.tree} configured={view.configured} stale={false} age={age} />);
}

/** The card names of one list level (not its nested lists). */
function level(list: HTMLElement): string[] {
  return [...list.children].map((li) => li.querySelector('h3')?.textContent ?? '');
}

describe('SpaceSection with configured spaces', () => {
  it('shows the spaces under their parent: the rooms, then the pool hall with the sauna inside it', () => {
    renderSpaces();
    expect(screen.getByRole('heading', { level: 2, name: 'Spaces (6)' })).toBeInTheDocument();
    const top = screen.getByRole('list', { name: 'Spaces (6)' });
    expect(level(top)).toEqual(['Library', 'Café', 'Gym', 'Office', 'Pool hall']);
    const inside = screen.getByRole('list', { name: 'Inside Pool hall' });
    expect(level(inside)).toEqual(['Sauna']);
    expect([...top.children].at(-1)).toContainElement(inside);
    // Each gauge in the space's own state and words.
    expect(screen.getByRole('img', { name: /^Sauna: 5 people inside of 5, 100\s?%, full$/ })).toBeVisible();
    expect(screen.getByRole('img', { name: /^Café: 30 people inside of 40, 75\s?%, nearly full$/ })).toBeVisible();
    expect(within(screen.getByRole('article', { name: 'Office' })).getByText('Live count unavailable')).toBeVisible();
    // A wide screen shows every child: nothing to fold.
    expect(screen.queryByRole('button', { name: /^Inside Pool hall/ })).not.toBeInTheDocument();
  });

  it('on a phone, folds a parent’s children away behind a thumb-sized button that says what is hidden', async () => {
    onPhone();
    renderSpaces();
    const fold = screen.getByRole('button', { name: /^Inside Pool hall/ });
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(fold).toHaveTextContent('Inside Pool hall · 1 space · 1 full');
    expect(fold.className).toMatch(/min-h-12/);
    const children = document.getElementById(fold.getAttribute('aria-controls') ?? '');
    expect(children).not.toBeVisible();
    expect(screen.getByRole('article', { name: 'Pool hall' })).toBeVisible();

    await userEvent.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    expect(children).toBeVisible();
    expect(within(children!).getByRole('article', { name: 'Sauna' })).toBeVisible();

    await userEvent.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(children).not.toBeVisible();
  });

  it('on a phone, a filter unfolds the branches that hold its matches', async () => {
    onPhone();
    renderSpaces();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'sauna');
    expect(await screen.findByText('Showing 2 of 6 spaces')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Sauna' })).toBeVisible();
    expect(screen.queryByRole('article', { name: 'Library' })).not.toBeInTheDocument();
  });

  it('sorts siblings by name or people, and back to the site’s order', async () => {
    renderSpaces();
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    expect(sort).toHaveValue('site');
    await userEvent.selectOptions(sort, 'Most people first');
    expect(level(screen.getByRole('list', { name: 'Spaces (6)' }))).toEqual(['Café', 'Gym', 'Library', 'Office', 'Pool hall']);
    await userEvent.selectOptions(sort, 'Name (A–Z)');
    expect(level(screen.getByRole('list', { name: 'Spaces (6)' }))).toEqual(['Café', 'Gym', 'Library', 'Office', 'Pool hall']);
    await userEvent.selectOptions(sort, 'Site order');
    expect(level(screen.getByRole('list', { name: 'Spaces (6)' }))).toEqual(['Library', 'Café', 'Gym', 'Office', 'Pool hall']);
  });

  it('explains an empty filter result in spaces and clears it', async () => {
    renderSpaces();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'attic');
    expect(await screen.findByText('No space name contains “attic”.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(screen.getByRole('searchbox', { name: 'Filter by name' })).toHaveValue('');
    expect(screen.getAllByRole('article')).toHaveLength(6);
  });
});

describe('SpaceSection without configured spaces (each door a space of its own)', () => {
  const doors = makeOccupancy({
    devices: [
      { id: 1, name: 'Main entrance', in: 412, out: 398, raw: 14, occupancy: 14, corrected: 14, capacity: 40 },
      { id: 2, name: 'garden door', in: 88, out: 100, raw: -12, occupancy: 0, corrected: 0, capacity: null },
      { id: 3, name: 'Side entrance', in: 704, out: 669, raw: 35, occupancy: 35, corrected: 35, capacity: 40 },
      { id: 4, name: 'Door 10', in: 9, out: 2, raw: 7, occupancy: 7, corrected: 7, capacity: null },
      { id: 5, name: 'Door 9', in: 30, out: 2, raw: 28, occupancy: 28, corrected: 28, capacity: 60 },
    ],
  });
  const labels = () => level(screen.getByRole('list', { name: /Doors/ }));

  it('lists every door by name, numbers in natural order, case-insensitively, as before spaces', () => {
    renderSpaces(doors);
    expect(screen.getByRole('heading', { level: 2, name: 'Doors (5)' })).toBeInTheDocument();
    expect(labels()).toEqual(['Door 9', 'Door 10', 'garden door', 'Main entrance', 'Side entrance']);
    expect(screen.queryByRole('option', { name: 'Site order' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'garden door' })).getByText('More people left than entered by this door today (-12).')).toBeVisible();
  });

  it('sorts by occupancy, high to low, and filters by name saying how many are shown', async () => {
    renderSpaces(doors);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Most people first');
    expect(labels()).toEqual(['Side entrance', 'Door 9', 'Main entrance', 'Door 10', 'garden door']);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'ENTRANCE');
    expect(await screen.findByText('Showing 2 of 5 doors')).toBeInTheDocument();
    expect(labels()).toEqual(['Side entrance', 'Main entrance']);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Filter by name' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'attic');
    expect(await screen.findByText('No door name contains “attic”.')).toBeInTheDocument();
  });
});
