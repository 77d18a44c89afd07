// Who is signed in, in the page header: a button with the person's name that opens their language,
// Settings and Sign out. The open demo gets a plain Settings link (everyone may change everything there);
// a display's browser gets Sign in, for a person who wants more than the wall screen.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { usePopover } from '@/client/lib/use-popover';
import { AppLink } from '@/client/components/ui/app-link';
import { ChevronRightIcon, PersonIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { ApiRequestError } from '@/client/lib/api-client';
import { configQueryOptions } from '@/client/lib/config-queries';
import { describeAccountFailure, toProblem } from '@/client/lib/error-text';
import { type Me, meQueryOptions, roleWords, signOut, useMe } from '@/client/lib/me-queries';
import { currentLocation } from '@/client/lib/navigation';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@/shared/i18n/languages';
import { saveMyLanguage } from './auth-api';

const HEADER_LINK =
  'inline-flex min-h-11 items-center gap-2 rounded-lg border border-line bg-surface px-3 text-sm font-semibold whitespace-nowrap text-ink hover:bg-sunken sm:px-4';

/** `inSettings`: shown on Settings itself, so without a way to Settings. */
export function AccountMenu({ inSettings = false }: { inSettings?: boolean }) {
  const me = useMe();
  if (!me.data) return null;
  if (me.data.kind === 'open') {
    if (inSettings) return null;
    // A phone's header has no room for it: the open demo's note, always shown, leads to Settings.
    return (
      <AppLink to="/settings" className={`${HEADER_LINK} max-sm:hidden`}>
        {t('auth.menu.settings')}
      </AppLink>
    );
  }
  if (me.data.kind === 'display' || !me.data.user) {
    return (
      <AppLink to={`/sign-in?next=${encodeURIComponent(currentLocation())}`} className={HEADER_LINK}>
        {t('auth.menu.signIn')}
      </AppLink>
    );
  }
  return <UserMenu user={me.data.user} inSettings={inSettings} />;
}

function UserMenu({ user, inSettings }: { user: NonNullable<Me['user']>; inSettings: boolean }) {
  const { open, setOpen, panelId, rootProps, buttonProps } = usePopover();
  const out = useMutation({ mutationFn: signOut });

  return (
    <div
      {...rootProps}
      // The dashboard's header makes room for it on a phone.
      data-account-menu=""
      className="relative"
    >
      <button
        {...buttonProps}
        // The visible name (hidden on narrow screens) is part of this one.
        aria-label={t('auth.menu.account', { name: user.name })}
        className="inline-flex min-h-11 max-w-56 min-w-11 items-center justify-center gap-2 rounded-lg border border-line bg-surface px-3 text-sm font-semibold text-ink hover:bg-sunken"
      >
        <PersonIcon className="size-5 shrink-0 text-muted" />
        <span className="truncate max-lg:hidden">{user.name}</span>
        <ChevronRightIcon className={`size-4 shrink-0 text-muted max-sm:hidden ${open ? '-rotate-90' : 'rotate-90'}`} />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute top-full right-0 z-20 mt-2 w-[min(18rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-2 shadow-lg"
      >
        <div className="px-3 pt-2 pb-3">
          <p className="text-xs font-semibold tracking-wider text-muted uppercase">{t('auth.menu.signedInAs')}</p>
          <p className="mt-1 font-semibold break-words text-ink">{user.name}</p>
          <p className="text-sm break-all text-muted">{user.email}</p>
          <p className="mt-2 inline-flex rounded-full bg-accent-soft px-2.5 py-0.5 text-xs font-semibold text-accent-ink">{roleWords[user.role].name}</p>
        </div>
        <LanguageChoice chosen={user.locale ?? null} />
        <div className="border-t border-line pt-2">
          {inSettings ? null : (
            <AppLink to="/settings" onClick={() => setOpen(false)} className="flex min-h-11 items-center rounded-lg px-3 font-medium text-ink hover:bg-sunken">
              {t('auth.menu.settings')}
            </AppLink>
          )}
          <button
            type="button"
            disabled={out.isPending || out.isSuccess}
            onClick={() => out.mutate()}
            className="flex min-h-11 w-full items-center rounded-lg px-3 text-left font-medium text-ink hover:bg-sunken disabled:cursor-wait disabled:text-muted"
          >
            {out.isPending || out.isSuccess ? t('auth.signingOut') : t('auth.signOut')}
          </button>
          {out.error ? (
            <p role="alert" className="px-3 pt-1 pb-2 text-sm text-full-ink">
              {t('auth.notSignedOut', { reason: describeAccountFailure(toProblem(out.error), 'sign-out').message })}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/**
 * The person's own language, kept on the server: the site's (named in its own language) or one of
 * the three. Saved at once; GET /api/me then answers with it and the app switches (app.tsx).
 */
function LanguageChoice({ chosen }: { chosen: Language | null }) {
  const queryClient = useQueryClient();
  const name = useId();
  const site = useQuery({ ...configQueryOptions(), select: (config) => config.locale ?? 'en' });
  const save = useMutation({
    mutationFn: saveMyLanguage,
    onSuccess: async (me) => {
      queryClient.setQueryData(meQueryOptions().queryKey, me);
      await queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
    },
  });
  // While saving, the choice being saved shows as chosen.
  const current = save.isPending ? save.variables : chosen;
  const options: { value: Language | null; label: string; lang?: Language }[] = [
    { value: null, label: t('auth.menu.siteLanguage', { language: LANGUAGE_NAMES[site.data ?? 'en'] }) },
    ...LANGUAGES.map((lang) => ({ value: lang, label: LANGUAGE_NAMES[lang], lang })),
  ];
  const failed = save.error
    ? save.error instanceof ApiRequestError && save.error.code === 'network'
      ? t('auth.menu.languageOffline')
      : t('auth.menu.languageFailed')
    : null;
  return (
    <fieldset className="border-t border-line px-3 pt-2 pb-3" disabled={save.isPending}>
      <legend className="float-left w-full pt-1 pb-1 text-xs font-semibold tracking-wider text-muted uppercase">{t('auth.menu.language')}</legend>
      <div className="clear-both">
        {options.map((option) => (
          <label key={option.value ?? 'site'} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg font-medium text-ink">
            <input
              type="radio"
              name={name}
              checked={current === option.value}
              onChange={() => save.mutate(option.value)}
              className="size-4 shrink-0 accent-accent"
            />
            {/* Each language in its own name, read in its own language. */}
            <span lang={option.lang} className="min-w-0 break-words">
              {option.label}
            </span>
          </label>
        ))}
      </div>
      {failed ? (
        <p role="alert" className="pt-1 text-sm text-full-ink">
          {failed}
        </p>
      ) : null}
    </fieldset>
  );
}
