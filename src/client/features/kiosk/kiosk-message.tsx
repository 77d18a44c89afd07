// A full-screen message for a kiosk that cannot show its numbers because of how it was set up
// (a mistyped link, a door number the site does not have). Large and calm, readable across the
// room by whoever installs the screen; nothing to click.
import { InfoIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';

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

/** The examples under a link that needs a fix. */
export const linkHint = () => t('kiosk.message.linkHint');

/** A display whose link an admin revoked: for good, until a new link is opened on it. */
export const revoked = () => ({ title: t('kiosk.message.revokedTitle'), lines: [t('kiosk.message.revokedLine')], hint: t('kiosk.message.revokedHint') });

/** A kiosk on a site with accounts, opened without a display link or a signed-in person. */
export const needsLink = () => ({
  title: t('kiosk.message.needsLinkTitle'),
  lines: [t('kiosk.message.needsLinkLine')],
  hint: t('kiosk.message.needsLinkHint'),
});
