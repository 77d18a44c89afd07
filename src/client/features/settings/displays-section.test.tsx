// Settings ▸ Displays against a fake BFF: the list with each screen's last poll in words, making a
// link (what is sent, the link shown with Copy and its QR code), and revoking after a confirmation.
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/client/lib/query-client';
import { apiError, json, makeDisplay, makeOccupancy, TEST_NOW } from '@/client/test/fixtures';
import { fakeBff, type Handler } from '@/client/test/render-app';
import { DisplaysSection, displayStatus } from './displays-section';

const NOW_MS = Date.parse(TEST_NOW);
const ago = (seconds: number) => new Date(NOW_MS - seconds * 1000).toISOString();
const URL_MADE = 'http://localhost/kiosk#display=k3Jv0mB6Qe9yXw2t5sLr8uNp1aHd4fGz7cVb0nMq9oE';

const LIST = [
  makeDisplay({ id: 'd1', name: 'Café entrance', spaces: ['device-93'], mode: 'total', lastSeen: ago(125) }),
  makeDisplay({ id: 'd2', name: 'Lobby', lastSeen: ago(12 * 60 + 5), theme: 'light', lang: 'de', chime: true }),
  makeDisplay({ id: 'd3', name: 'Spare screen' }),
  makeDisplay({ id: 'd4', name: 'Old hall', revokedAt: ago(3600) }),
];

/** The requests to a path: each one's method and JSON body. */
function requestsTo(path: string) {
  return vi
    .mocked(fetch)
    .mock.calls.filter(([input]) => input === path)
    .map(([, init]) => ({ method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined }));
}

function renderSection(handlers: Record<string, Handler> = {}) {
  const bff = fakeBff({ '/api/admin/displays': () => json(LIST), '/api/occupancy': () => json(makeOccupancy()), ...handlers });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  render(
    <QueryClientProvider client={queryClient}>
      <DisplaysSection />
    </QueryClientProvider>,
  );
  return bff;
}

describe('displayStatus', () => {
  it('says when a screen was last seen, how long it has been offline, or that it never opened its link', () => {
    expect(displayStatus(ago(125), NOW_MS)).toEqual({ state: 'online', text: 'Last seen 2 min ago' });
    expect(displayStatus(ago(12 * 60 + 5), NOW_MS)).toEqual({ state: 'offline', text: 'Offline for 12 min' });
    expect(displayStatus(null, NOW_MS)).toEqual({ state: 'never', text: 'Never opened' });
  });
});

describe('DisplaysSection', () => {
  it('lists the links that work, each with its spaces and its last poll, ticking', async () => {
    vi.useFakeTimers({ now: NOW_MS, toFake: ['Date'] });
    renderSection();
    const cafe = await screen.findByRole('listitem', { name: 'Café entrance' });
    expect(within(cafe).getByText('Last seen 2 min ago')).toBeInTheDocument();
    await waitFor(() => expect(within(cafe).getByText(/Side entrance · one number/)).toBeInTheDocument());
    expect(within(screen.getByRole('listitem', { name: 'Lobby' })).getByText('Offline for 12 min')).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Lobby' })).getByText(/Every space · cards · light · Deutsch · chimes when full/)).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Spare screen' })).getByText('Never opened')).toBeInTheDocument();
    expect(screen.queryByRole('listitem', { name: 'Old hall' })).not.toBeInTheDocument();
    expect(screen.getByText('1 revoked link is not shown.')).toBeInTheDocument();
    // A minute on, without asking the server again: the words move on by themselves.
    vi.setSystemTime(NOW_MS + 60_000);
    expect(await within(cafe).findByText('Last seen 3 min ago', {}, { timeout: 2500 })).toBeInTheDocument();
  });

  it('makes a link for the chosen spaces, then shows it with Copy and its QR code', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const bff = renderSection();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Side hall');
    await user.click(await screen.findByRole('checkbox', { name: 'Side entrance' }));
    await user.click(screen.getByRole('radio', { name: 'One number with the entrance sign' }));
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Magyar');
    const chime = screen.getByRole('checkbox', { name: 'Chime when full' });
    expect(chime).not.toBeChecked();
    expect(chime).toHaveAccessibleDescription(/turns full/);
    await user.click(chime);
    bff.set('/api/admin/displays', () => json({ id: 'new', url: URL_MADE }, 201));
    await user.click(screen.getByRole('button', { name: 'Make link' }));

    expect(await screen.findByRole('heading', { name: 'Link for “Side hall”' })).toBeInTheDocument();
    expect(requestsTo('/api/admin/displays').filter((r) => r.method === 'POST')).toEqual([
      {
        method: 'POST',
        body: { name: 'Side hall', spaces: ['device-93'], mode: 'total', theme: 'light', lang: 'hu', chime: true },
      },
    ]);
    expect(screen.getByRole('textbox', { name: 'Display link' })).toHaveValue(URL_MADE);
    const qr = await screen.findByRole('img', { name: /QR code of the display link for Side hall/ });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(URL_MADE);
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
  });

  it('says what is wrong before sending, and what the server refused', async () => {
    const user = userEvent.setup();
    renderSection();
    await user.click(screen.getByRole('button', { name: 'Make link' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Give the display a name, such as “Café entrance”.');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Two rooms');
    await user.click(await screen.findByRole('checkbox', { name: 'Side entrance' }));
    await user.click(screen.getByRole('checkbox', { name: 'Main entrance' }));
    await user.click(screen.getByRole('radio', { name: 'One number with the entrance sign' }));
    await user.click(screen.getByRole('button', { name: 'Make link' }));
    expect(screen.getByText('One number shows one space: choose one, or none for the whole site.')).toBeInTheDocument();
    expect(requestsTo('/api/admin/displays').map((r) => r.method)).not.toContain('POST');
  });

  it('revokes a link after asking, and lists it no more', async () => {
    const user = userEvent.setup();
    const bff = renderSection();
    const lobby = await screen.findByRole('listitem', { name: 'Lobby' });
    await user.click(within(lobby).getByRole('button', { name: 'Revoke the link of Lobby' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke the link of “Lobby”?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    bff.set('/api/admin/displays/d2', () => new Response(null, { status: 204 }));
    bff.set('/api/admin/displays', () => json(LIST.map((d) => (d.id === 'd2' ? { ...d, revokedAt: TEST_NOW } : d))));
    await user.click(within(dialog).getByRole('button', { name: 'Revoke link' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Lobby' })).not.toBeInTheDocument());
    expect(requestsTo('/api/admin/displays/d2').map((r) => r.method)).toEqual(['DELETE']);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('a refused revoke stays in the dialog with the reason', async () => {
    const user = userEvent.setup();
    const bff = renderSection();
    await user.click(within(await screen.findByRole('listitem', { name: 'Lobby' })).getByRole('button', { name: /Revoke/ }));
    bff.set('/api/admin/displays/d2', () => json(apiError('forbidden', 'You are not allowed to do this.'), 403));
    await user.click(screen.getByRole('button', { name: 'Revoke link' }));
    expect(await within(screen.getByRole('dialog')).findByText('You are not allowed to do this.')).toBeInTheDocument();
  });
});
