// The kiosk as a display: a link's token is swapped for the cookie and leaves the address bar, the
// display's spaces, mode, theme and language rule the screen (by the link or the cookie alone), a
// revoked link is said within one poll and stops the asking, and a site with accounts tells a
// screen without a link what it needs.
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMessages } from '@/client/i18n/load';
import { createQueryClient } from '@/client/lib/query-client';
import { apiError, json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { fakeBff, type Handler } from '@/client/test/render-app';
import type { Me } from '@/shared/api-schema';
import { displayToken } from './kiosk-access';
import { KioskPage } from './kiosk-page';

const TOKEN = 'k3Jv0mB6Qe9yXw2t5sLr8uNp1aHd4fGz7cVb0nMq9oE';
const SIDE: Me = {
  kind: 'display',
  display: { id: 'd1', name: 'Side hall', spaces: ['device-93'], mode: 'total', theme: 'light', lang: 'de', chime: false },
  demo: false,
};
const revoked = () => json(apiError('display_revoked', 'This display link was revoked.'), 401);
const unauthorized = () => json(apiError('unauthorized', 'Sign in to see this.'), 401);

// The kiosk's messages come with its code (app.tsx asks for them): a display's language brings them too.
beforeAll(() => loadMessages('kiosk'));

beforeEach(() => {
  window.history.replaceState(null, '', '/kiosk');
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
  document.documentElement.lang = '';
});

function renderKiosk(handlers: Record<string, Handler>, search = '') {
  const bff = fakeBff({ '/api/config': () => json(makeConfig()), '/api/occupancy': () => json(makeOccupancy()), ...handlers });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const reload = vi.fn();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <KioskPage search={search} reload={reload} />
    </QueryClientProvider>,
  );
  return { ...view, bff, reload };
}

const theme = (container: HTMLElement) => container.querySelector('.kiosk')?.getAttribute('data-theme');

describe('displayToken', () => {
  it('reads the token of #display=… and nothing else', () => {
    expect(displayToken(`#display=${TOKEN}`)).toBe(TOKEN);
    expect(displayToken('')).toBeNull();
    expect(displayToken('#display=')).toBeNull();
    expect(displayToken('#other=1')).toBeNull();
  });
});

describe('KioskPage with a display link', () => {
  it('posts the token, takes it out of the address bar, and shows the display’s space, mode, theme and language', async () => {
    window.history.replaceState(null, '', `/kiosk#display=${TOKEN}`);
    const { container } = renderKiosk({ '/api/display/session': () => json(SIDE) });
    expect(screen.getByText('Connecting…')).toBeInTheDocument();

    expect(await screen.findByRole('heading', { name: 'Side entrance', level: 1 })).toBeInTheDocument();
    const post = vi.mocked(fetch).mock.calls.find(([input]) => input === '/api/display/session');
    expect(post?.[1]).toMatchObject({ method: 'POST', body: JSON.stringify({ token: TOKEN }) });
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain(TOKEN);
    expect(theme(container)).toBe('light');
    // The display's language rules the screen: its catalog loads, <html lang> follows.
    await waitFor(() => expect(document.documentElement.lang).toBe('de'), { timeout: 5_000 });
    expect(await screen.findByRole('region', { name: 'Eingangsschild' })).toBeInTheDocument();
    // One number: the chosen space's, with its sign.
    expect(await screen.findByText('35')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /Doors|Spaces/ })).not.toBeInTheDocument();
  });

  it('opened later with the cookie alone, works the same', async () => {
    const { container } = renderKiosk({ '/api/me': () => json(SIDE) });
    expect(await screen.findByRole('heading', { name: 'Side entrance', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(theme(container)).toBe('light'));
  });

  it('a link the server does not know: says so, and the token still leaves the address bar', async () => {
    window.history.replaceState(null, '', `/kiosk#display=${TOKEN}`);
    renderKiosk({ '/api/display/session': () => json(apiError('unauthorized', 'This display link is not known.'), 401) });
    expect(await screen.findByRole('heading', { name: 'This display link does not work' })).toBeInTheDocument();
    expect(screen.getByText('This display link is not known. Ask your administrator for a new one.')).toBeInTheDocument();
    expect(window.location.hash).toBe('');
  });

  it('revoked on a poll: says so within one poll, then asks no more and never reloads', async () => {
    const { bff, reload } = renderKiosk({ '/api/me': () => json(SIDE) });
    // The display speaks German (its link's language): the screen switches before it is revoked.
    await waitFor(() => expect(document.documentElement.lang).toBe('de'), { timeout: 5_000 });
    await screen.findByText('35');
    bff.set('/api/occupancy', revoked);
    // The config's poll (every minute) is not waited for: the occupancy poll (100 ms here) tells.
    expect(await screen.findByRole('heading', { name: 'Dieser Anzeige-Link wurde widerrufen' }, { timeout: 1000 })).toBeInTheDocument();
    const asked = bff.calls.filter((p) => p === '/api/occupancy').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(bff.calls.filter((p) => p === '/api/occupancy').length).toBe(asked);
    expect(reload).not.toHaveBeenCalled();
  });

  it('revoked before it opens: the message at once', async () => {
    renderKiosk({ '/api/me': revoked, '/api/occupancy': revoked, '/api/config': revoked });
    // The screen's first poll and the page's own question both tell; the message stays.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'This display link was revoked' })).toBeInTheDocument());
  });
});

describe('KioskPage without a display link', () => {
  it('on a site with accounts, nobody signed in: the screen needs a display link', async () => {
    renderKiosk({ '/api/me': unauthorized, '/api/occupancy': unauthorized, '/api/config': unauthorized });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'This screen needs a display link' })).toBeInTheDocument());
    expect(screen.getByText(/Ask your administrator for a display link/)).toBeInTheDocument();
  });

  it('in the open demo (or signed in): the URL’s own settings, as always', async () => {
    const { container } = renderKiosk({ '/api/me': () => json({ kind: 'open', demo: true }) }, '?mode=total&theme=light');
    expect(await screen.findByText('37')).toBeInTheDocument();
    expect(theme(container)).toBe('light');
  });
});
