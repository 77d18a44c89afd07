// The one-time link an administrator hands over (/set-password#token=…): the person chooses their
// password, then signs in with it. The token lives in the fragment (never sent to a server, never
// in a Referer) and leaves the address bar as soon as the page has read it.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { PasswordField } from '@/client/components/ui/text-field';
import { t } from '@/client/i18n/i18n';
import { describeAccountFailure, toProblem } from '@/client/lib/error-text';
import { navigate } from '@/client/lib/navigation';
import { checkNewPassword, passwordHint } from '@/client/lib/password-rule';
import { setPassword } from './auth-api';
import { AuthFrame, FormProblem, SUBMIT_CLASS } from './auth-frame';

/** The token of `#token=…`, or null. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token ? token : null;
}

export function SetPasswordPage() {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const id = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const againRef = useRef<HTMLInputElement>(null);
  const [password, setPasswordValue] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ password?: string; again?: string }>({});

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  const mutation = useMutation({
    mutationFn: setPassword,
    onSuccess: () => navigate('/sign-in?note=password-set', { replace: true }),
  });

  if (!token) {
    return (
      <AuthFrame title={t('auth.setPassword.title')}>
        <p className="text-base text-ink">{t('auth.setPassword.incomplete')}</p>
      </AuthFrame>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(password, again);
    setErrors(found);
    if (found.password) return passwordRef.current?.focus();
    if (found.again) return againRef.current?.focus();
    mutation.mutate({ token, newPassword: password });
  };

  const failure = mutation.error ? describeAccountFailure(toProblem(mutation.error), 'set-password') : null;
  const busy = mutation.isPending || mutation.isSuccess;

  return (
    <AuthFrame title={t('auth.setPassword.title')} intro={t('auth.setPassword.intro')}>
      <form noValidate onSubmit={submit} aria-label={t('auth.setPassword.title')} className="space-y-5">
        <PasswordField
          ref={passwordRef}
          id={`${id}-password`}
          label={t('auth.field.newPassword')}
          autoComplete="new-password"
          hint={passwordHint()}
          value={password}
          onChange={setPasswordValue}
          error={errors.password ?? (failure?.field === 'newPassword' ? failure.message : undefined)}
        />
        <PasswordField
          ref={againRef}
          id={`${id}-again`}
          label={t('auth.field.newPasswordAgain')}
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          error={errors.again}
        />
        <button type="submit" disabled={busy} className={SUBMIT_CLASS}>
          {busy ? t('auth.setPassword.busy') : t('auth.setPassword.submit')}
        </button>
      </form>
      <FormProblem message={failure && failure.field !== 'newPassword' ? failure.message : null} />
    </AuthFrame>
  );
}
