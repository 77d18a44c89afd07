// Settings in German and Hungarian: the site section (its language select and the switch after a
// save), the opening hours' typed 24-hour times in a browser that says en-US, the displays' language
// choice and status words, the Save bar, and the logs' times.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import germanSettings from '@/client/i18n/catalogs/de-settings';
import hungarian from '@/client/i18n/catalogs/hu';
import hungarianSettings from '@/client/i18n/catalogs/hu-settings';
import { activate } from '@/client/i18n/i18n';
import { json, makeAdminSettings, makeConfig, makeDisplay, makeOccupancy, TEST_NOW } from '@/client/test/fixtures';
import type { AdminSettings } from '@/shared/admin-settings-schema';
import { openingHoursSchema } from '@/shared/opening-hours';
import { auditTime } from './audit-words';
import { DisplaysSection } from './displays-section';
import { HoursSection } from './hours-section';
import { SaveBar } from './settings-fields';
import { SiteSection } from './site-section';

const SETTINGS = makeAdminSettings({ openingHours: openingHoursSchema.parse({ weekly: { mon: [['07:00', '22:00']] } }) });

const NOW_MS = Date.parse(TEST_NOW);
const ago = (seconds: number) => new Date(NOW_MS - seconds * 1000).toISOString();

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** A fake BFF: the settings (a PUT answers them changed), the config, the displays and the live answer. */
function stubApi(settings: AdminSettings = SETTINGS) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = new URL(input, 'http://localhost').pathname;
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      calls.push({ method, path, body });
      if (path === '/api/admin/settings') return Promise.resolve(json(settings));
      if (method === 'PUT' && path === '/api/admin/settings/site')
        return Promise.resolve(json({ ...settings, values: { ...settings.values, ...(body as object) } }));
      if (method === 'PUT' && path === '/api/admin/settings/hours')
        return Promise.resolve(json({ ...settings, values: { ...settings.values, openingHours: body } }));
      if (path === '/api/config') return Promise.resolve(json(makeConfig()));
      if (path === '/api/occupancy') return Promise.resolve(json(makeOccupancy()));
      if (path === '/api/admin/displays')
        return Promise.resolve(
          json([makeDisplay({ id: 'd1', name: 'Lobby', lastSeen: ago(125), lang: 'hu' }), makeDisplay({ id: 'd2', name: 'Old', revokedAt: ago(60) })]),
        );
      return Promise.resolve(json({ error: { code: 'not_found', message: 'no' } }, 404));
    }),
  );
  return calls;
}

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchInterval: false } } });
  render(<QueryClientProvider client={client}>{children}</QueryClientProvider>);
  return client;
}

const LANGUAGES = {
  de: {
    activate: () => activate('de', { ...german, ...germanSettings }),
    site: {
      heading: 'Standort',
      name: 'Standortname',
      language: 'Sprache',
      hint: /Die Standardsprache aller Ansichten/,
      willChange: 'Beim Speichern wird geändert:',
      nameLine: 'Standortname „Riverside“ → „Riverside Zentrum“',
      languageLine: 'Sprache English → Magyar',
      save: 'Speichern',
    },
    hours: {
      opens: 'Montag öffnet um',
      line: 'Montag 07:00–22:00 → 07:30–22:00',
      startProblem: 'Bitte geben Sie den Beginn als 24-Stunden-Zeit ein, z. B. 07:00.',
      closedDate: 'Schließtag 1',
      addClosed: 'Schließtag hinzufügen',
      closedLine: 'Geschlossen am 24.12.2026',
      shownDate: '24.12.2026',
    },
    displays: {
      language: 'Sprache',
      site: 'Sprache des Standorts',
      seen: 'Zuletzt aktiv vor 2 Min.',
      tags: 'Alle Bereiche · Karten · Magyar',
      revoked: '1 widerrufener Link wird nicht angezeigt.',
    },
    noChanges: 'Keine Änderungen zu speichern.',
    saving: 'Wird gespeichert …',
    auditTime: '26. Nov. 2026, 11:15',
  },
  hu: {
    activate: () => activate('hu', { ...hungarian, ...hungarianSettings }),
    site: {
      heading: 'Helyszín',
      name: 'A helyszín neve',
      language: 'Nyelv',
      hint: /Minden képernyő alapértelmezett nyelve/,
      willChange: 'A mentés ezeket módosítja:',
      nameLine: 'Helyszín neve: „Riverside” → „Riverside Zentrum”',
      languageLine: 'Nyelv: English → Magyar',
      save: 'Mentés',
    },
    hours: {
      opens: 'Hétfő – nyitás',
      line: 'Hétfő: 07:00–22:00 → 07:30–22:00',
      startProblem: 'Kérjük, adja meg a kezdést 24 órás formában, például 07:00.',
      closedDate: '1. zárvatartási nap',
      addClosed: 'Zárvatartási nap hozzáadása',
      closedLine: 'Zárva: 2026. 12. 24.',
      shownDate: '2026. 12. 24.',
    },
    displays: {
      language: 'Nyelv',
      site: 'A helyszín nyelve',
      seen: 'Utoljára 2 perc ezelőtt volt aktív',
      tags: 'Minden tér · kártyák · Magyar',
      revoked: '1 visszavont link nem látható.',
    },
    noChanges: 'Nincs mentendő módosítás.',
    saving: 'Mentés…',
    auditTime: '2026. nov. 26. 11:15',
  },
} as const;

