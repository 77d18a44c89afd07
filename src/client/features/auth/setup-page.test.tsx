import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/client/app';
import { apiError, json } from '@/client/test/fixtures';
import { ADMIN, fakeApi, openAt, renderWithApp, watchPageLoads, enter, NEXT_PAGE } from '@/client/test/fake-api';

afterEach(() => {
  openAt('/');
  vi.restoreAllMocks();
});

const setupRequired = () => json(apiError('setup_required', 'Set up first.'), 401);

async function fill({
  code = 'K7Q-2MX-9PD',
  name = 'Ana Kovács',
  email = 'ana@example.org',
  password = 'correct horse battery',
  again = undefined as string | undefined,
} = {}) {
  const user = userEvent.setup();
  await enter(user, await screen.findByLabelText('Setup code', {}, NEXT_PAGE), code);
  await enter(user, screen.getByLabelText('Your name'), name);
  await enter(user, screen.getByLabelText('Email'), email);
  await enter(user, screen.getByLabelText('Password'), password);
  await enter(user, screen.getByLabelText('Password again'), again ?? password);
  await user.click(screen.getByRole('button', { name: 'Set up' }));
}

describe('setup page', () => {
  it('makes the first administrator with the code from the log, then signs in', async () => {
    const api = fakeApi({ 'GET /api/me': setupRequired });
    // From now on the server has an account, and no session for this browser.
    api.set('POST /api/setup', () => {
      api.set('GET /api/me', () => json(apiError('unauthorized', 'Sign in first.'), 401));
      return json({ ok: true }, 201);
    });
    openAt('/setup');
    renderWithApp(<App />);
    await fill();
    // The server did not sign the new account in: the sign-in page says it is ready.
    expect(await screen.findByRole('status', {}, NEXT_PAGE)).toHaveTextContent('Your administrator account is ready. Sign in with it.');
    expect(window.location.pathname + window.location.search).toBe('/sign-in?note=account-ready');
    expect(api.to('POST /api/setup')[0]?.body).toEqual({
      code: 'K7Q-2MX-9PD',
      name: 'Ana Kovács',
      email: 'ana@example.org',
      password: 'correct horse battery',
    });
  });

  it('opens the dashboard at once when the server signed the new administrator in', async () => {
    const api = fakeApi({ 'GET /api/me': setupRequired, 'POST /api/setup': () => json({ ok: true }, 201) });
    const loads = watchPageLoads();
    openAt('/setup');
    renderWithApp(<App />);
    await screen.findByLabelText('Setup code', {}, NEXT_PAGE);
    api.set('GET /api/me', () => json(ADMIN));
    await fill();
    await waitFor(() => expect(loads).toHaveBeenCalledWith('/'));
  });

  it('shows the password rule and refuses a short or mistyped password before sending', async () => {
    const api = fakeApi({ 'GET /api/me': setupRequired });
    openAt('/setup');
    renderWithApp(<App />);
    expect(await screen.findByLabelText('Password', {}, NEXT_PAGE)).toHaveAccessibleDescription(/^At least 10 characters\./);
    await fill({ password: 'short' });
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/^The password is 5 characters long; it needs at least 10\./);
    expect(screen.getByLabelText('Password')).toHaveFocus();

    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Password'));
    await enter(user, screen.getByLabelText('Password'), 'correct horse battery');
    await user.clear(screen.getByLabelText('Password again'));
    await enter(user, screen.getByLabelText('Password again'), 'correct horse batery');
    await user.click(screen.getByRole('button', { name: 'Set up' }));
    expect(screen.getByLabelText('Password again')).toHaveAccessibleDescription('The two passwords are not the same.');
    expect(api.to('POST /api/setup')).toHaveLength(0);
  });

  it('says under the code field when the code is not right', async () => {
    fakeApi({
      'GET /api/me': setupRequired,
      'POST /api/setup': () =>
        json({ error: { code: 'bad_request', message: 'The setup code is wrong: it is printed in the server log.', field: 'code' } }, 400),
    });
    openAt('/setup');
    renderWithApp(<App />);
    await fill({ code: 'WRONG' });
    await waitFor(() =>
      expect(screen.getByLabelText('Setup code')).toHaveAccessibleDescription(/^This setup code is not right\. Copy it again from the server’s log\./),
    );
  });

  it('says when the server is set up already (someone is signed in)', async () => {
    fakeApi({ 'GET /api/me': () => json(ADMIN) });
    openAt('/setup');
    renderWithApp(<App />);
    expect(await screen.findByText(/This server is set up already/, {}, NEXT_PAGE)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the sign-in page' })).toHaveAttribute('href', '/sign-in');
    expect(screen.queryByLabelText('Setup code')).not.toBeInTheDocument();
  });

  it('shows the form to nobody signed in (the server says unauthorized in setup mode too), and says it when the server refuses a second setup', async () => {
    fakeApi({
      'GET /api/me': () => json(apiError('unauthorized', 'Nobody is signed in on this browser.'), 401),
      'POST /api/setup': () => json(apiError('conflict', 'Occupancy Live is already set up: sign in instead.'), 409),
    });
    openAt('/setup');
    renderWithApp(<App />);
    await fill();
    expect(await screen.findByRole('alert')).toHaveTextContent('This server is set up already. Sign in instead.');
  });
});
