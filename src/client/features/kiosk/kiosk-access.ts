// Who this kiosk is: a display signed in by a display link (its token in the URL's fragment is
// swapped once for the HttpOnly cookie and taken out of the address bar), a display by its cookie
// alone, or a person's browser (the link's own parameters then). A revoked link, or no link where
// sign-in is needed, is said on the wall instead.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { type Problem, toProblem } from '@/client/lib/error-text';
import { apiErrorSchema, type Me, meSchema } from '@/shared/api-schema';
import { DISPLAY_MODES, DISPLAY_THEMES, type DisplayMode, type DisplayTheme } from '@/shared/display-schema';
import type { KioskSettings } from './kiosk-params';

export type DisplaySettings = NonNullable<Me['display']>;

export type KioskAccess =
  | { kind: 'checking' }
  /** A display link: its spaces, mode, theme and language rule the screen. */
  | { kind: 'display'; display: DisplaySettings }
  /** A signed-in person, the open demo, or a server that cannot say yet: the URL's parameters. */
  | { kind: 'browser' }
  | { kind: 'revoked' }
  /** Accounts exist and this screen has no display link (nor a session). */
  | { kind: 'needs-link' }
  /** The link in the address did not work (unknown token, too many tries, a person's browser). */
  | { kind: 'bad-link'; problem: Problem };

/** The link token in `#display=…`, or null. */
export function displayToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('display');
  return token === null || token.trim() === '' ? null : token.trim();
}

/** The URL without its fragment: the token must not stay in the address bar or history. */
export function forgetToken(location: Pick<Location, 'pathname' | 'search'> = window.location, history: Pick<History, 'replaceState'> = window.history) {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

async function openLink(token: string, signal: AbortSignal): Promise<Me> {
  let response: Response;
  try {
    response = await fetch('/api/display/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiRequestError({ status: 0, code: 'network', message: 'The server could not be reached.' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    if (parsed.success) throw new ApiRequestError({ status: response.status, ...parsed.data.error });
    throw new ApiRequestError({ status: response.status, code: response.status >= 502 ? 'network' : 'invalid_response', message: `HTTP ${response.status}` });
  }
  return meSchema.parse(body);
}

/** A server that cannot be reached may come back: keep trying, every few seconds. */
const keepTrying = (_count: number, error: unknown) => !(error instanceof ApiRequestError) || error.status === 0 || error.status >= 500;
const RETRY_MS = 5_000;

export function accessOf(me: Me | undefined, error: unknown, pending: boolean, fromLink: boolean): KioskAccess {
  if (me !== undefined) return me.kind === 'display' && me.display !== undefined ? { kind: 'display', display: me.display } : { kind: 'browser' };
  if (error instanceof ApiRequestError) {
    if (error.code === 'display_revoked') return { kind: 'revoked' };
    if (fromLink && error.status >= 400 && error.status < 500) return { kind: 'bad-link', problem: toProblem(error) };
    if (error.code === 'unauthorized' || error.code === 'setup_required') return { kind: 'needs-link' };
  }
  // A link is swapped before anything is asked (its cookie answers the rest). Without one the
  // screen comes up at once by its URL, as a person's kiosk always has, and a display's cookie
  // turns it into the display's screen when the answer is in (the same requests, scoped by the server).
  return fromLink && pending && error === null ? { kind: 'checking' } : { kind: 'browser' };
}

export function useKioskAccess(hash: string): KioskAccess {
  const token = displayToken(hash);
  const link = useQuery({
    queryKey: ['kiosk', 'display-link', token],
    queryFn: ({ signal }) => openLink(token!, signal),
    enabled: token !== null,
    retry: keepTrying,
    retryDelay: RETRY_MS,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const me = useQuery({
    queryKey: ['kiosk', 'me'],
    queryFn: ({ signal }) => fetchJson('/api/me', meSchema, { signal }),
    enabled: token === null,
    // Asked once; a server that could not answer is asked again until it does.
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.status === 'error' && keepTrying(0, query.state.error) ? RETRY_MS : false),
    refetchIntervalInBackground: true,
    retry: false,
  });
  // Once the server has answered the link, for better or worse, the token leaves the address bar.
  const answered = link.isSuccess || (link.isError && !keepTrying(0, link.error));
  useEffect(() => {
    if (token !== null && answered) forgetToken();
  }, [token, answered]);

  if (token !== null) return accessOf(link.data, link.error, link.isPending, true);
  return accessOf(me.data, me.error, me.isPending, false);
}

const isMode = (v: string | null): v is DisplayMode => (DISPLAY_MODES as readonly (string | null)[]).includes(v);
const isTheme = (v: string | null): v is DisplayTheme => (DISPLAY_THEMES as readonly (string | null)[]).includes(v);

/** A display's own settings over the link's: its spaces (all when none were chosen), mode and theme. */
export function withDisplay(settings: KioskSettings, display: DisplaySettings): KioskSettings {
  return {
    ...settings,
    devices: 'all',
    spaces: display.spaces,
    mode: isMode(display.mode) ? display.mode : settings.mode,
    theme: isTheme(display.theme) ? display.theme : settings.theme,
  };
}