describe.each(['de', 'hu'] as const)('Settings in %s', (lang) => {
  const words = LANGUAGES[lang];

  it('the site section: labels, the language select in each language’s own name, the Save bar’s sentences; a save reads the config again', async () => {
    words.activate();
    const calls = stubApi();
    const client = wrap(<SiteSection />);
    client.setQueryData(['config'], makeConfig());
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: words.site.heading })).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: words.site.language });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['English', 'Deutsch', 'Magyar']);
    expect(select).toHaveAccessibleDescription(words.site.hint);
    expect(screen.getByText(words.noChanges)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: words.site.name }), ' Zentrum');
    await user.selectOptions(select, 'hu');
    expect(screen.getByText(words.site.willChange)).toBeInTheDocument();
    expect(screen.getByText(words.site.nameLine)).toBeInTheDocument();
    expect(screen.getByText(words.site.languageLine)).toBeInTheDocument();

    expect(client.getQueryState(['config'])?.isInvalidated).toBe(false);
    await user.click(screen.getByRole('button', { name: words.site.save }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT' && c.path === '/api/admin/settings/site')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ locale: 'hu', siteName: 'Riverside Zentrum' });
    // The config query carries the site's language: invalidated, app.tsx's useLanguageChoice reads the new one.
    await waitFor(() => expect(client.getQueryState(['config'])?.isInvalidated).toBe(true));
  });

  it('the opening hours: a time is typed 24-hour as text whatever the browser’s locale says, and the summary speaks the language', async () => {
    words.activate();
    // An en-US browser: a native <input type="time"> would show AM/PM here.
    vi.stubGlobal('navigator', { ...navigator, language: 'en-US', languages: ['en-US'] });
    const calls = stubApi();
    wrap(<HoursSection />);
    const user = userEvent.setup();
    const opens = await screen.findByRole('textbox', { name: words.hours.opens });
    expect(opens).toHaveAttribute('type', 'text');
    expect(opens).toHaveAttribute('inputmode', 'numeric');
    expect(opens).toHaveValue('07:00');

    await user.clear(opens);
    await user.type(opens, '730');
    await user.tab();
    expect(opens).toHaveValue('07:30');
    expect(screen.getByText(words.hours.line)).toBeInTheDocument();

    await user.clear(opens);
    await user.type(opens, '7:30 PM');
    await user.click(screen.getByRole('button', { name: words.site.save }));
    expect(opens).toHaveAccessibleDescription(words.hours.startProblem);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.clear(opens);
    await user.type(opens, '7:30');
    await user.click(screen.getByRole('button', { name: words.hours.addClosed }));
    const date = screen.getByRole('textbox', { name: words.hours.closedDate });
    // ISO is read in every language, and shown back in the language's order.
    await user.type(date, '2026-12-24');
    await user.tab();
    expect(date).toHaveValue(words.hours.shownDate);
    expect(screen.getByText(words.hours.closedLine)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: words.site.save }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ weekly: { mon: [['07:30', '22:00']] }, closed: ['2026-12-24'] });
  });

  it('the displays: the link’s language offers the site’s language and each language in its own name; the list speaks the language', async () => {
    words.activate();
    vi.useFakeTimers({ toFake: ['Date'], now: NOW_MS });
    stubApi();
    wrap(<DisplaysSection />);
    const select = await screen.findByRole('combobox', { name: words.displays.language });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([words.displays.site, 'English', 'Deutsch', 'Magyar']);
    const lobby = await screen.findByRole('listitem', { name: 'Lobby' });
    expect(within(lobby).getByText(words.displays.seen)).toBeInTheDocument();
    expect(within(lobby).getByText(words.displays.tags)).toBeInTheDocument();
    expect(screen.getByText(words.displays.revoked)).toBeInTheDocument();
  });

  it('the Save bar: nothing to save, then saving, in the language', () => {
    words.activate();
    const { rerender } = render(<SaveBar id="bar" changes={[]} pending={false} />);
    expect(screen.getByText(words.noChanges)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: words.site.save })).toBeDisabled();
    rerender(<SaveBar id="bar" changes={['x']} pending />);
    expect(screen.getByRole('button', { name: words.saving })).toBeDisabled();
    expect(screen.getByText(words.site.willChange)).toBeInTheDocument();
  });

  it('the logs’ times: 24-hour, in the language’s order, on the site’s clock', () => {
    words.activate();
    expect(auditTime('2026-11-26T10:15:00Z', 'Europe/Budapest')).toBe(words.auditTime);
  });
});
