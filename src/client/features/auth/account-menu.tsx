// Who is signed in, in the page header: a button with the person's name that opens Settings and
// Sign out. The open demo gets a plain Settings link (everyone may change everything there);
// a display's browser gets Sign in, for a person who wants more than the wall screen.
import { useMutation } from '@tanstack/react-query';
import { usePopover } from '@/client/lib/use-popover';
import { AppLink } from '@/client/components/ui/app-link';
import { ChevronRightIcon, PersonIcon } from '@/client/components/ui/icons';
import { describeAccountFailure, toProblem } from '@/client/lib/error-text';
import { type Me, roleWords, signOut, useMe } from '@/client/lib/me-queries';
import { currentLocation } from '@/client/lib/navigation';

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
        Settings
      </AppLink>
    );
  }
  if (me.data.kind === 'display' || !me.data.user) {
    return (
      <AppLink to={`/sign-in?next=${encodeURIComponent(currentLocation())}`} className={HEADER_LINK}>
        Sign in
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
        aria-label={`Account: ${user.name}`}
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
          <p className="text-xs font-semibold tracking-wider text-muted uppercase">Signed in as</p>
          <p className="mt-1 font-semibold break-words text-ink">{user.name}</p>
          <p className="text-sm break-all text-muted">{user.email}</p>
          <p className="mt-2 inline-flex rounded-full bg-accent-soft px-2.5 py-0.5 text-xs font-semibold text-accent-ink">{roleWords[user.role].name}</p>
        </div>
        <div className="border-t border-line pt-2">
          {inSettings ? null : (
            <AppLink to="/settings" onClick={() => setOpen(false)} className="flex min-h-11 items-center rounded-lg px-3 font-medium text-ink hover:bg-sunken">
              Settings
            </AppLink>
          )}
          <button
            type="button"
            disabled={out.isPending || out.isSuccess}
            onClick={() => out.mutate()}
            className="flex min-h-11 w-full items-center rounded-lg px-3 text-left font-medium text-ink hover:bg-sunken disabled:cursor-wait disabled:text-muted"
          >
            {out.isPending || out.isSuccess ? 'Signing out…' : 'Sign out'}
          </button>
          {out.error ? (
            <p role="alert" className="px-3 pt-1 pb-2 text-sm text-full-ink">
              Not signed out. {describeAccountFailure(toProblem(out.error), 'sign-out').message}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
