import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import hungarian from '@/client/i18n/catalogs/hu';
import { activate } from '@/client/i18n/i18n';
import { DateField, formatDateInput, parseDateInput } from './date-field';

describe('formatDateInput and parseDateInput', () => {
  it('write a date in each language’s own order', () => {
    expect(formatDateInput('2026-11-28', 'en')).toBe('28/11/2026');
    expect(formatDateInput('2026-11-28', 'de')).toBe('28.11.2026');
    expect(formatDateInput('2026-11-28', 'hu')).toBe('2026. 11. 28.');
    // Not a date yet: shown as typed.
    expect(formatDateInput('28.11', 'de')).toBe('28.11');
  });

  it('read the language’s order, short or padded, and ISO in every language', () => {
    expect(parseDateInput('28/11/2026', 'en')).toBe('2026-11-28');
    expect(parseDateInput('1/2/2026', 'en')).toBe('2026-02-01');
    expect(parseDateInput('28.11.2026', 'de')).toBe('2026-11-28');
    expect(parseDateInput(' 1.2.2026 ', 'de')).toBe('2026-02-01');
    expect(parseDateInput('2026. 11. 28.', 'hu')).toBe('2026-11-28');
    expect(parseDateInput('2026.11.28', 'hu')).toBe('2026-11-28');
    for (const lang of ['en', 'de', 'hu'] as const) expect(parseDateInput('2026-11-28', lang)).toBe('2026-11-28');
  });

  it('refuse what is not a date: no 31 February, no two-digit years, no other order', () => {
    expect(parseDateInput('31.02.2026', 'de')).toBeNull();
    expect(parseDateInput('28.11.26', 'de')).toBeNull();
    expect(parseDateInput('11/28/2026', 'en')).toBeNull();
    expect(parseDateInput('28/11/2026', 'de')).toBeNull();
    expect(parseDateInput('2026-02-30', 'hu')).toBeNull();
    expect(parseDateInput('', 'en')).toBeNull();
    expect(parseDateInput('morgen', 'de')).toBeNull();
  });
});

function Harness({ initial, onSeen }: { initial: string; onSeen: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField
        id="d"
        label="Startdatum"
        value={value}
        onChange={(v) => {
          onSeen(v);
          setValue(v);
        }}
      />
      <button type="button" onClick={() => setValue('2026-01-05')}>
        preset
      </button>
    </>
  );
}

describe('DateField', () => {
  it('in German, shows 28.11.2026, hands on YYYY-MM-DD, and tidies the date once left', async () => {
    activate('de', german);
    const user = userEvent.setup();
    const seen = vi.fn();
    render(<Harness initial="2026-11-28" onSeen={seen} />);
    const input = screen.getByLabelText('Startdatum');
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveValue('28.11.2026');
    expect(input).toHaveAccessibleDescription('TT.MM.JJJJ, z. B. 28.11.2026');

    await user.clear(input);
    await user.type(input, '1.2.2026');
    expect(seen).toHaveBeenLastCalledWith('2026-02-01');
    // As typed while typing …
    expect(input).toHaveValue('1.2.2026');
    await user.tab();
    // … and the language's way once left.
    expect(input).toHaveValue('01.02.2026');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('a date that cannot be read is handed on as typed and, once left, named as this field’s problem', async () => {
    activate('de', german);
    const user = userEvent.setup();
    const seen = vi.fn();
    render(<Harness initial="2026-11-28" onSeen={seen} />);
    const input = screen.getByLabelText('Startdatum');
    await user.clear(input);
    await user.type(input, '11/28/2026');
    expect(seen).toHaveBeenLastCalledWith('11/28/2026');
    // Not while typing …
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.tab();
    // … but once left.
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(
      'Startdatum: Dies ist kein gültiges Datum. Bitte im Format TT.MM.JJJJ eingeben, z. B. 28.11.2026. TT.MM.JJJJ, z. B. 28.11.2026',
    );
    expect(input).toHaveValue('11/28/2026');
  });

  it('a new value from outside (a preset) replaces what was typed', async () => {
    activate('hu', hungarian);
    const user = userEvent.setup();
    render(<Harness initial="2026-11-28" onSeen={() => undefined} />);
    const input = screen.getByLabelText('Startdatum');
    expect(input).toHaveValue('2026. 11. 28.');
    await user.clear(input);
    await user.type(input, '2026.1');
    await user.click(screen.getByRole('button', { name: 'preset' }));
    expect(input).toHaveValue('2026. 01. 05.');
    expect(input).toHaveAccessibleDescription('ÉÉÉÉ. HH. NN., pl. 2026. 11. 28.');
  });

  it('shows the caller’s problem when the date itself is fine', () => {
    render(<DateField id="x" label="End date" value="2026-03-01" onChange={() => undefined} error="End date is before the start date." />);
    expect(screen.getByLabelText('End date')).toHaveAccessibleDescription('End date is before the start date. DD/MM/YYYY, e.g. 28/11/2026');
  });
});
