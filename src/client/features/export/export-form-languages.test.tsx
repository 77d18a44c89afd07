import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import hungarian from '@/client/i18n/catalogs/hu';
import { activate } from '@/client/i18n/i18n';
import { makeConfig, TEST_NOW } from '@/client/test/fixtures';
import type { ExportDevice } from './export-devices';
import { ExportForm } from './export-form';

// Thursday 26 November 2026 in Budapest: "Last 7 days" is 20–26 November.
const config = makeConfig();
const DEVICES: ExportDevice[] = [
  { id: 91, label: 'Main entrance' },
  { id: 92, label: 'Garden door' },
];

function renderForm() {
  const download = vi.fn<(url: string, filename: string) => void>();
  const fetchMock = vi.fn((_input: string) =>
    Promise.resolve(
      new Response(JSON.stringify({ download: '/api/export/file/0b9d6f7e-4c1e-4a57-9d1a-2f6b8c0e1a23', filename: 'x.csv' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  render(<ExportForm config={config} devices={DEVICES} now={Date.parse(TEST_NOW)} download={download} />);
  return { download, fetchMock, user: userEvent.setup() };
}

describe('ExportForm in German', () => {
  it('names every part in German, dates as 20.11.2026, the size with German grouping', async () => {
    activate('de', german);
    const { user } = renderForm();
    expect(screen.getByRole('group', { name: 'Zeitraum' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Letzte 7 Tage' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Startdatum')).toHaveValue('20.11.2026');
    expect(screen.getByLabelText('Enddatum')).toHaveValue('26.11.2026');
    const resolution = screen.getByRole('group', { name: 'Auflösung' });
    expect(
      within(resolution)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['Tag', 'Stunde', '5 Minuten', 'Monat']);
    expect(resolution).toHaveAccessibleDescription('14 Zeilen, unter 1 kB. Tagesdateien umfassen höchstens 3.660 Tage.');
    await user.click(screen.getByRole('radio', { name: '5 Minuten' }));
    // 7 days × 288 × 2 counters = 4,032 rows.
    expect(resolution).toHaveAccessibleDescription('Etwa 4.000 Zeilen, rund 160 kB. 5-Minuten-Dateien umfassen höchstens 366 Tage.');
    expect(screen.getByRole('group', { name: 'Zähler' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Alle Zähler (2)' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Dateiname' })).toHaveAccessibleDescription(
      'Gebildet aus Standort, Zeitraum und Auflösung; Sie können ihn ändern.',
    );
    expect(screen.getByRole('button', { name: 'CSV herunterladen' })).not.toHaveAttribute('aria-disabled');
  });

  it('a German date typed exports that range; a problem is said in German and named on the button', async () => {
    activate('de', german);
    const { user, fetchMock, download } = renderForm();
    const start = screen.getByLabelText('Startdatum');
    await user.clear(start);
    await user.type(start, '27.11.2026');
    expect(start).toHaveAccessibleDescription('Das Startdatum liegt in der Zukunft (heute ist der 26.11.2026). TT.MM.JJJJ, z. B. 28.11.2026');
    expect(screen.getByRole('button', { name: 'CSV herunterladen' })).toHaveAccessibleDescription(
      'Download noch nicht möglich: Bitte prüfen Sie das Startdatum und das Enddatum.',
    );

    await user.clear(start);
    await user.type(start, '2.11.2026');
    expect(screen.getByRole('button', { name: 'Letzte 7 Tage' })).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByRole('button', { name: 'CSV herunterladen' }));
    await vi.waitFor(() => expect(download).toHaveBeenCalled());
    const url = new URL(fetchMock.mock.calls[0]![0], 'http://x');
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['2026-11-02', '2026-11-26']);
    expect(await screen.findByRole('status')).toHaveTextContent(
      /^Download gestartet: riverside-library_2026-11-02_2026-11-26_day\.csv\. Ihr Browser speichert/,
    );
  });
});

describe('ExportForm in Hungarian', () => {
  it('names every part in Hungarian, dates as 2026. 11. 20.', async () => {
    activate('hu', hungarian);
    const { user } = renderForm();
    expect(screen.getByRole('group', { name: 'Időszak' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Elmúlt 7 nap' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Kezdő dátum')).toHaveValue('2026. 11. 20.');
    expect(screen.getByLabelText('Záró dátum')).toHaveValue('2026. 11. 26.');
    expect(screen.getByRole('group', { name: 'Felbontás' })).toHaveAccessibleDescription(
      /^14 sor, 1 kB alatt\. A napi fájlok legfeljebb 3\s660 napot fedhetnek le\.$/,
    );
    await user.click(screen.getByRole('radio', { name: 'Csak a bejelölt számlálók' }));
    expect(screen.getByRole('group', { name: 'Számlálók' })).toHaveAccessibleDescription(
      'Kérjük, válasszon legalább egy számlálót, vagy exportálja az összeset.',
    );
    expect(screen.getByText('2 közül 0 bejelölve')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'CSV letöltése' })).toHaveAccessibleDescription('A letöltés még nem lehetséges. Kérjük, ellenőrizze: számlálók.');
  });
});
