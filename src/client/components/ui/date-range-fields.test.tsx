import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import hungarian from '@/client/i18n/catalogs/hu';
import { activate } from '@/client/i18n/i18n';
import type { DatePreset, DateRange } from '@/shared/date-presets';
import { type DateRangeChange, DateRangeFields, type DateRangeFieldsProps } from './date-range-fields';

// 00:30 on Monday 30 March 2026 in Budapest, still Sunday in UTC and in a CET-only reckoning.
const context = { timezone: 'Europe/Budapest', weekStartsOn: 1, now: new Date('2026-03-29T22:30:00Z') };

function Harness(props: Partial<DateRangeFieldsProps> & { onSeen?: (c: DateRangeChange) => void }) {
  const [value, setValue] = useState<DateRange>({ from: '2026-03-01', to: '2026-03-10' });
  const [preset, setPreset] = useState<DatePreset | null>(null);
  return (
    <DateRangeFields
      value={value}
      preset={preset}
      context={context}
      onChange={(change) => {
        props.onSeen?.(change);
        setValue(change.range);
        setPreset(change.preset);
      }}
      {...props}
    />
  );
}

describe('DateRangeFields', () => {
  it('offers the presets as toggle buttons and fills both dates on the site’s clock', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(<Harness onSeen={seen} />);

    const group = screen.getByRole('group', { name: 'Quick ranges' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Today', 'Yesterday', 'This week', 'Last week', 'Last 7 days', 'This month', 'Last month', 'Last 30 days']);

    await user.click(screen.getByRole('button', { name: 'Last week' }));
    expect(screen.getByRole('button', { name: 'Last week' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'false');
    // Shown the language's way (English is en-GB: day/month/year), handed on as YYYY-MM-DD.
    expect(screen.getByLabelText('Start date')).toHaveValue('23/03/2026');
    expect(screen.getByLabelText('End date')).toHaveValue('29/03/2026');
    expect(seen).toHaveBeenLastCalledWith({ range: { from: '2026-03-23', to: '2026-03-29' }, preset: 'lastWeek' });

    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByLabelText('Start date')).toHaveValue('30/03/2026');
  });

  it('typing a date leaves the preset', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(<Harness onSeen={seen} />);
    await user.click(screen.getByRole('button', { name: 'This month' }));
    fireEvent.change(screen.getByLabelText('End date'), { target: { value: '2026-03-15' } });
    expect(seen).toHaveBeenLastCalledWith({ range: { from: '2026-03-01', to: '2026-03-15' }, preset: null });
    expect(screen.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows each problem under its own field, and the field points at it', () => {
    render(<Harness errors={{ from: 'Start date is in the future (today is 2026-03-30).', to: 'End date is before the start date.' }} />);
    const from = screen.getByLabelText('Start date');
    const to = screen.getByLabelText('End date');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription('Start date is in the future (today is 2026-03-30). DD/MM/YYYY, e.g. 28/11/2026');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('End date is before the start date. DD/MM/YYYY, e.g. 28/11/2026');
    // Next to it: the message is in the same field wrapper as its input.
    expect(from.parentElement).toHaveTextContent('Start date is in the future');
    expect(from.parentElement).not.toHaveTextContent('End date is before');
  });

  it('without problems, nothing is marked invalid', () => {
    render(<Harness />);
    expect(screen.getByLabelText('Start date')).not.toHaveAttribute('aria-invalid');
    // Only the format hint describes it.
    expect(screen.getByLabelText('Start date')).toHaveAccessibleDescription('DD/MM/YYYY, e.g. 28/11/2026');
  });

  it('offers only the presets asked for, under the legend given', () => {
    render(<Harness presets={['today', 'yesterday']} legend="Chart range" />);
    expect(screen.getByRole('group', { name: 'Chart range' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Quick ranges' })).getAllByRole('button')).toHaveLength(2);
  });

  it('speaks German: presets, labels, and dates as 28.11.2026', async () => {
    activate('de', german);
    const user = userEvent.setup();
    const seen = vi.fn();
    render(<Harness onSeen={seen} />);
    expect(screen.getByRole('group', { name: 'Zeitraum' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Schnellauswahl' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Heute', 'Gestern', 'Diese Woche', 'Letzte Woche', 'Letzte 7 Tage', 'Dieser Monat', 'Letzter Monat', 'Letzte 30 Tage']);
    await user.click(screen.getByRole('button', { name: 'Letzte Woche' }));
    expect(screen.getByLabelText('Startdatum')).toHaveValue('23.03.2026');
    expect(screen.getByLabelText('Enddatum')).toHaveValue('29.03.2026');
    expect(screen.getByLabelText('Startdatum')).toHaveAccessibleDescription('TT.MM.JJJJ, z. B. 28.11.2026');

    await user.clear(screen.getByLabelText('Enddatum'));
    await user.type(screen.getByLabelText('Enddatum'), '31.3.2026');
    expect(seen).toHaveBeenLastCalledWith({ range: { from: '2026-03-23', to: '2026-03-31' }, preset: null });
  });

  it('speaks Hungarian: dates as 2026. 03. 23.', async () => {
    activate('hu', hungarian);
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Múlt hét' }));
    expect(screen.getByLabelText('Kezdő dátum')).toHaveValue('2026. 03. 23.');
    expect(screen.getByLabelText('Záró dátum')).toHaveValue('2026. 03. 29.');
    expect(screen.getByRole('group', { name: 'Időszak' })).toBeInTheDocument();
  });
});
