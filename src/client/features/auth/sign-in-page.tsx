// Sign-in: email and password, then back to the page that sent the person here (`?next=`, only a
// path of this site). Refusals are said in words under the form; a server with no account yet
// sends to its setup page, and an open demo says there is nothing to sign in to.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { AppLink } from '@/client/components/ui/app-link';
import { buttonClass } from '@/client/components/ui/button';
import { PasswordField, TextField } from '@/client/components/ui/text-field';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { ApiRequestError } from '@/client/lib/api-client';
import { configQueryOptions } from '@/client/lib/config-queries';
import { describeAccountFailure, toProblem } from '@/client/lib/error-text';
import { signOut, useMe } from '@/client/lib/me-queries';
import { browserPage, navigate } from '@/client/lib/navigation';
import type { MessageKey } from '@/shared/i18n/message-key';
import { afterSignIn, signIn } from './auth-api';
import { AuthFrame, FormNote, FormProblem, SUBMIT_CLASS } from './auth-frame';

const NOTES: Record<string, { tone: 'done' | 'info'; text: MessageKey }> = {
  'signed-out': { tone: 'info', text: 'auth.note.signedOut' },
  'password-set': { tone: 'done', text: 'auth.note.passwordSet' },
  'account-ready': { tone: 'done', text: 'auth.note.accountReady' },
};

export function SignInPage() {
  const [{ next, note }] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    return { next: afterSignIn(params.get('next')), note: NOTES[params.get('note') ?? ''] };
  });
  const me = useMe();
  const id = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  const out = useMutation({ mutationFn: signOut });
  const mutation = useMutation({
    mutationFn: signIn,
    // A fresh page load: nothing of a previous session stays in memory.
    onSuccess: () => browserPage.assign(next),
    onError: (error) => {
      // No account exists yet (GET /api/me does not say so in setup mode; this answer does).
      if (error instanceof ApiRequestError && error.code === 'setup_required') return navigate('/setup', { replace: true });
      setPassword('');
      passwordRef.current?.focus();
    },
  });

  // GET /api/me answers 401 unauthorized while no account exists too; the site's config tells
  // setup_required apart (one request, only when nobody is signed in).
  const nobody = me.error instanceof ApiRequestError && me.error.code === 'unauthorized';
  const probe = useQuery({ ...configQueryOptions(), enabled: nobody, refetchInterval: false, retry: false });
  const setupRequired = [me.error, probe.error].some((e) => e instanceof ApiRequestError && e.code === 'setup_required');
  useEffect(() => {
    if (setupRequired) navigate('/setup', { replace: true });
  }, [setupRequired]);

  // Signed in already: say so rather than move on by itself (a page that disagrees would send
  // the person back here, and round and round).
  if (me.data?.kind === 'user' && me.data.user && !mutation.isSuccess) {
    return (
      <AuthFrame title={t('auth.signIn.title')}>
        <p className="text-base text-ink">
          {tx('auth.signIn.signedInAs', {
            b: (chunks) => (
              <strong key="b" className="font-semibold">
                {chunks}
              </strong>
            ),
            name: me.data.user.name,
            email: me.data.user.email,
          })}
        </p>
        <AppLink to={next} className={`mt-5 ${SUBMIT_CLASS}`}>
          {t('auth.signIn.continue')}
        </AppLink>
        <button type="button" disabled={out.isPending || out.isSuccess} onClick={() => out.mutate()} className={buttonClass('secondary', 'mt-3 w-full px-5')}>
          {out.isPending || out.isSuccess ? t('auth.signingOut') : t('auth.signOut')}
        </button>
        <FormProblem message={out.error ? t('auth.notSignedOut', { reason: describeAccountFailure(toProblem(out.error), 'sign-out').message }) : null} />
      </AuthFrame>
    );
  }

  if (me.data?.kind === 'open') {
    return (
      <AuthFrame title={t('auth.signIn.title')}>
        <p className="text-base text-ink">{t('auth.signIn.openDemo')}</p>
        <p className="mt-3 text-sm text-muted">{t('auth.signIn.openDemoHint')}</p>
        <AppLink to="/" className={`mt-5 ${SUBMIT_CLASS}`}>
          {t('auth.signIn.openDashboard')}
        </AppLink>
      </AuthFrame>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(email.trim() === '' ? { email: t('auth.signIn.emailMissing') } : {}),
      ...(password === '' ? { password: t('auth.signIn.passwordMissing') } : {}),
    };
    setMissing(problems);
    if (problems.email) return emailRef.current?.focus();
    if (problems.password) return passwordRef.current?.focus();
    mutation.mutate({ email: email.trim(), password });
  };

  const failure = mutation.error ? describeAccountFailure(toProblem(mutation.error), 'sign-in').message : null;
  const busy = mutation.isPending || mutation.isSuccess;

  return (
    <AuthFrame title={t('auth.signIn.title')} footer={<p>{t('auth.signIn.forgot')}</p>}>
      {note ? <FormNote tone={note.tone}>{t(note.text)}</FormNote> : null}
      <form noValidate onSubmit={submit} aria-label={t('auth.signIn.title')} className="space-y-5">
        <TextField
          ref={emailRef}
          id={`${id}-email`}
          label={t('auth.field.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="off"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={missing.email}
        />
        <PasswordField
          ref={passwordRef}
          id={`${id}-password`}
          label={t('auth.field.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={missing.password}
        />
        <button type="submit" disabled={busy} className={SUBMIT_CLASS}>
          {busy ? t('auth.signIn.busy') : t('auth.signIn.title')}
        </button>
      </form>
      <FormProblem message={failure} />
    </AuthFrame>
  );
}
