// Today's curve and its chart formats in German and Hungarian: words, 24-hour times, dates.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import germanHistory from '@/client/i18n/catalogs/de-history';
import hungarian from '@/client/i18n/catalogs/hu';
import hungarianHistory from '@/client/i18n/catalogs/hu-history';
import { activate } from '@/client/i18n/i18n';
import { json, makeConfig, makeOccupancy, TEST_NOW } from '@/client/test/fixtures';
import { fakeHistoryApi, fiveMinuteSeries, makeHistory, renderWithClient } from '@/client/test/history-api';
import { openingHoursSchema } from '@/shared/opening-hours';
import { formatDay, formatHour, formatTimeOfDay } from './chart-format';
import { TodaySection } from './today-section';

const TZ = 'Europe/Budapest';
const DAY_START = Date.parse('2026-11-25T23:00:00Z');

function renderToday() {
  const series = [fiveMinuteSeries(91, 'Main entrance', { startMs: DAY_START, untilMs: Date.parse(TEST_NOW), timeZone: TZ, counts: { '08:00': [40, 3] } })];
  fakeHistoryApi(() => json(makeHistory({ series })));
  const openingHours = openingHoursSchema.parse({ weekly: { thu: [['07:00', '22:00']] } });
  return renderWithClient(<TodaySection occupancy={makeOccupancy()} config={makeConfig({ openingHours })} timeZone={TZ} />);
}

describe('chart formats follow the chosen language, not the browser', () => {
  it('24-hour times and the language’s dates', () => {
    const afternoon = Date.parse('2026-11-26T13:05:00Z');
    activate('de', { ...german, ...germanHistory });
    expect(formatTimeOfDay(afternoon, TZ)).toBe('14:05');
    expect(formatHour(14)).toBe('14:00');
    // The bare number on the heatmap's axis: German's "14 Uhr" would not fit.
    expect(formatHour(9, { compact: true })).toBe('09');
    expect(formatDay('2026-11-26')).toMatch(/^Do\.?, 26\. Nov/);
    activate('hu', { ...hungarian, ...hungarianHistory });
    expect(formatTimeOfDay(afternoon, TZ)).toBe('14:05');
    expect(formatDay('2026-11-26')).toMatch(/^nov\. 26\., cs/i);
  });
});

describe('Today’s curve in German and Hungarian', () => {
  it('German: heading, subtitle, the chart’s name with its closed hours, the shading word and the buttons', { timeout: 20_000 }, async () => {
    activate('de', { ...german, ...germanHistory });
    renderToday();
    const chart = await screen.findByRole('img', { name: /^Anwesende heute, Gesamter Standort, von 00:00 bis 11:15: jetzt \d+ anwesend/ }, { timeout: 10_000 });
    expect(chart.getAttribute('aria-label')).toMatch(/Geschlossen 00:00–07:00 und 22:00–00:00 \(schattiert\)\.$/);
    expect(screen.getAllByText('Geschlossen')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Heute' })).toBeInTheDocument();
    expect(screen.getByText('Anwesende seit 00:00, alle 5 Minuten')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Anzeigen' })).toHaveDisplayValue('Gesamter Standort');
    expect(screen.getByRole('button', { name: 'Verlauf' })).toBeInTheDocument();
    expect(screen.getByText('Zahlen als Tabelle anzeigen')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Anwesende heute, Gesamter Standort, alle 5 Minuten' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Uhrzeit' })).toBeInTheDocument();
  });

  it('Hungarian: heading, subtitle, the shading word and the table', { timeout: 20_000 }, async () => {
    activate('hu', { ...hungarian, ...hungarianHistory });
    renderToday();
    const chart = await screen.findByRole('img', { name: /^Bent lévők ma, Teljes helyszín, 00:00 és 11:15 között: most \d+ fő bent/ }, { timeout: 10_000 });
    expect(chart.getAttribute('aria-label')).toMatch(/Zárva: 00:00–07:00 és 22:00–00:00 \(satírozva\)\.$/);
    expect(screen.getAllByText('Zárva')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Ma' })).toBeInTheDocument();
    expect(screen.getByText('Bent lévők 00:00 óta, 5 percenként')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Előzmények' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Bent lévők' })).toBeInTheDocument();
  });
});
