// The export's progress, in live regions a screen reader announces: preparing (with Cancel),
// started (the browser saves it), or failed (why, in plain words; nothing was saved).
import { AlertTriangleIcon, CheckCircleIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import type { ApiRequestError } from '@/client/lib/api-client';
import { describeExportFailure, toProblem } from '@/client/lib/error-text';
import { exportField, type ExportStatus } from './use-export-form';

/** `doors`: the form offers spaces, so its devices are called doors. */
export function StatusLine({ status, doors = false, onCancel }: { status: ExportStatus; doors?: boolean; onCancel: () => void }) {
  // Live regions that are always present, so screen readers announce what appears in them.
  return (
    <>
      <div role="status" aria-live="polite">
        {status.kind === 'preparing' ? (
          <div className="mb-3 flex items-center gap-3 text-sm">
            <span aria-hidden="true" className="size-4 shrink-0 rounded-full border-2 border-accent border-t-transparent motion-safe:animate-spin" />
            <p className="min-w-0 flex-1">
              <span className="font-medium text-ink">{t('export.status.preparing')}</span>{' '}
              <span className="text-muted">{t('export.status.preparingDetail')}</span>
            </p>
            <button type="button" onClick={onCancel} className="min-h-11 shrink-0 rounded-md px-3 font-medium text-accent-ink hover:bg-accent-soft">
              {t('export.status.cancel')}
            </button>
          </div>
        ) : null}
        {status.kind === 'started' ? (
          <div className="mb-3 flex gap-2 rounded-lg bg-ok-soft px-3 py-2 text-sm text-ok-ink">
            <CheckCircleIcon className="mt-0.5 size-4 shrink-0" />
            <p className="min-w-0">
              {tx('export.status.started', {
                filename: status.filename,
                b: (chunks) => <span className="font-semibold">{chunks}</span>,
                name: (chunks) => <span className="break-words">{chunks}</span>,
              })}
            </p>
          </div>
        ) : null}
      </div>
      <div role="alert">{status.kind === 'failed' ? <FailureBox error={status.error} doors={doors} /> : null}</div>
    </>
  );
}

function FailureBox({ error, doors }: { error: ApiRequestError; doors: boolean }) {
  const text = describeExportFailure(toProblem(error));
  const field = exportField(error.field);
  return (
    <div className="mb-3 flex gap-2 rounded-lg border border-full-arc bg-full-soft px-3 py-2 text-sm text-ink">
      <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-full-ink" />
      <div className="min-w-0">
        <p className="font-semibold">{text.title}</p>
        <p>{field ? t('export.failedAt', { field: field === 'devices' && doors ? 'doors' : field }) : text.detail}</p>
      </div>
    </div>
  );
}
