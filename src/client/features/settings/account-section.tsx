// Settings ▸ My account: who you are (name, email, role), your own password, and signing out.
// In the open demo there is no account: it says so and how to add one.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { z } from 'zod';
import { AppLink } from '@/client/components/ui/app-link';
import { buttonClass } from '@/client/components/ui/button';
import { CheckCircleIcon } from '@/client/components/ui/icons';
import { Panel } from '@/client/components/ui/panel';
import { PasswordField } from '@/client/components/ui/text-field';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { fetchJson } from '@/client/lib/api-client';
import { describeAccountFailure, toProblem } from '@/client/lib/error-text';
import { t } from '@/client/i18n/i18n';
import { type Me, signOut } from '@/client/lib/me-queries';
import { checkNewPassword, passwordHint } from '@/client/lib/password-rule';
import { ROLE_WORDS } from './people-words';
import type { SettingsSectionProps } from './settings-section-props';

export function AccountSection({ me }: SettingsSectionProps) {
  if (me.kind !== 'user' || !me.user) return <NoAccount />;
  return (
    <div className="space-y-5 sm:space-y-6">
      <Identity user={me.user} />
      <ChangePassword />
      <SignOut />
    </div>
  );
}

function NoAccount() {
  const headingId = useId();
  return (
    <Panel headingId={headingId} heading={t('settings.account.nobody')} subtitle={t('settings.account.openDemo')} level={3}>
      <p className="mt-3 max-w-prose text-base text-ink">{t('settings.account.openDemoBody')}</p>
      <AppLink to="/settings/people" className={buttonClass('accent', 'mt-4 px-4')}>
        {t('settings.people.add.title')}
      </AppLink>
    </Panel>
  );
}

function Identity({ user }: { user: NonNullable<Me['user']> }) {
  const headingId = useId();
  const role = ROLE_WORDS[user.role];
  return (
    <Panel headingId={headingId} heading={t('settings.account.you')} subtitle={t('settings.account.youIntro')} level={3}>
      <dl className="mt-4 grid gap-x-6 gap-y-3 text-base sm:grid-cols-[8rem_minmax(0,1fr)]">
        <dt className="text-sm font-semibold text-muted sm:pt-0.5">{t('settings.people.name')}</dt>
        <dd className="break-words text-ink">{user.name}</dd>
        <dt className="text-sm font-semibold text-muted sm:pt-0.5">{t('settings.people.email')}</dt>
        <dd className="break-all text-ink">{user.email}</dd>
        <dt className="text-sm font-semibold text-muted sm:pt-0.5">{t('settings.people.role')}</dt>
        <dd className="text-ink">
          {t(role.name)} <span className="text-muted">· {t(role.may)}</span>
        </dd>
      </dl>
    </Panel>
  );
}

const changePassword = (body: { currentPassword: string; newPassword: string }) => fetchJson('/api/me/password', z.unknown(), { method: 'POST', body });

type Field = 'current' | 'password' | 'again';

function ChangePassword() {
  const headingId = useId();
  const id = useId();
  const refs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const [values, setValues] = useState<Record<Field, string>>({ current: '', password: '', again: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => setValues({ current: '', password: '', again: '' }),
    onError: () => setValues((v) => ({ ...v, current: '' })),
  });
  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (mutation.isSuccess) mutation.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkNewPassword(values.password, values.again);
    const found: Partial<Record<Field, string>> = {
      ...(values.current === '' ? { current: t('settings.account.currentEmpty') } : {}),
      ...(check.password ? { password: check.password } : {}),
      ...(check.again ? { again: check.again } : {}),
    };
    setErrors(found);
    const first = (['current', 'password', 'again'] as const).find((f) => found[f]);
    if (first) return refs.current[first]?.focus();
    mutation.mutate({ currentPassword: values.current, newPassword: values.password });
  };

  const failure = mutation.error ? describeAccountFailure(toProblem(mutation.error), 'change-password') : null;
  const fieldFailure = (f: Field) =>
    errors[f] ??
    ((f === 'current' && failure?.field === 'currentPassword') || (f === 'password' && failure?.field === 'newPassword') ? failure?.message : undefined);
  const formFailure = failure && failure.field !== 'currentPassword' && failure.field !== 'newPassword' ? failure.message : undefined;

  return (
    <Panel headingId={headingId} heading={t('settings.account.password')} subtitle={t('settings.account.passwordIntro')} level={3}>
      <form noValidate onSubmit={submit} aria-labelledby={headingId} className="mt-5 max-w-md space-y-5">
        <PasswordField
          ref={(el) => {
            refs.current.current = el;
          }}
          id={`${id}-current`}
          label={t('settings.account.current')}
          autoComplete="current-password"
          value={values.current}
          onChange={set('current')}
          error={fieldFailure('current')}
        />
        <PasswordField
          ref={(el) => {
            refs.current.password = el;
          }}
          id={`${id}-new`}
          label={t('settings.account.new')}
          autoComplete="new-password"
          hint={passwordHint()}
          value={values.password}
          onChange={set('password')}
          error={fieldFailure('password')}
        />
        <PasswordField
          ref={(el) => {
            refs.current.again = el;
          }}
          id={`${id}-again`}
          label={t('settings.account.again')}
          autoComplete="new-password"
          value={values.again}
          onChange={set('again')}
          error={fieldFailure('again')}
        />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
          <button type="submit" disabled={mutation.isPending} className={buttonClass('primary', 'px-5 disabled:cursor-wait')}>
            {mutation.isPending ? t('settings.account.changing') : t('settings.account.change')}
          </button>
          <p role="status" className="flex items-center gap-1.5 text-sm font-medium text-ok-ink">
            {mutation.isSuccess ? (
              <>
                <CheckCircleIcon className="size-4 shrink-0" />
                {t('settings.account.changed')}
              </>
            ) : null}
          </p>
        </div>
      </form>
      <div role="alert" className="max-w-md">
        {formFailure ? <FieldError id={`${id}-form-error`} message={formFailure} /> : null}
      </div>
    </Panel>
  );
}

function SignOut() {
  const headingId = useId();
  const out = useMutation({ mutationFn: signOut });
  const failure = out.error ? describeAccountFailure(toProblem(out.error), 'sign-out').message : undefined;
  return (
    <Panel headingId={headingId} heading={t('settings.account.signOut')} subtitle={t('settings.account.signOutIntro')} level={3}>
      <button
        type="button"
        disabled={out.isPending || out.isSuccess}
        onClick={() => out.mutate()}
        className={buttonClass('secondary', 'mt-4 px-5 disabled:cursor-wait')}
      >
        {out.isPending || out.isSuccess ? t('settings.account.signingOut') : t('settings.account.signOut')}
      </button>
      <div role="alert">{failure ? <FieldError id={`${headingId}-error`} message={t('settings.account.notSignedOut', { reason: failure })} /> : null}</div>
    </Panel>
  );
}
