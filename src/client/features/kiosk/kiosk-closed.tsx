// Outside opening hours: "Closed" large and calm with the next opening on the site's clock, in
// place of the counts (a night-time count is no one's business, and not live by any reading).
import { ClockIcon } from '@/client/components/ui/icons';
import { opensSentence } from '@/client/lib/opening-words';

export const CLOSED_WORDS = 'Closed';

interface KioskClosedProps {
  nextOpen: Date | null;
  timeZone: string;
  nowMs: number;
}

export function KioskClosed({ nextOpen, timeZone, nowMs }: KioskClosedProps) {
  return (
    <section aria-label="Opening hours" className="flex min-h-0 flex-1 items-center justify-center">
      <div className="flex max-w-[90vw] flex-col items-center rounded-[3vmin] bg-[var(--neutral-sign)] px-[10vmin] py-[7vmin] text-center text-[var(--neutral-sign-ink)]">
        <h2 className="text-[18vmin] leading-none font-bold tracking-tight">{CLOSED_WORDS}</h2>
        <p className="mt-[4vmin] flex items-center gap-[2vmin] text-[6.4vmin] leading-tight font-semibold">
          <ClockIcon aria-hidden="true" className="size-[0.9em] shrink-0" />
          {opensSentence(nextOpen, timeZone, new Date(nowMs))}
        </p>
      </div>
    </section>
  );
}
