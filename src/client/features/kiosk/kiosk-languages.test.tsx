// The kiosk in German and Hungarian: the sign words of product.md, the header's date and clock,
// grouped counts, and the cards' own words.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import germanKiosk from '@/client/i18n/catalogs/de-kiosk';
import hungarian from '@/client/i18n/catalogs/hu';
import hungarianKiosk from '@/client/i18n/catalogs/hu-kiosk';
import { activate } from '@/client/i18n/i18n';
import { doorCard, KioskCards } from './kiosk-cards';
import { formatLongDate, KioskHeader } from './kiosk-frame';
import { KioskSign } from './kiosk-sign';
import { KioskTotal } from './kiosk-total';

const live = { kind: 'live', ageSeconds: 2 } as const;
// Saturday 28 November 2026, 17:24 in Budapest (16:24 UTC).
const SATURDAY_EVENING = Date.UTC(2026, 10, 28, 16, 24);

describe('the kiosk in German', () => {
  it('says "Bitte warten" when full and "Bitte eintreten" when there is room, with grouped counts', () => {
    activate('de', { ...german, ...germanKiosk });
    const { rerender } = render(<KioskSign state="full" occupancy={1083} capacity={1000} place="Gesamter Standort" freshness={live} variant="band" />);
    expect(screen.getByRole('region', { name: 'Eingangsschild' })).toHaveTextContent('Bitte warten');
    expect(screen.getByText('1.083 von 1.000 anwesend')).toBeInTheDocument();
    expect(screen.getByText('Voll', { exact: false })).toBeInTheDocument();
    rerender(<KioskSign state="nearly_full" occupancy={950} capacity={1000} place="Gesamter Standort" freshness={live} variant="hero" />);
    expect(screen.getByRole('region', { name: 'Eingangsschild' })).toHaveTextContent('Bitte eintreten');
    rerender(<KioskSign state="full" occupancy={1083} capacity={1000} place="x" freshness={{ kind: 'unavailable', ageSeconds: null }} variant="hero" />);
    expect(screen.getByRole('region', { name: 'Eingangsschild' })).toHaveTextContent('Zählung nicht verfügbar');
  });

  it('writes the header date and a 24-hour clock in German, in the site’s zone', () => {
    activate('de', { ...german, ...germanKiosk });
    expect(formatLongDate(SATURDAY_EVENING, 'Europe/Budapest')).toBe('Samstag, 28. November');
    render(<KioskHeader siteName="Bad Ost" demo timeZone="Europe/Budapest" nowMs={SATURDAY_EVENING} />);
    // The site's zone is labelled when the test machine's differs: the time itself comes first.
    expect(screen.getByText(/^17:24/)).toBeInTheDocument();
    expect(screen.getByText('Demodaten')).toBeInTheDocument();
  });

  it('counts a thousand people with a German group separator', () => {
    activate('de', { ...german, ...germanKiosk });
    render(<KioskTotal occupancy={1083} capacity={1200} freshness={live} />);
    expect(screen.getByText('1.083')).toBeInTheDocument();
    expect(screen.getByText('Personen anwesend · von 1.200')).toBeInTheDocument();
  });
});

describe('the kiosk in Hungarian', () => {
  it('says "Kérjük, várjon" when full and groups a count with a space', () => {
    activate('hu', { ...hungarian, ...hungarianKiosk });
    render(<KioskSign state="full" occupancy={1083} capacity={1000} place="A teljes helyszín" freshness={live} variant="band" />);
    expect(screen.getByRole('region', { name: 'Bejárati tábla' })).toHaveTextContent('Kérjük, várjon');
    // Intl groups Hungarian with a no-break space (the matcher sees it as a space).
    expect(screen.getByText('1 083 / 1 000 fő bent')).toBeInTheDocument();
  });

  it('writes the header date as Hungarian does, on a 24-hour clock', () => {
    activate('hu', { ...hungarian, ...hungarianKiosk });
    expect(formatLongDate(SATURDAY_EVENING, 'Europe/Budapest')).toBe('november 28., szombat');
    render(<KioskHeader siteName="Uszoda" demo={false} timeZone="Europe/Budapest" nowMs={SATURDAY_EVENING} />);
    // The site's zone is labelled when the test machine's differs: the time itself comes first.
    expect(screen.getByText(/^17:24/)).toBeInTheDocument();
  });

  it('names the cards, their pages and their state in Hungarian', () => {
    activate('hu', { ...hungarian, ...hungarianKiosk });
    const cards = [doorCard({ id: 1, label: 'Főbejárat', occupancy: 1083, capacity: 1100 })];
    render(<KioskCards name="doors" cards={cards} freshness={live} rotateMs={10_000} status={null} />);
    expect(screen.getByRole('list', { name: 'Ajtók' })).toBeInTheDocument();
    expect(screen.getByText('1 083')).toBeInTheDocument();
    expect(screen.getByText('Majdnem tele', { exact: false })).toBeInTheDocument();
  });
});
