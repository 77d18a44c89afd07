// Outside opening hours: "Closed" large and calm with the next opening on the site's clock, in
// place of the counts (a night-time count is no one's business, and not live by any reading).
import { ClockIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { opensSentence } from '@/client/lib/opening-words';
import type { MessageKey } from '@/shared/i18n/message-key';

/** The sign word outside the hours: "Closed", "Geschlossen", "Zárva". */
export const CLOSED_WORDS: MessageKey = 'common.sign.closed';

interface KioskClosedProps {
  nextOpen: Date | null;
  timeZone: string;
  nowMs: number;
}

export function KioskClosed({ nextOpen, timeZone, nowMs }: KioskClosedProps) {
  return (
    <section aria-label={t('kiosk.closed.label')} className="flex min-h-0 flex-1 items-center justify-center">
      <div className="flex max-w-[90vw] flex-col items-center rounded-[3vmin] bg-[var(--neutral-sign)] px-[10vmin] py-[7vmin] text-center text-[var(--neutral-sign-ink)]">
        <h2 className="text-[18vmin] leading-none font-bold tracking-tight">{t(CLOSED_WORDS)}</h2>
        {/* The icon inline, so a line that wraps on a portrait screen keeps it beside the words. */}
        <p className="mt-[4vmin] text-[6.4vmin] leading-tight font-semibold">
          <ClockIcon aria-hidden="true" className="mr-[0.35em] inline-block size-[0.9em] align-[-0.12em]" />
          {opensSentence(nextOpen, timeZone, new Date(nowMs))}
        </p>
      </div>
    </section>
  );
}
