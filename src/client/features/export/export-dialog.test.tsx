import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/client/lib/query-client';
import { apiError, json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { fakeBff } from '@/client/test/render-app';
import { orderSpaces, spaceOccupancies } from '@/shared/spaces';
import { ExportButton } from './export-dialog';

// jsdom has <dialog> but not its methods; these do what the browser does for the parts tested
// here (the real modal behaviour, Escape included, is covered by e2e/export.spec.ts).
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function renderButton(config = makeConfig()) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <QueryClientProvider client={queryClient}>
      <ExportButton config={config} download={vi.fn()} />
    </QueryClientProvider>,
  );
}

// A library with a reading room inside it (through the garden door) and a café in that.
const TREE = orderSpaces([
  {
    id: 'site',
    name: 'Riverside Library',
    capacity: 120,
    doors: [
      { device: 91, side: 'in' },
      { device: 93, side: 'in' },
    ],
  },
  { id: 'reading', name: 'Reading room', parent: 'site', doors: [{ device: 92, side: 'in' }] },
  { id: 'cafe', name: 'Reading café', parent: 'reading', doors: [{ device: 93, side: 'out' }] },
]);

function occupancyWithSpaces() {
  const plain = makeOccupancy();
  const counts = new Map(plain.devices.map((d) => [d.id, d]));
  return makeOccupancy({ spaces: spaceOccupancies(TREE, counts), spacesConfigured: true });
}

describe('ExportButton', () => {
  it('opens the export form in a dialog named by its title, with focus on the title', async () => {
    fakeBff({ '/api/occupancy': () => json(makeOccupancy()) });
    const user = userEvent.setup();
    renderButton();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    const dialog = screen.getByRole('dialog', { name: 'Export CSV' });
    expect(screen.getByRole('heading', { name: 'Export CSV' })).toHaveFocus();
    // The devices come from the live answer, named with the config's labels, in label order.
    await user.click(await within(dialog).findByRole('radio', { name: 'Only the counters I tick' }));
    const list = within(dialog).getByRole('list', { name: 'Counters to export' });
    expect(
      within(list)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent),
    ).toEqual(['Garden door', 'Main entrance', 'Side entrance']);
  });

  it('Close and Escape close it and give focus back to the button', async () => {
    fakeBff({ '/api/occupancy': () => json(makeOccupancy()) });
    const user = userEvent.setup();
    renderButton();
    const button = screen.getByRole('button', { name: 'Export CSV' });

    await user.click(button);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();

    await user.click(button);
    // What the browser does on Escape: it closes the dialog, which fires `close`.
    fireEvent(screen.getByRole('dialog'), new Event('close'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('when the live data cannot be loaded, the form still offers all counters', async () => {
    fakeBff({ '/api/occupancy': () => json(apiError('upstream_auth', 'The key was rejected.'), 502) });
    const user = userEvent.setup();
    renderButton();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText(/list of counters can’t be loaded right now/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'All counters' })).toBeChecked();
  });

  it('waits for the config before it opens', async () => {
    const user = userEvent.setup();
    const queryClient = createQueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <ExportButton config={undefined} />
      </QueryClientProvider>,
    );
    const button = screen.getByRole('button', { name: 'Export CSV' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('the header button is one label, so the flex gap does not double the space in “Export CSV”', () => {
    fakeBff({});
    render(<ExportButton config={undefined} />);
    const button = screen.getByRole('button', { name: 'Export CSV' });
    // The icon and one label element: "Export" and "CSV" are not separate flex items.
    expect([...button.childNodes].map((n) => n.nodeName.toLowerCase())).toEqual(['svg', 'span']);
    expect(button.textContent).toBe('Export CSV');
  });

  it('with configured spaces: the live tree to choose from, the site first, and the doors by their live names', async () => {
    fakeBff({ '/api/occupancy': () => json(occupancyWithSpaces()) });
    const user = userEvent.setup();
    renderButton();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Export CSV' });
    const space = await within(dialog).findByRole('group', { name: 'Space' });
    expect(
      within(space)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['site', 'reading', 'cafe']);
    expect(within(space).getByRole('radio', { name: 'Riverside Library' })).toBeChecked();
    expect(space).toHaveAccessibleDescription('The file has a row per door and period for its 2 doors: Main entrance and Side entrance.');
    await user.click(within(dialog).getByRole('radio', { name: 'Single doors' }));
    expect(
      within(within(dialog).getByRole('list', { name: 'Doors to export' }))
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent),
    ).toEqual(['Garden door', 'Main entrance', 'Side entrance']);
  });

  it('without configured spaces (the default tree), the form is today’s: counters, no space to choose', async () => {
    fakeBff({ '/api/occupancy': () => json(makeOccupancy()) });
    const user = userEvent.setup();
    renderButton();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Export CSV' });
    expect(await within(dialog).findByRole('radio', { name: 'All counters (3)' })).toBeChecked();
    expect(within(dialog).queryByRole('group', { name: 'What to export' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('radio', { name: 'Riverside Library' })).not.toBeInTheDocument();
  });

  it('when the live data cannot be loaded, the configured spaces can still be exported', async () => {
    fakeBff({ '/api/occupancy': () => json(apiError('upstream_unavailable', 'WELLPOINT is not answering.'), 503) });
    const user = userEvent.setup();
    renderButton(makeConfig({ spaces: TREE }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Export CSV' });
    expect(await within(dialog).findByRole('radio', { name: 'Reading café' })).not.toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Single doors' })).toBeDisabled();
    expect(within(dialog).getByRole('group', { name: 'Space' })).toHaveAccessibleDescription(
      'The file has a row per door and period for its 2 doors: Main entrance and Side entrance.',
    );
  });
});
