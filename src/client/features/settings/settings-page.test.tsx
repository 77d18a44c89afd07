import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/client/app';
import { json } from '@/client/test/fixtures';
import { ADMIN, DISPLAY, fakeApi, OPEN, openAt, renderWithApp, STAFF, NEXT_PAGE } from '@/client/test/fake-api';
import { SettingsPage, visibleSections } from './settings-page';
import type { SettingsSection } from './settings-sections';

afterEach(() => {
  openAt('/');
  vi.restoreAllMocks();
});

const section = (id: string, title: string, adminOnly: boolean): SettingsSection => ({
  id,
  title: () => title,
  adminOnly,
  load: () => Promise.resolve(({ me }) => <p>{`${title} for ${me.user?.name ?? me.kind}`}</p>),
});

const SECTIONS = [section('people', 'People', true), section('displays', 'Displays', true), section('account', 'My account', false)];

function renderSettings(sectionId: string | null) {
  return renderWithApp(<SettingsPage sectionId={sectionId} sections={SECTIONS} />);
}

describe('settings layout', () => {
  it('lists every section for an administrator and marks the open one', async () => {
    fakeApi({ 'GET /api/me': () => json(ADMIN) });
    openAt('/settings/displays');
    renderSettings('displays');
    const nav = await screen.findByRole('navigation', { name: 'Settings sections' }, NEXT_PAGE);
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['People', 'Displays', 'My account']);
    expect(within(nav).getByRole('link', { name: 'Displays' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'People' })).toHaveAttribute('href', '/settings/people');
    expect(screen.getByRole('heading', { level: 2, name: 'Displays' })).toBeInTheDocument();
    expect(await screen.findByText('Displays for Ana Kovács', {}, NEXT_PAGE)).toBeInTheDocument();
    expect(document.title).toBe('Displays · Settings · Occupancy Live');
  });

  it('shows staff only their own account, and refuses an admin section in words', async () => {
    fakeApi({ 'GET /api/me': () => json(STAFF) });
    openAt('/settings/people');
    renderSettings('people');
    const nav = await screen.findByRole('navigation', { name: 'Settings sections' }, NEXT_PAGE);
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['My account']);
    expect(screen.getByRole('heading', { name: 'Only administrators can open People.' })).toBeInTheDocument();
    expect(screen.queryByText(/People for/)).not.toBeInTheDocument();
  });

  it('treats the open demo as an administrator (the server does)', () => {
    expect(visibleSections(SECTIONS, OPEN).map((s) => s.id)).toEqual(['people', 'displays', 'account']);
    expect(visibleSections(SECTIONS, STAFF).map((s) => s.id)).toEqual(['account']);
    expect(visibleSections(SECTIONS, DISPLAY)).toEqual([]);
  });

  it('opens the first section it may at /settings', async () => {
    fakeApi({ 'GET /api/me': () => json(STAFF) });
    openAt('/settings');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 2, name: 'My account' }, NEXT_PAGE)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/settings/account');
  });

  it('moves between sections without reloading', async () => {
    fakeApi({ 'GET /api/me': () => json(ADMIN) });
    openAt('/settings/account');
    renderWithApp(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Settings sections' }, NEXT_PAGE);
    await userEvent.setup().click(within(nav).getByRole('link', { name: 'My account' }));
    expect(window.location.pathname).toBe('/settings/account');
    expect(await screen.findByRole('heading', { level: 3, name: 'You' }, NEXT_PAGE)).toBeInTheDocument();
  });

  it('says when a section does not exist', async () => {
    fakeApi({ 'GET /api/me': () => json(ADMIN) });
    renderSettings('nope');
    expect(await screen.findByRole('heading', { name: 'There is no such section of Settings.' }, NEXT_PAGE)).toBeInTheDocument();
  });

  it('sends a display to sign in with a person’s account', async () => {
    fakeApi({ 'GET /api/me': () => json(DISPLAY) });
    renderSettings('account');
    expect(await screen.findByRole('heading', { name: 'This browser is signed in as a display.' }, NEXT_PAGE)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in?next=%2Fsettings');
  });

  it('offers to try again when it cannot tell who is looking', async () => {
    const api = fakeApi({ 'GET /api/me': () => Promise.reject(new TypeError('Failed to fetch')) });
    renderSettings('account');
    expect(await screen.findByRole('heading', { name: 'Settings could not be loaded.' }, NEXT_PAGE)).toBeInTheDocument();
    api.set('GET /api/me', () => json(ADMIN));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByText('My account for Ana Kovács')).toBeInTheDocument());
  });
});
