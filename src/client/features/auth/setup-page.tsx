// First start with a real WELLPOINT key and no account: the one-time code from the server's log
// makes the first administrator. Afterwards the page only says that the server is set up.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { AppLink } from '@/client/components/ui/app-link';
import { PasswordField, TextField } from '@/client/components/ui/text-field';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { describeAccountFailure, toProblem } from '@/client/lib/error-text';
import { meQueryOptions, useMe } from '@/client/lib/me-queries';
import { browserPage, navigate } from '@/client/lib/navigation';
import { checkNewPassword, passwordHint } from '@/client/lib/password-rule';
import { setUp } from './auth-api';
import { AuthFrame, FormProblem, LINK_CLASS, SUBMIT_CLASS } from './auth-frame';

type Field = 'code' | 'name' | 'email' | 'password' | 'again';
const ORDER: Field[] = ['code', 'name', 'email', 'password', 'again'];

export function SetupPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const id = useId();
  const refs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const [values, setValues] = useState<Record<Field, string>>({ code: '', name: '', email: '', password: '', again: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const mutation = useMutation({
    mutationFn: setUp,
    onSuccess: async () => {
      // The server may sign the new administrator in at once; if it did not, they sign in.
      const now = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 }).catch(() => null);
      if (now?.kind === 'user') browserPage.assign('/');
      else navigate('/sign-in?note=account-ready', { replace: true });
    },
  });

  if (me.data?.kind === 'open' && !mutation.isSuccess) {
    return (
      <AuthFrame title={t('auth.setup.title')}>
        <p className="text-base text-ink">{t('auth.setup.openDemo')}</p>
        <AppLink to="/settings/people" className={`mt-5 ${SUBMIT_CLASS}`}>
          {t('auth.setup.openPeople')}
        </AppLink>
      </AuthFrame>
    );
  }

  // Someone is signed in: the server has accounts. Nobody signed in says nothing either way (GET
  // /api/me answers 401 unauthorized in setup mode too); the server refuses a second setup (409).
  const setUpAlready = me.data !== undefined;
  if (setUpAlready && !mutation.isSuccess) {
    return (
      <AuthFrame title={t('auth.setup.title')}>
        <p className="text-base text-ink">{t('auth.setup.already')}</p>
        <AppLink to="/sign-in" className={`mt-5 ${SUBMIT_CLASS}`}>
          {t('auth.setup.toSignIn')}
        </AppLink>
      </AuthFrame>
    );
  }

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {
      ...(values.code.trim() === '' ? { code: t('auth.setup.codeMissing') } : {}),
      ...(values.name.trim() === '' ? { name: t('auth.setup.nameMissing') } : {}),
      ...(!/^[^\s@]+@[^\s@]+$/.test(values.email.trim()) ? { email: t('auth.setup.emailInvalid') } : {}),
      ...checkNewPassword(values.password, values.again),
    };
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) return refs.current[first]?.focus();
    mutation.mutate({ code: values.code.trim(), name: values.name.trim(), email: values.email.trim(), password: values.password });
  };

  const failure = mutation.error ? describeAccountFailure(toProblem(mutation.error), 'setup') : null;
  const fieldOf = (f: Field) => errors[f] ?? (failure?.field === f || (f === 'password' && failure?.field === 'newPassword') ? failure.message : undefined);
  const formFailure = failure && !ORDER.includes(failure.field as Field) && failure.field !== 'newPassword' ? failure.message : null;
  const busy = mutation.isPending || mutation.isSuccess;

  return (
    <AuthFrame
      title={t('auth.setup.title')}
      intro={t('auth.setup.intro')}
      footer={
        <p>
          {tx('auth.setup.setUpAlready', {
            link: (chunks) => (
              <AppLink key="link" to="/sign-in" className={LINK_CLASS}>
                {chunks}
              </AppLink>
            ),
          })}
        </p>
      }
    >
      <form noValidate onSubmit={submit} aria-label={t('auth.setup.title')} className="space-y-5">
        <TextField
          ref={(el) => {
            refs.current.code = el;
          }}
          id={`${id}-code`}
          label={t('auth.setup.code')}
          hint={t('auth.setup.codeHint')}
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          value={values.code}
          onChange={set('code')}
          error={fieldOf('code')}
        />
        <TextField
          ref={(el) => {
            refs.current.name = el;
          }}
          id={`${id}-name`}
          label={t('auth.setup.name')}
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
          error={fieldOf('name')}
        />
        <TextField
          ref={(el) => {
            refs.current.email = el;
          }}
          id={`${id}-email`}
          label={t('auth.field.email')}
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          value={values.email}
          onChange={set('email')}
          error={fieldOf('email')}
        />
        <PasswordField
          ref={(el) => {
            refs.current.password = el;
          }}
          id={`${id}-password`}
          label={t('auth.field.password')}
          autoComplete="new-password"
          hint={passwordHint()}
          value={values.password}
          onChange={set('password')}
          error={fieldOf('password')}
        />
        <PasswordField
          ref={(el) => {
            refs.current.again = el;
          }}
          id={`${id}-again`}
          label={t('auth.field.passwordAgain')}
          autoComplete="new-password"
          value={values.again}
          onChange={set('again')}
          error={fieldOf('again')}
        />
        <button type="submit" disabled={busy} className={SUBMIT_CLASS}>
          {busy ? t('auth.setup.busy') : t('auth.setup.submit')}
        </button>
      </form>
      <FormProblem message={formFailure} />
    </AuthFrame>
  );
}
