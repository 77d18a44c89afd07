import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/client/app';
import { json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { ADMIN, DISPLAY, fakeApi, OPEN, openAt, renderWithApp, STAFF, watchPageLoads, NEXT_PAGE } from '@/client/test/fake-api';

afterEach(() => {
  openAt('/');
  vi.restoreAllMocks();
});

const dashboardApi = (me: unknown) => ({
  'GET /api/me': () => json(me),
  'GET /api/config': () => json(makeConfig()),
  'GET /api/occupancy': () => json(makeOccupancy()),
});

const OPEN_NOTE = 'Open demo: anyone who can reach this page can see and change everything. Add a person in Settings ▸ People to require sign-in.';

describe('the dashboard header', () => {
  it('names who is signed in; the menu holds Settings and Sign out', async () => {
    const api = fakeApi({ ...dashboardApi(STAFF), 'DELETE /api/session': () => new Response(null, { status: 204 }) });
    const loads = watchPageLoads();
    renderWithApp(<App />);
    const header = screen.getByRole('banner');
    const button = await within(header).findByRole('button', { name: 'Account: Bence Tóth' }, NEXT_PAGE);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(within(header).queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(header).getByText('bence@example.org')).toBeVisible();
    expect(within(header).getByText('Staff')).toBeVisible();
    expect(within(header).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings');

    // Escape closes it and gives focus back to the button.
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();

    await user.click(button);
    await user.click(within(header).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(loads).toHaveBeenCalledWith('/sign-in?note=signed-out'));
    expect(api.to('DELETE /api/session')).toHaveLength(1);
  });

  it('opens Settings from the menu without reloading', async () => {
    fakeApi(dashboardApi(ADMIN));
    renderWithApp(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Account: Ana Kovács' }, NEXT_PAGE));
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' }, NEXT_PAGE)).toBeInTheDocument();
    // Settings opens on the first section an admin may open: Site and spaces heads the list.
    expect(window.location.pathname).toBe('/settings/site');
  });

  it('says calmly, above the numbers, that the open demo is open to anyone', async () => {
    fakeApi(dashboardApi(OPEN));
    renderWithApp(<App />);
    const note = await screen.findByText(/anyone who can reach this page/, {}, NEXT_PAGE);
    expect(note.closest('p')).toHaveTextContent(OPEN_NOTE);
    expect(screen.getByRole('main')).toContainElement(note);
    expect(screen.getByRole('link', { name: 'Add a person' })).toHaveAttribute('href', '/settings/people');
    // Everyone may change everything: Settings is right in the header.
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings');
    expect(screen.queryByRole('button', { name: /^Account/ })).not.toBeInTheDocument();
  });

  it('has no open-demo note for a signed-in person', async () => {
    fakeApi(dashboardApi(ADMIN));
    renderWithApp(<App />);
    await screen.findByRole('button', { name: 'Account: Ana Kovács' }, NEXT_PAGE);
    expect(screen.queryByText(/anyone who can reach this page/)).not.toBeInTheDocument();
  });

  it('offers a display’s browser to sign in', async () => {
    fakeApi(dashboardApi(DISPLAY));
    renderWithApp(<App />);
    expect(await within(screen.getByRole('banner')).findByRole('link', { name: 'Sign in' }, NEXT_PAGE)).toHaveAttribute('href', '/sign-in?next=%2F');
  });

  it('on Settings itself, offers Sign out but no way to Settings', async () => {
    fakeApi({ 'GET /api/me': () => json(ADMIN) });
    openAt('/settings/account');
    renderWithApp(<App />);
    const header = await screen.findByRole('banner', {}, NEXT_PAGE);
    await userEvent.setup().click(await within(header).findByRole('button', { name: 'Account: Ana Kovács' }, NEXT_PAGE));
    expect(within(header).getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(within(header).queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
  });
});
