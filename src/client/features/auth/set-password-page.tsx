// The one-time link an administrator hands over (/set-password#token=…): the person chooses their
// password, then signs in with it. The token lives in the fragment (never sent to a server, never
// in a Referer) and leaves the address bar as soon as the page has read it.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { PasswordField } from '@/client/components/ui/text-field';
import { describeAccountFailure, toProblem } from '@/client/lib/error-text';
import { navigate } from '@/client/lib/navigation';
import { checkNewPassword, PASSWORD_HINT } from '@/client/lib/password-rule';
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
      <AuthFrame title="Set your password">
        <p className="text-base text-ink">This link is incomplete. Open the whole link you were given, or ask an administrator for a new one.</p>
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
    <AuthFrame title="Set your password" intro="Choose the password you will sign in with. This link works once.">
      <form noValidate onSubmit={submit} aria-label="Set your password" className="space-y-5">
        <PasswordField
          ref={passwordRef}
          id={`${id}-password`}
          label="New password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          value={password}
          onChange={setPasswordValue}
          error={errors.password ?? (failure?.field === 'newPassword' ? failure.message : undefined)}
        />
        <PasswordField
          ref={againRef}
          id={`${id}-again`}
          label="New password again"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          error={errors.again}
        />
        <button type="submit" disabled={busy} className={SUBMIT_CLASS}>
          {busy ? 'Saving…' : 'Set password'}
        </button>
      </form>
      <FormProblem message={failure && failure.field !== 'newPassword' ? failure.message : null} />
    </AuthFrame>
  );
}
