// The frame of the pages one sees before signing in (sign-in, setup, set-password): the product's
// name, the page's title, a card with the form, and the messages under it.
import { type ReactNode, useEffect } from 'react';
import { AlertTriangleIcon, CheckCircleIcon, InfoIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';

interface AuthFrameProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** Under the card: a way out or a hint. */
  footer?: ReactNode;
}

export function AuthFrame({ title, intro, children, footer }: AuthFrameProps) {
  useEffect(() => {
    document.title = t('auth.documentTitle', { title });
  }, [title]);
  return (
    <div className="flex min-h-dvh flex-col">
      <main id="main" className="mx-auto flex w-full max-w-md flex-1 flex-col justify-start px-4 py-8 sm:justify-center sm:py-16">
        <p className="text-xs font-semibold tracking-wider text-accent-ink uppercase">Occupancy Live</p>
        <h1 className="mt-1 text-2xl font-semibold text-ink sm:text-3xl">{title}</h1>
        {intro ? <div className="mt-2 text-base text-muted">{intro}</div> : null}
        <div className="mt-6 rounded-2xl border border-line bg-surface p-5 shadow-sm sm:p-7">{children}</div>
        {footer ? <div className="mt-5 space-y-2 px-1 text-sm text-muted">{footer}</div> : null}
      </main>
    </div>
  );
}

/** Why the form was refused, under it; announced as it appears. */
export function FormProblem({ message }: { message: string | null }) {
  return (
    <div role="alert">
      {message ? (
        <p className="mt-4 flex gap-2 rounded-lg border border-full-arc bg-full-soft px-3 py-2.5 text-sm text-full-ink">
          <AlertTriangleIcon className="mt-0.5 size-4 shrink-0" />
          <span>{message}</span>
        </p>
      ) : null}
    </div>
  );
}

/** Good news from the page before (password set, signed out), above the form. */
export function FormNote({ tone, children }: { tone: 'done' | 'info'; children: ReactNode }) {
  const Icon = tone === 'done' ? CheckCircleIcon : InfoIcon;
  return (
    <p
      role="status"
      className={`mb-5 flex gap-2 rounded-lg px-3 py-2.5 text-sm ${tone === 'done' ? 'bg-ok-soft text-ok-ink' : 'bg-accent-soft text-accent-ink'}`}
    >
      <Icon className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

export const SUBMIT_CLASS =
  'inline-flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-accent px-5 text-base font-semibold text-surface hover:opacity-90 disabled:cursor-wait disabled:opacity-70';

/** A link to another page of the app that moves without reloading. */
export const LINK_CLASS = 'inline-flex min-h-11 items-center font-medium text-accent-ink underline underline-offset-2 hover:no-underline';
