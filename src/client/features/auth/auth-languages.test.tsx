// The account pages and the account menu in German and Hungarian, and a person choosing their own
// language in the menu: saved on the server, then the dashboard speaks it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/client/app';
import german from '@/client/i18n/catalogs/de';
import hungarian from '@/client/i18n/catalogs/hu';
import { activate } from '@/client/i18n/i18n';
import { LanguageRoot } from '@/client/i18n/language-root';
import { loadLanguage } from '@/client/i18n/load';
import { apiError, json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { fakeApi, NEXT_PAGE, openAt, renderWithApp, STAFF } from '@/client/test/fake-api';
import { meSchema } from '@/shared/api-schema';
import { checkNewPassword } from '@/client/lib/password-rule';

afterEach(() => {
  openAt('/');
  vi.restoreAllMocks();
});

const noSession = () => json(apiError('unauthorized', 'Sign in first.'), 401);

describe('the account pages in German and Hungarian', () => {
  it('the sign-in page in German: title, fields, and what is missing, formally', async () => {
    activate('de', german);
    fakeApi({ 'GET /api/me': noSession, 'GET /api/config': noSession });
    openAt('/sign-in?note=signed-out');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' }, NEXT_PAGE)).toBeInTheDocument();
    expect(document.title).toBe('Anmelden · Occupancy Live');
    expect(screen.getByRole('status')).toHaveTextContent('Sie sind abgemeldet.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(screen.getByLabelText('E-Mail-Adresse')).toHaveAccessibleDescription(/Geben Sie Ihre E-Mail-Adresse ein\./);
    expect(screen.getByText('Passwort vergessen? Bitten Sie einen Administrator um einen neuen Link zum Festlegen des Passworts.')).toBeInTheDocument();
  });

  it('the setup page in Hungarian, its password rule too', async () => {
    activate('hu', hungarian);
    fakeApi({ 'GET /api/me': () => json(apiError('setup_required', 'Not set up.'), 401), 'GET /api/config': noSession });
    openAt('/setup');
    renderWithApp(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Az Occupancy Live beállítása' }, NEXT_PAGE)).toBeInTheDocument();
    expect(screen.getByLabelText('Beállítási kód')).toBeInTheDocument();
    expect(screen.getByText(/^Legalább 10 karakter\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bejelentkezés' })).toHaveAttribute('href', '/sign-in');
    expect(checkNewPassword('rövid', 'rövid')).toEqual({ password: 'A jelszó 5 karakter hosszú; legalább 10 karakter szükséges.' });
    expect(checkNewPassword('elég hosszú jelszó', 'más')).toEqual({ again: 'A két jelszó nem egyezik.' });
  });
});

describe('choosing one’s own language in the account menu', () => {
  // load.ts remembers the language it loaded last, and client test files share their modules
  // (isolate: false): the next test file must not find German "already loaded".
  afterEach(() => loadLanguage('en'));

  const dashboardApi = (me: () => unknown) => ({
    'GET /api/me': () => json(me()),
    'GET /api/config': () => json({ ...makeConfig(), locale: 'en' }),
    'GET /api/occupancy': () => json(makeOccupancy()),
  });

  it('lists the site’s language and the three in their own names; Deutsch is saved on the server and the dashboard switches', async () => {
    let saved: string | null = null;
    const me = () => meSchema.parse({ ...STAFF, user: { ...STAFF.user, locale: saved } });
    const api = fakeApi({
      ...dashboardApi(me),
      'PUT /api/me/locale': (request) => {
        saved = (request.body as { locale: string | null }).locale;
        return json(me());
      },
    });
    // As main.tsx mounts it: the app afresh in the new language.
    renderWithApp(
      <LanguageRoot>
        <App />
      </LanguageRoot>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Account: Bence Tóth' }, NEXT_PAGE));
    const group = screen.getByRole('group', { name: 'Language' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['Site language (English)', 'English', 'Deutsch', 'Magyar']);
    expect(within(group).getByRole('radio', { name: 'Site language (English)' })).toBeChecked();
    expect(within(group).getByText('Deutsch')).toHaveAttribute('lang', 'de');

    await user.click(within(group).getByRole('radio', { name: 'Deutsch' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('de'), NEXT_PAGE);
    expect(api.to('PUT /api/me/locale')).toEqual([{ method: 'PUT', path: '/api/me/locale', body: { locale: 'de' } }]);
    // The menu, mounted afresh in German, shows the choice from the server.
    const konto = await screen.findByRole('button', { name: 'Konto: Bence Tóth' }, NEXT_PAGE);
    expect(konto).toHaveAttribute('aria-expanded', 'false');
    await user.click(konto);
    const sprache = await screen.findByRole('group', { name: 'Sprache' });
    expect(within(sprache).getByRole('radio', { name: 'Deutsch' })).toBeChecked();
    expect(within(sprache).getByRole('radio', { name: 'Sprache des Standorts (English)' })).not.toBeChecked();
  });

  it('a refusal is said in the menu, and the choice stays what the server holds', async () => {
    fakeApi({ ...dashboardApi(() => STAFF), 'PUT /api/me/locale': () => json(apiError('internal', 'Boom.'), 500) });
    renderWithApp(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Account: Bence Tóth' }, NEXT_PAGE));
    await user.click(screen.getByRole('radio', { name: 'Magyar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The language was not saved. Try again in a moment.');
    expect(screen.getByRole('radio', { name: 'Site language (English)' })).toBeChecked();
    expect(document.documentElement.lang).toBe('en');
  });
});
