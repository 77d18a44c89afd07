// A labelled text input with its hint and its error right under it, thumb-sized (48 px), and the
// password variant with a Show/Hide switch (typing a new password on a phone is hard enough).
import { type InputHTMLAttributes, type Ref, useState } from 'react';
import { activeLanguage, t } from '@/client/i18n/i18n';
import { FieldError } from './date-range-fields';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

const INPUT = 'block min-h-12 w-full min-w-0 rounded-lg border bg-surface px-3 text-base text-ink placeholder:text-muted';

export function TextField({ id, label, value, onChange, hint, error, ref, ...input }: TextFieldProps) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`mt-2 ${INPUT} ${error ? 'border-full-arc' : 'border-line'}`}
        {...input}
      />
      <FieldError id={`${id}-error`} message={error} />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type PasswordFieldProps = Omit<TextFieldProps, 'type'> & { autoComplete: 'current-password' | 'new-password' };

export function PasswordField({ id, label, value, onChange, hint, error, ref, ...input }: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <div className="mt-2 flex gap-2">
        <input
          ref={ref}
          id={id}
          type={shown ? 'text' : 'password'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={`${INPUT} ${error ? 'border-full-arc' : 'border-line'}`}
          {...input}
        />
        <button
          type="button"
          onClick={() => setShown((s) => !s)}
          aria-controls={id}
          className="min-h-12 shrink-0 rounded-lg border border-line bg-surface px-3 text-sm font-medium text-accent-ink hover:bg-accent-soft"
        >
          {/* Several password fields share a form: the name says which one (German keeps its nouns' capitals). */}
          {shown ? t('dashboard.password.hide') : t('dashboard.password.show')}{' '}
          <span className="sr-only">{activeLanguage() === 'de' ? label : label.toLocaleLowerCase(activeLanguage())}</span>
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].join(' ').trim() || undefined;
}
