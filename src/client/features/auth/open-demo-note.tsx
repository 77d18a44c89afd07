// The open demo's note: with no account, anyone who reaches the page may change everything. Said
// once, calmly, above the numbers (never over them), with the way to close it.
import { AppLink } from '@/client/components/ui/app-link';
import { InfoIcon } from '@/client/components/ui/icons';
import { useMe } from '@/client/lib/me-queries';

export function OpenDemoNote() {
  const me = useMe();
  if (me.data?.kind !== 'open') return null;
  return (
    <p className="mb-5 flex gap-2.5 rounded-xl border border-line bg-surface px-4 py-3 text-sm text-muted sm:mb-6">
      <InfoIcon className="mt-0.5 size-4 shrink-0 text-accent-ink" />
      <span>
        <strong className="font-semibold text-ink">Open demo:</strong> anyone who can reach this page can see and change everything. Add a person in{' '}
        <AppLink to="/settings/people" className="font-medium text-accent-ink underline underline-offset-2 hover:no-underline">
          Settings ▸ People
        </AppLink>{' '}
        to require sign-in.
      </span>
    </p>
  );
}
