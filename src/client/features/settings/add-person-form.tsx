// "Add a person": name, email and role; a refusal is shown under the field it is about. In the open
// demo the first person is an administrator (the server insists too), and the form says why.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { buttonClass } from '@/client/components/ui/button';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { InfoIcon } from '@/client/components/ui/icons';
import { Panel } from '@/client/components/ui/panel';
import { TextField } from '@/client/components/ui/text-field';
import { t } from '@/client/i18n/i18n';
import type { Role } from '@/client/lib/me-queries';
import type { PersonLink } from '@/shared/people-schema';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '@/shared/people-schema';
import { addPerson, peopleQueryOptions } from './people-queries';
import { describePeopleFailure, type PersonField, ROLE_WORDS } from './people-words';

interface AddPersonFormProps {
  /** The open demo: no account exists yet, so this one must be an administrator. */
  openDemo: boolean;
  onAdded: (link: PersonLink) => void;
}

const EMPTY = { name: '', email: '', role: 'staff' as Role };
// Enough to catch a slip of the finger; the server has the last word.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function AddPersonForm({ openDemo, onAdded }: AddPersonFormProps) {
  const headingId = useId();
  const id = useId();
  const queryClient = useQueryClient();
  const refs = useRef<Partial<Record<PersonField, HTMLInputElement | null>>>({});
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<PersonField, string>>>({});
  const role: Role = openDemo ? 'admin' : values.role;

  const mutation = useMutation({
    mutationFn: addPerson,
    onSuccess: (link) => {
      setValues(EMPTY);
      setErrors({});
      // After the open demo's first account this browser is signed out: asking again would only be refused.
      if (!link.signInRequired) void queryClient.invalidateQueries({ queryKey: peopleQueryOptions().queryKey });
      onAdded(link);
    },
    onError: (error) => {
      const failure = describePeopleFailure(error);
      if (failure.field) {
        setErrors({ [failure.field]: failure.message });
        refs.current[failure.field]?.focus();
      }
    },
  });
  const failure = mutation.error ? describePeopleFailure(mutation.error) : null;
  const formFailure = failure && !failure.field ? failure.message : undefined;

  const set = (field: 'name' | 'email') => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = values.name.trim();
    const email = values.email.trim();
    const found: Partial<Record<PersonField, string>> = {
      ...(name === '' ? { name: t('settings.people.problem.nameEmpty') } : {}),
      ...(email === ''
        ? { email: t('settings.people.problem.emailEmpty') }
        : LOOKS_LIKE_EMAIL.test(email)
          ? {}
          : { email: t('settings.people.problem.emailInvalid') }),
    };
    setErrors(found);
    const first = (['name', 'email'] as const).find((f) => found[f]);
    if (first) return refs.current[first]?.focus();
    mutation.mutate({ name, email, role });
  };

  return (
    <Panel headingId={headingId} heading={t('settings.people.add.title')} subtitle={t('settings.people.add.intro')} level={3}>
      {openDemo ? (
        <p className="mt-4 flex max-w-prose gap-2 rounded-lg bg-notice-soft px-3 py-2.5 text-base text-notice-ink">
          <InfoIcon className="mt-1 size-4 shrink-0" />
          <span>{t('settings.people.openDemo')}</span>
        </p>
      ) : null}
      <form noValidate onSubmit={submit} aria-labelledby={headingId} className="mt-5 max-w-xl space-y-5">
        <TextField
          ref={(el) => {
            refs.current.name = el;
          }}
          id={`${id}-name`}
          label={t('settings.people.name')}
          value={values.name}
          onChange={set('name')}
          error={errors.name}
          autoComplete="off"
          maxLength={NAME_MAX_LENGTH}
        />
        <TextField
          ref={(el) => {
            refs.current.email = el;
          }}
          id={`${id}-email`}
          label={t('settings.people.email')}
          hint={t('settings.people.emailHint')}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={values.email}
          onChange={set('email')}
          error={errors.email}
          maxLength={EMAIL_MAX_LENGTH}
        />
        <fieldset className="min-w-0" aria-describedby={errors.role ? `${id}-role-error` : undefined}>
          <legend className="text-sm font-semibold text-ink">{t('settings.people.role')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {(['staff', 'admin'] as const).map((r) => {
              const disabled = openDemo && r !== 'admin';
              return (
                <label
                  key={r}
                  // The radio covers its whole card: the card is the thumb-sized target, and the ring shows where focus is.
                  className={`relative flex min-h-12 gap-3 rounded-lg border px-3 py-2.5 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent ${
                    disabled ? 'opacity-60' : 'hover:bg-sunken'
                  } ${role === r ? 'border-accent bg-accent-soft' : 'border-line bg-surface'}`}
                >
                  <input
                    type="radio"
                    name={`${id}-role`}
                    value={r}
                    checked={role === r}
                    disabled={disabled}
                    onChange={() => setValues((v) => ({ ...v, role: r }))}
                    className={`absolute inset-0 size-full appearance-none rounded-lg opacity-0 ${disabled ? 'cursor-not-allowed' : 'cursor-pointer'}`}
                  />
                  <span
                    aria-hidden="true"
                    className={`mt-0.5 grid size-5 shrink-0 place-items-center rounded-full border-2 ${role === r ? 'border-accent' : 'border-muted'}`}
                  >
                    {role === r ? <span className="size-2.5 rounded-full bg-accent" /> : null}
                  </span>
                  <span>
                    <span className={`block text-base font-semibold ${role === r ? 'text-accent-ink' : 'text-ink'}`}>{t(ROLE_WORDS[r].name)}</span>
                    <span className="block text-sm text-muted">{t(ROLE_WORDS[r].may)}</span>
                  </span>
                </label>
              );
            })}
          </div>
          {openDemo ? <p className="mt-1.5 text-sm text-muted">{t('settings.people.firstAdmin')}</p> : null}
          <FieldError id={`${id}-role-error`} message={errors.role} />
        </fieldset>
        <button type="submit" disabled={mutation.isPending} className={buttonClass('primary', 'px-5 disabled:cursor-wait')}>
          {mutation.isPending ? t('settings.people.adding') : t('settings.people.addPerson')}
        </button>
      </form>
      <div role="alert" className="max-w-xl">
        {formFailure ? <FieldError id={`${id}-form-error`} message={formFailure} /> : null}
      </div>
    </Panel>
  );
}
