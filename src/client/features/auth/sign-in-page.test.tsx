import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/client/app';
import { apiError, json } from '@/client/test/fixtures';
import { ADMIN, fakeApi, OPEN, openAt, renderWithApp, watchPageLoads, enter, NEXT_PAGE } from '@/client/test/fake-api';
import { afterSignIn } from './auth-api';

afterEach(() => {
  openAt('/');
  vi.restoreAllMocks();
});

const noSession = () => json(apiError('unauthorized', 'Sign in first.'), 401);

async function fillIn(email: string, password: string) {
  const user = userEvent.setup();
  await enter(user, await screen.findByLabelText('Email', {}, NEXT_PAGE), email);
  await enter(user, screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('sign-in page', () => {
  it('signs in with email and password, then loads the page it came from', async () => {
    const api = fakeApi({ 'GET /api/me': noSession, 'POST /api/session': () => json(ADMIN) });
    const loads = watchPageLoads();
    openAt('/sign-in?next=%2Fsettings%2Faccount');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, NEXT_PAGE)).toBeInTheDocument();
    await fillIn(' ana@example.org ', 'correct horse battery');

    await waitFor(() => expect(loads).toHaveBeenCalledWith('/settings/account'));
    expect(api.to('POST /api/session')).toEqual([
      { method: 'POST', path: '/api/session', body: { email: 'ana@example.org', password: 'correct horse battery' } },
    ]);
    expect(screen.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
  });

  it('says in words that the email or password is wrong, and empties the password', async () => {
    fakeApi({ 'GET /api/me': noSession, 'POST /api/session': () => json(apiError('bad_credentials', 'The email or password is wrong.'), 401) });
    const loads = watchPageLoads();
    openAt('/sign-in');
    renderWithApp(<App />);
    await fillIn('ana@example.org', 'wrong password');

    expect(await screen.findByRole('alert', {}, NEXT_PAGE)).toHaveTextContent('Wrong email or password. Check both and try again.');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveValue('ana@example.org');
    expect(window.location.pathname).toBe('/sign-in');
    expect(loads).not.toHaveBeenCalled();
  });

  it('says how long to wait after too many attempts (Retry-After)', async () => {
    fakeApi({
      'GET /api/me': noSession,
      'POST /api/session': () =>
        new Response(JSON.stringify(apiError('rate_limited', 'Too many failed attempts. Try again in 14 minutes.')), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '840' },
        }),
    });
    openAt('/sign-in');
    renderWithApp(<App />);
    await fillIn('ana@example.org', 'guess number six');
    expect(await screen.findByRole('alert', {}, NEXT_PAGE)).toHaveTextContent('Too many attempts. Try again in 14 minutes.');
  });

  it('asks for what is missing before sending anything', async () => {
    const api = fakeApi({ 'GET /api/me': noSession });
    openAt('/sign-in');
    renderWithApp(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }, NEXT_PAGE));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Type your email address.');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await enter(user, screen.getByLabelText('Email'), 'ana@example.org');
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Type your password.');
    expect(api.to('POST /api/session')).toHaveLength(0);
  });

  it('shows the password on request, for typing on a phone', async () => {
    fakeApi({ 'GET /api/me': noSession });
    openAt('/sign-in');
    renderWithApp(<App />);
    const user = userEvent.setup();
    const password = await screen.findByLabelText('Password', {}, NEXT_PAGE);
    expect(password).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide password' })).toBeInTheDocument();
  });

  it('says why it is shown after signing out or setting a password', async () => {
    fakeApi({ 'GET /api/me': noSession });
    openAt('/sign-in?note=password-set');
    renderWithApp(<App />);
    expect(await screen.findByRole('status', {}, NEXT_PAGE)).toHaveTextContent('Your password is set. Sign in with it.');
  });

  it('goes to the setup page when the server has no account yet', async () => {
    fakeApi({ 'GET /api/me': () => json(apiError('setup_required', 'Set up first.'), 401) });
    openAt('/sign-in');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Occupancy Live' }, NEXT_PAGE)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/setup');
  });

  it('goes to the setup page when the server has no account (its config says so; /api/me says only "nobody")', async () => {
    const api = fakeApi({ 'GET /api/me': noSession, 'GET /api/config': () => json(apiError('setup_required', 'Set up first.'), 401) });
    openAt('/sign-in');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Occupancy Live' }, NEXT_PAGE)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/setup');
    expect(api.to('GET /api/config')).toHaveLength(1);
  });

  it('stays when the config also wants a session', async () => {
    const api = fakeApi({ 'GET /api/me': noSession, 'GET /api/config': noSession });
    openAt('/sign-in');
    const { queryClient } = renderWithApp(<App />);
    await waitFor(() => expect(queryClient.getQueryState(['config'])?.status).toBe('error'), NEXT_PAGE);
    expect(window.location.pathname).toBe('/sign-in');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(api.to('GET /api/config')).toHaveLength(1);
  });

  it('goes to the setup page when signing in finds no account at all', async () => {
    fakeApi({ 'GET /api/me': noSession, 'POST /api/session': () => json(apiError('setup_required', 'Set up first.'), 401) });
    openAt('/sign-in');
    renderWithApp(<App />);
    await fillIn('ana@example.org', 'correct horse battery');
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Occupancy Live' }, NEXT_PAGE)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/setup');
  });

  it('says there is nothing to sign in to in the open demo', async () => {
    fakeApi({ 'GET /api/me': () => json(OPEN) });
    openAt('/sign-in');
    renderWithApp(<App />);
    expect(await screen.findByText(/This open demo has no accounts yet/, {}, NEXT_PAGE)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the dashboard' })).toHaveAttribute('href', '/');
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });

  it('says who is signed in already, with the way on and the way out', async () => {
    const api = fakeApi({ 'GET /api/me': () => json(ADMIN), 'DELETE /api/session': () => new Response(null, { status: 204 }) });
    const loads = watchPageLoads();
    openAt('/sign-in?next=%2Fsettings');
    renderWithApp(<App />);
    expect(await screen.findByText(/You are signed in as/, {}, NEXT_PAGE)).toHaveTextContent('You are signed in as Ana Kovács (ana@example.org).');
    expect(screen.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/settings');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(loads).toHaveBeenCalledWith('/sign-in?note=signed-out'));
    expect(api.to('DELETE /api/session')).toHaveLength(1);
  });
});

describe('afterSignIn', () => {
  it('follows next only to a page of this site', () => {
    expect(afterSignIn('/settings/people?x=1#y')).toBe('/settings/people?x=1#y');
    expect(afterSignIn(null)).toBe('/');
    expect(afterSignIn('')).toBe('/');
    expect(afterSignIn('https://evil.example/')).toBe('/');
    expect(afterSignIn('//evil.example/path')).toBe('/');
    expect(afterSignIn('/\\evil.example')).toBe('/');
    expect(afterSignIn('javascript:alert(1)')).toBe('/');
    expect(afterSignIn('settings')).toBe('/');
  });

  it('never goes back to an account page (sign-in after sign-in would loop)', () => {
    expect(afterSignIn('/sign-in?next=%2F')).toBe('/');
    expect(afterSignIn('/setup')).toBe('/');
    expect(afterSignIn('/set-password#token=x')).toBe('/');
    expect(afterSignIn('/sign-in-help')).toBe('/sign-in-help');
  });
});
