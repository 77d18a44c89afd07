import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
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
    expect(screen.getByLabelText('Start date')).toHaveValue('2026-03-23');
    expect(screen.getByLabelText('End date')).toHaveValue('2026-03-29');
    expect(seen).toHaveBeenLastCalledWith({ range: { from: '2026-03-23', to: '2026-03-29' }, preset: 'lastWeek' });

    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByLabelText('Start date')).toHaveValue('2026-03-30');
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
    expect(from).toHaveAccessibleDescription('Start date is in the future (today is 2026-03-30).');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('End date is before the start date.');
    // Next to it: the message is in the same field wrapper as its input.
    expect(from.parentElement).toHaveTextContent('Start date is in the future');
    expect(from.parentElement).not.toHaveTextContent('End date is before');
  });

  it('without problems, nothing is marked invalid', () => {
    render(<Harness />);
    expect(screen.getByLabelText('Start date')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Start date')).not.toHaveAccessibleDescription();
  });

  it('offers only the presets asked for, and caps the start date picker', () => {
    render(<Harness presets={['today', 'yesterday']} maxStart="2026-03-30" legend="Chart range" />);
    expect(screen.getByRole('group', { name: 'Chart range' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Quick ranges' })).getAllByRole('button')).toHaveLength(2);
    expect(screen.getByLabelText('Start date')).toHaveAttribute('max', '2026-03-30');
  });
});
