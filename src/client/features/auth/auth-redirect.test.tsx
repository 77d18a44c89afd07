import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/client/app';
import { ApiRequestError } from '@/client/lib/api-client';
import { apiError, json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { ADMIN, fakeApi, openAt, renderWithApp, NEXT_PAGE } from '@/client/test/fake-api';
import { redirectFor } from './auth-redirect';

afterEach(() => {
  openAt('/');
  vi.restoreAllMocks();
});

const unauthorized = new ApiRequestError({ status: 401, code: 'unauthorized', message: 'Sign in first.' });

describe('redirectFor', () => {
  it('sends a 401 unauthorized to sign-in, keeping where the page was', () => {
    expect(redirectFor(unauthorized, '/settings/people?x=1#y')).toBe('/sign-in?next=%2Fsettings%2Fpeople%3Fx%3D1%23y');
    expect(redirectFor(unauthorized, '/')).toBe('/sign-in');
  });

  it('sends a 401 setup_required to the setup page', () => {
    expect(redirectFor(new ApiRequestError({ status: 401, code: 'setup_required', message: 'No account yet.' }), '/')).toBe('/setup');
  });

  it('leaves every other failure to the page', () => {
    expect(redirectFor(new ApiRequestError({ status: 403, code: 'forbidden', message: 'Admins only.' }), '/')).toBeNull();
    expect(redirectFor(new ApiRequestError({ status: 401, code: 'display_revoked', message: 'Revoked.' }), '/')).toBeNull();
    expect(redirectFor(new ApiRequestError({ status: 0, code: 'network', message: 'Down.' }), '/')).toBeNull();
    expect(redirectFor(new Error('boom'), '/')).toBeNull();
  });
});

describe('401 on a signed-in page', () => {
  it('takes the dashboard to sign-in when the session is missing', async () => {
    fakeApi({
      'GET /api/me': () => json(apiError('unauthorized', 'Sign in first.'), 401),
      'GET /api/config': () => json(apiError('unauthorized', 'Sign in first.'), 401),
      'GET /api/occupancy': () => json(apiError('unauthorized', 'Sign in first.'), 401),
    });
    openAt('/');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, NEXT_PAGE)).toBeInTheDocument();
    expect(window.location.pathname + window.location.search).toBe('/sign-in');
  });

  it('keeps where the page was (path, query and fragment) in next', async () => {
    fakeApi({ 'GET /api/me': () => json(apiError('unauthorized', 'Sign in first.'), 401) });
    openAt('/settings/account?tab=1#password');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, NEXT_PAGE)).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/settings/account?tab=1#password');
  });

  it('ends on sign-in when a session ends while the dashboard is open', async () => {
    const api = fakeApi({
      'GET /api/me': () => json(ADMIN),
      'GET /api/config': () => json(makeConfig()),
      'GET /api/occupancy': () => json(makeOccupancy()),
    });
    openAt('/');
    const { queryClient } = renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Riverside Library' }, NEXT_PAGE)).toBeInTheDocument();
    const ended = () => json(apiError('unauthorized', 'The session ended.'), 401);
    api.set('GET /api/occupancy', ended);
    api.set('GET /api/me', ended);
    await queryClient.refetchQueries({ queryKey: ['occupancy'] });
    // The sign-in form, not "you are signed in" from the answer before the session ended.
    expect(await screen.findByRole('button', { name: 'Sign in' }, NEXT_PAGE)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('takes a server with no account yet to its setup page', async () => {
    fakeApi({
      'GET /api/me': () => json(apiError('setup_required', 'Set up first.'), 401),
      'GET /api/config': () => json(apiError('setup_required', 'Set up first.'), 401),
      'GET /api/occupancy': () => json(apiError('setup_required', 'Set up first.'), 401),
    });
    openAt('/');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Occupancy Live' }, NEXT_PAGE)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/setup');
  });

  it('does not move the kiosk (display links are its own business)', async () => {
    const api = fakeApi({
      'GET /api/me': () => json(apiError('unauthorized', 'Sign in first.'), 401),
      'GET /api/config': () => json(apiError('unauthorized', 'Sign in first.'), 401),
      'GET /api/occupancy': () => json(apiError('unauthorized', 'Sign in first.'), 401),
    });
    openAt('/kiosk');
    const { queryClient } = renderWithApp(<App />);
    // Both 401 answers have landed (a redirect would have followed at once).
    await waitFor(() => expect(queryClient.getQueryState(['occupancy'])?.status).toBe('error'));
    await waitFor(() => expect(queryClient.getQueryState(['config'])?.status).toBe('error'));
    expect(window.location.pathname).toBe('/kiosk');
    expect(screen.queryByRole('heading', { name: 'Sign in' })).not.toBeInTheDocument();
    // The kiosk says in its own words what it needs instead (kiosk-display.test.tsx has the rest).
    expect(await screen.findByText(/This screen needs a display link/)).toBeInTheDocument();
    expect(api.to('GET /api/occupancy').length).toBeGreaterThan(0);
  });
});
