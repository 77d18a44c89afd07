// "Closed now · opens tomorrow 07:00" above the numbers outside opening hours, decided each minute
// on the screen from the config's hours (no poll needed); nothing while open or without hours.
import { ClockIcon } from '@/client/components/ui/icons';
import { closedNowSentence } from '@/client/lib/opening-words';
import { useOpenState } from '@/client/lib/use-open-state';
import type { Config } from '@/shared/api-schema';

export function ClosedNotice({ config }: { config: Config | undefined }) {
  const state = useOpenState(config?.openingHours, config?.timezone);
  if (state.open || config === undefined) return null;
  return (
    <p role="status" className="mb-5 flex items-center gap-2.5 rounded-xl border border-line bg-sunken px-4 py-3 text-base font-semibold text-ink sm:mb-6">
      <ClockIcon className="size-5 shrink-0 text-muted" />
      {closedNowSentence(state.nextOpen, config.timezone, new Date(state.atMs))}
    </p>
  );
}
