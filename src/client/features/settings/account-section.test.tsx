import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/client/app';
import { json } from '@/client/test/fixtures';
import { ADMIN, enter, fakeApi, OPEN, openAt, renderWithApp, STAFF, watchPageLoads, NEXT_PAGE } from '@/client/test/fake-api';

afterEach(() => {
  openAt('/');
  vi.restoreAllMocks();
});

async function changePassword(current: string, next: string, again = next) {
  const user = userEvent.setup();
  await enter(user, await screen.findByLabelText('Current password', {}, NEXT_PAGE), current);
  await enter(user, screen.getByLabelText('New password'), next);
  await enter(user, screen.getByLabelText('New password again'), again);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('Settings ▸ My account', () => {
  it('shows who you are: name, email and role in words', async () => {
    fakeApi({ 'GET /api/me': () => json(STAFF) });
    openAt('/settings/account');
    renderWithApp(<App />);
    const you = await screen.findByRole('region', { name: 'You' }, NEXT_PAGE);
    expect(within(you).getByText('Bence Tóth')).toBeInTheDocument();
    expect(within(you).getByText('bence@example.org')).toBeInTheDocument();
    expect(within(you).getByText(/^Staff/)).toHaveTextContent('Staff · Sees the dashboard and its history, and exports counts.');
  });

  it('changes your own password and says so', async () => {
    const api = fakeApi({ 'GET /api/me': () => json(ADMIN), 'POST /api/me/password': () => new Response(null, { status: 204 }) });
    openAt('/settings/account');
    renderWithApp(<App />);
    await changePassword('old password 1', 'a new long password');
    expect(await screen.findByText('Your password is changed.', {}, NEXT_PAGE)).toBeInTheDocument();
    expect(api.to('POST /api/me/password')[0]?.body).toEqual({ currentPassword: 'old password 1', newPassword: 'a new long password' });
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });

  it('says when the current password is wrong, and stays on the page (not an ended session)', async () => {
    fakeApi({
      'GET /api/me': () => json(ADMIN),
      'POST /api/me/password': () => json({ error: { code: 'bad_request', message: 'The current password is wrong.', field: 'currentPassword' } }, 400),
    });
    openAt('/settings/account');
    renderWithApp(<App />);
    await changePassword('not it at all', 'a new long password');
    await waitFor(() => expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription('This is not your current password.'));
    expect(window.location.pathname).toBe('/settings/account');
  });

  it('checks the new password before sending', async () => {
    const api = fakeApi({ 'GET /api/me': () => json(ADMIN) });
    openAt('/settings/account');
    renderWithApp(<App />);
    await changePassword('old password 1', 'a new long password', 'a new long passwort');
    expect(screen.getByLabelText('New password again')).toHaveAccessibleDescription('The two passwords are not the same.');
    expect(api.to('POST /api/me/password')).toHaveLength(0);
  });

  it('signs out: ends the session, then loads the sign-in page afresh', async () => {
    const api = fakeApi({ 'GET /api/me': () => json(ADMIN), 'DELETE /api/session': () => new Response(null, { status: 204 }) });
    const loads = watchPageLoads();
    openAt('/settings/account');
    renderWithApp(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }, NEXT_PAGE));
    await waitFor(() => expect(loads).toHaveBeenCalledWith('/sign-in?note=signed-out'));
    expect(api.to('DELETE /api/session')).toHaveLength(1);
  });

  it('in the open demo, says there is no account and how to require one', async () => {
    fakeApi({ 'GET /api/me': () => json(OPEN) });
    openAt('/settings/account');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 3, name: 'No one is signed in' }, NEXT_PAGE)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add a person' })).toHaveAttribute('href', '/settings/people');
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
  });
});
