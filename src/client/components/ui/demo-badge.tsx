// Marks every screen that shows simulated counts, so nobody mistakes them for real visitors.
export function DemoBadge() {
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-notice bg-notice-soft px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap text-notice-ink sm:px-3 sm:py-1 sm:text-sm"
      title="These numbers come from the built-in WELLPOINT simulator, not from real door counters."
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-notice" />
      Demo data
    </span>
  );
}
