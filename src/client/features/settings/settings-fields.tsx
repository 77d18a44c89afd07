// The form parts the site and spaces sections share: a labelled field with its lock note and its
// error (tied to the input for screen readers), the summary of what a save changes beside its Save
// button, and the section's loading and failure states.
import type { ReactNode } from 'react';
import { Button } from '@/client/components/ui/button';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { KeyIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';

export const inputClass = (invalid: boolean) =>
  `block min-h-12 w-full min-w-0 rounded-lg border bg-surface px-3 text-base text-ink disabled:bg-sunken disabled:text-muted ${invalid ? 'border-full-arc' : 'border-line'}`;

interface FieldProps {
  id: string;
  label: ReactNode;
  /** Why the field cannot be changed here, if it cannot. */
  lock?: string | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  /** Grid placement and the like. */
  className?: string;
  children: (described: { 'aria-describedby': string | undefined; 'aria-invalid': true | undefined; disabled: boolean }) => ReactNode;
}

export function Field({ id, label, lock, hint, error, className, children }: FieldProps) {
  const described = [error ? `${id}-error` : '', lock ? `${id}-lock` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div data-field={id} className={className}>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      <div className="mt-1.5">{children({ 'aria-describedby': described, 'aria-invalid': error ? true : undefined, disabled: lock !== undefined })}</div>
      <FieldError id={`${id}-error`} message={error} />
      {lock ? <LockNote id={`${id}-lock`}>{lock}</LockNote> : null}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function LockNote({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1.5 flex gap-1.5 text-sm text-muted">
      <KeyIcon className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

/** The summary of what a save changes, and the Save button it describes (off while nothing changed). */
/** The Save bar's place in a section: a line above it, the summary beside the button on a desk. */
const SAVE_BAR = 'mt-6 flex flex-col gap-4 border-t border-line pt-4 sm:flex-row sm:items-end sm:justify-between';

export function SaveBar({
  id,
  changes,
  pending,
  label,
  className = SAVE_BAR,
}: {
  id: string;
  changes: readonly string[];
  pending: boolean;
  label?: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <ChangeSummary id={`${id}-summary`} lines={changes} />
      <Button tone="primary" type="submit" disabled={pending || changes.length === 0} aria-describedby={`${id}-summary`} className="min-h-12 shrink-0 px-5">
        {pending ? t('settings.save.saving') : (label ?? t('settings.save.save'))}
      </Button>
    </div>
  );
}

/** Below the Save bar, announced: what saving did, or why it did not. */
export function SaveStatus({ saved, problem }: { saved: string | null; problem: string | null }) {
  return (
    <p role="status" className="mt-3 text-sm">
      {saved !== null ? <span className="text-ink">{saved}</span> : null}
      {problem !== null ? <span className="text-full-ink">{problem}</span> : null}
    </p>
  );
}

/** What saving would change, one line each, announced as it changes. */
export function ChangeSummary({ id, lines }: { id: string; lines: readonly string[] }) {
  return (
    <div id={id} aria-live="polite" className="min-w-0 text-sm break-words hyphens-auto text-ink">
      {lines.length === 0 ? (
        <p className="text-muted">{t('settings.save.noChanges')}</p>
      ) : (
        <>
          <p className="font-semibold">{t('settings.save.willChange')}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function SectionMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="status" className="rounded-2xl border border-line bg-surface p-4 sm:p-6">
      <p className="font-semibold text-ink">{title}</p>
      {children ? <div className="mt-1 text-sm text-muted">{children}</div> : null}
    </div>
  );
}
