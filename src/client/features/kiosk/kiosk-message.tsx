// A full-screen message for a kiosk that cannot show its numbers because of how it was set up
// (a mistyped link, a door number the site does not have). Large and calm, readable across the
// room by whoever installs the screen; nothing to click.
import { InfoIcon } from '@/client/components/ui/icons';

interface KioskMessageProps {
  title: string;
  lines: readonly string[];
  hint?: string;
}

export function KioskMessage({ title, lines, hint }: KioskMessageProps) {
  return (
    <section aria-labelledby="kiosk-message-title" className="flex min-h-0 flex-1 items-center justify-center">
      <div className="max-w-[min(90vw,160vmin)]">
        <h2 id="kiosk-message-title" className="flex items-center gap-[2.4vmin] text-[6vmin] leading-tight font-bold">
          <InfoIcon className="size-[1em] shrink-0 text-notice" />
          {title}
        </h2>
        <ul className="mt-[3.5vmin] space-y-[1.8vmin] text-[3.6vmin] leading-snug">
          {lines.map((line) => (
            <li key={line} className="border-l-[0.6vmin] border-notice pl-[2.4vmin]">
              {line}
            </li>
          ))}
        </ul>
        {hint ? <p className="mt-[4vmin] text-[2.8vmin] text-muted">{hint}</p> : null}
      </div>
    </section>
  );
}

export const LINK_HINT =
  'Examples: /kiosk?space=cafe · /kiosk?spaces=cafe,pool&rotate=15 · /kiosk?mode=total&space=cafe for one space on one sign · /kiosk?mode=total for the whole site.';

/** A display whose link an admin revoked: for good, until a new link is opened on it. */
export const REVOKED = {
  title: 'This display link was revoked',
  lines: ['An administrator revoked the link this screen was opened with, so it no longer shows the live counts.'],
  hint: 'Ask your administrator for a new display link (Settings ▸ Displays) and open it on this screen.',
} as const;

/** A kiosk on a site with accounts, opened without a display link or a signed-in person. */
export const NEEDS_LINK = {
  title: 'This screen needs a display link',
  lines: ['Ask your administrator for a display link: they make one in Settings ▸ Displays, and you open it on this screen once.'],
  hint: 'The screen then stays signed in for as long as it is used.',
} as const;
