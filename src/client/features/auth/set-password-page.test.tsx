import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/client/app';
import { apiError, json } from '@/client/test/fixtures';
import { fakeApi, openAt, renderWithApp, enter, NEXT_PAGE } from '@/client/test/fake-api';
import { tokenFromHash } from './set-password-page';

afterEach(() => {
  openAt('/');
  vi.restoreAllMocks();
});

const noSession = () => json(apiError('unauthorized', 'Sign in first.'), 401);

async function choose(password: string, again = password) {
  const user = userEvent.setup();
  await enter(user, await screen.findByLabelText('New password', {}, NEXT_PAGE), password);
  await enter(user, screen.getByLabelText('New password again'), again);
  await user.click(screen.getByRole('button', { name: 'Set password' }));
}

describe('set-password page', () => {
  it('reads the token from the fragment, removes it from the address bar, and sets the password', async () => {
    const api = fakeApi({ 'GET /api/me': noSession, 'POST /api/set-password': () => new Response(null, { status: 204 }) });
    openAt('/set-password#token=tok_3f9a1c');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Set your password' }, NEXT_PAGE)).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain('tok_3f9a1c');

    await choose('a long new password');
    expect(await screen.findByRole('status', {}, NEXT_PAGE)).toHaveTextContent('Your password is set. Sign in with it.');
    expect(window.location.pathname).toBe('/sign-in');
    expect(api.to('POST /api/set-password')[0]?.body).toEqual({ token: 'tok_3f9a1c', newPassword: 'a long new password' });
  });

  it('says in clear words that an expired or used link no longer works', async () => {
    fakeApi({ 'POST /api/set-password': () => json({ error: { code: 'bad_request', message: 'The link has expired', field: 'token' } }, 400) });
    openAt('/set-password#token=tok_old');
    renderWithApp(<App />);
    await choose('a long new password');
    expect(await screen.findByRole('alert', {}, NEXT_PAGE)).toHaveTextContent('This link has expired or was already used. Ask an administrator for a new one.');
    expect(window.location.pathname).toBe('/set-password');
  });

  it('puts a refused new password under its field', async () => {
    fakeApi({ 'POST /api/set-password': () => json({ error: { code: 'bad_request', message: 'This password is too common.', field: 'newPassword' } }, 400) });
    openAt('/set-password#token=tok_1');
    renderWithApp(<App />);
    await choose('password123');
    expect(await screen.findByText('This password is too common.', {}, NEXT_PAGE)).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/^This password is too common\./);
  });

  it('checks the rule and the repeat before sending', async () => {
    const api = fakeApi({});
    openAt('/set-password#token=tok_1');
    renderWithApp(<App />);
    await choose('nine char', 'nine char');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/needs at least 10/);
    expect(api.to('POST /api/set-password')).toHaveLength(0);
  });

  it('says a link without its token is incomplete', async () => {
    fakeApi({});
    openAt('/set-password');
    renderWithApp(<App />);
    expect(await screen.findByText(/This link is incomplete/, {}, NEXT_PAGE)).toBeInTheDocument();
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
  });
});

describe('tokenFromHash', () => {
  it('reads token= from the fragment', () => {
    expect(tokenFromHash('#token=abc')).toBe('abc');
    expect(tokenFromHash('#x=1&token=abc%2Bd')).toBe('abc+d');
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });
});
