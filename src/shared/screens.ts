// Which screen a page path shows. The SPA picks its screen by it (src/client/app.tsx) and the
// server preloads that screen's code with the page (src/server/boot-page.ts): one rule for both.

export type Screen =
  { kind: 'dashboard' } | { kind: 'kiosk' } | { kind: 'sign-in' } | { kind: 'setup' } | { kind: 'set-password' } | { kind: 'settings'; section: string | null };

/** The parts of a language's catalog that come with the code that speaks them, not with the first screen. */
export const MESSAGE_PARTS = ['settings', 'history', 'kiosk'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

/** The screens whose code brings a part of the catalog with it (the SPA loads them together; the page preloads both). */
export const SCREEN_MESSAGES: Partial<Record<Screen['kind'], MessagePart>> = { kiosk: 'kiosk', settings: 'settings' };

/** The screen of a path: the dashboard at / and at every path not another screen's; a trailing slash is the same page. */
export function screenOf(pathname: string): Screen {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/kiosk') return { kind: 'kiosk' };
  if (path === '/sign-in') return { kind: 'sign-in' };
  if (path === '/setup') return { kind: 'setup' };
  if (path === '/set-password') return { kind: 'set-password' };
  const settings = /^\/settings(?:\/([^/]+))?$/.exec(path);
  if (settings) return { kind: 'settings', section: settings[1] ? safeDecode(settings[1]) : null };
  return { kind: 'dashboard' };
}

/** A section name as typed; a malformed escape (%E0%A4%A) is kept as it came, never a throw. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
