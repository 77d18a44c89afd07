// What is wrong, in plain words, above numbers that are no longer live.
import { useId } from 'react';
import { DataAge, type DataAgeInput } from '@/client/components/ui/data-age';
import { CloudOffIcon, KeyIcon, InfoIcon } from '@/client/components/ui/icons';
import { formatDuration } from '@/client/lib/format';
import { describeProblem, type Problem, type ProblemText } from '@/client/lib/error-text';

export const toneIcon: Record<ProblemText['tone'], typeof InfoIcon> = {
  offline: CloudOffIcon,
  config: KeyIcon,
  vendor: InfoIcon,
};

export function StaleBanner({ problem, age, pollIntervalMs }: { problem: Problem; age: DataAgeInput; pollIntervalMs: number }) {
  const headingId = useId();
  const text = describeProblem(problem);
  const Icon = toneIcon[text.tone];
  return (
    // First in the DOM (read first), shown last and sticky at the bottom of the viewport: it stays
    // in view while scrolling, and appearing or going away never pushes the numbers around.
    <section
      aria-labelledby={headingId}
      className="sticky bottom-3 z-10 order-last mx-auto mt-6 flex w-full max-w-4xl gap-3 rounded-2xl border border-notice bg-notice-soft p-4 text-notice-ink shadow-lg sm:bottom-6 sm:p-5"
    >
      <Icon className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0">
        {/* The ticking age sits in a block of its own, so it never re-wraps the text around it. */}
        <h2 id={headingId} className="text-sm font-semibold sm:text-base">
          <span className="inline-block">{text.title}</span>{' '}
          <span className="inline-block sm:whitespace-nowrap">
            {/* No full stop after the age: text after a growing number would move. */}
            Showing the numbers from <DataAge {...age} />
          </span>
        </h2>
        <p className="mt-1 text-xs sm:text-sm">
          {text.detail ? `${text.detail} ` : ''}
          Trying again every {formatDuration(pollIntervalMs / 1000)}.
        </p>
      </div>
    </section>
  );
}
