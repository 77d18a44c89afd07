// The display's cookie: its link token, HttpOnly, for 400 days (the most browsers keep one), sent
// again now and then so a screen used for months never falls out.
import { serialize } from 'hono/utils/cookie';

export const DISPLAY_COOKIE = 'occupancy_display';

export const DISPLAY_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
/** How often a polling display is sent its cookie again (a fresh 400 days). */
export const DISPLAY_COOKIE_RENEW_MS = 24 * 60 * 60 * 1000;

export function displayCookie(token: string, secure: boolean): string {
  return serialize(DISPLAY_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: DISPLAY_COOKIE_MAX_AGE_SECONDS });
}

/** Ends the cookie (a browser signed in as a display by mistake). */
export function clearedDisplayCookie(secure: boolean): string {
  return serialize(DISPLAY_COOKIE, '', { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: 0 });
}

const NAME_IS = `${DISPLAY_COOKIE}=`;

/**
 * The display cookie's value in a Cookie header: found directly rather than by parsing every
 * cookie, since each poll of a wall screen reads it. Tokens are base64url: nothing to decode.
 */
export function displayTokenOf(header: string): string | null {
  let at = header.indexOf(NAME_IS);
  // Only a whole cookie name: at the start, or after "; ".
  while (at > 0 && header[at - 1] !== ' ' && header[at - 1] !== ';') at = header.indexOf(NAME_IS, at + 1);
  if (at < 0) return null;
  const start = at + NAME_IS.length;
  const end = header.indexOf(';', start);
  const value = (end < 0 ? header.slice(start) : header.slice(start, end)).trim();
  return value === '' ? null : value;
}
