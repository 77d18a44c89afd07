// The dashboard's key pieces in German and Hungarian: the site total (heading, grouped numbers,
// level word, 24-hour time, the sentence a screen reader hears), the door-health words and the
// retry sentence.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import hungarian from '@/client/i18n/catalogs/hu';
import { activate } from '@/client/i18n/i18n';
import { makeOccupancy } from '@/client/test/fixtures';
import { driftWords, oneWayWords } from './door-health-words';
import { readingSentence, SiteTotal } from './site-total';
import { retryNote } from './status-banner';

const BIG = makeOccupancy({ total: { in: 2069, out: 986, occupancy: 1083, capacity: 1200 }, fetchedAt: '2026-11-28T16:24:05.000Z' });
const age = { receivedAt: Date.now(), ageAtReceipt: 8 };

function renderTotal() {
  return render(<SiteTotal data={BIG} root={undefined} siteCapacity={1200} timeZone="Europe/Budapest" age={age} stale={false} isFetching={false} />);
}

describe('the dashboard in German', () => {
  it('heads, groups and states the site total in German, times on the 24-hour clock', () => {
    activate('de', german);
    renderTotal();
    expect(screen.getByRole('heading', { name: 'Jetzt anwesend · gesamter Standort' })).toBeInTheDocument();
    expect(screen.getByText('1.083')).toBeInTheDocument();
    expect(screen.getByText('2.069')).toBeInTheDocument();
    expect(screen.getByText('Heute hinein')).toBeInTheDocument();
    expect(screen.getByText('Fast voll')).toBeInTheDocument();
    expect(screen.getByText(/^um 17:24:05/)).toBeInTheDocument();
    // The level keeps its capitals inside a German sentence.
    expect(screen.getByText('1.083 Personen anwesend von 1.200, 90 %, Fast voll.')).toBeInTheDocument();
  });

  it('says door health and the retry in German', () => {
    activate('de', german);
    expect(oneWayWords({ direction: 'out', count: 1084 } as never, '06:00')).toBe(
      'Seit 06:00 1.084 Personen hinaus und niemand hinein gezählt – dieser Zähler erfasst möglicherweise nicht alle Personen.',
    );
    expect(driftWords('Schwimmhalle', 42)).toContain('„Schwimmhalle“ verlassen als betreten (42 mehr)');
    expect(retryNote({ code: 'network', message: '' }, { pollIntervalMs: 5_000, authBackoffSeconds: 60 })).toBe('Neuer Versuch alle 5\u00a0s.');
  });
});

describe('the dashboard in Hungarian', () => {
  it('groups with a space and says the level in Hungarian', () => {
    activate('hu', hungarian);
    renderTotal();
    expect(screen.getByRole('heading', { name: 'Most bent · teljes helyszín' })).toBeInTheDocument();
    expect(screen.getByText('1 083')).toBeInTheDocument();
    expect(screen.getByText('Majdnem tele')).toBeInTheDocument();
    expect(readingSentence(1083, 1200, { ratio: 0.9, state: 'nearly_full' })).toBe('1\u00a0083 fő bent / 1\u00a0200, 90%, majdnem tele.');
  });
});
