// The CSV export form: a range (presets on the site's clock, or typed), a resolution with the
// size it implies, the counters (with configured spaces: a space or single doors), and the file
// name. The behaviour lives in useExportForm; this file lays out the parts and the footer that
// keeps the download button honest about why it cannot be used yet.
import type { ReactNode } from 'react';
import { DateRangeFields } from '@/client/components/ui/date-range-fields';
import { AlertTriangleIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import type { Config } from '@/shared/api-schema';
import { DeviceFields } from './device-fields';
import { clickDownloadLink } from './export-download';
import type { ExportDevice } from './export-devices';
import { StatusLine } from './export-status';
import { FilenameField } from './filename-field';
import { ResolutionFields } from './resolution-fields';
import { SpaceFields } from './space-fields';
import type { ExportSpace } from './export-spaces';
import { useExportForm } from './use-export-form';

export interface ExportFormProps {
  config: Config;
  /** The live PRO devices; undefined while loading, null when the list is not available. */
  devices: ExportDevice[] | null | undefined;
  /** The configured spaces; null or absent when none are configured (or while they load). */
  spaces?: ExportSpace[] | null;
  /** Date.now() of the clock the presets and "today" are read from. */
  now: number;
  /** Id of the heading that names the form. */
  labelledBy?: string;
  /** Replaces the footer's secondary button (the dialog's "Close"). */
  secondaryAction?: ReactNode;
  /** Hands the checked URL to the browser's download manager (tests replace it). */
  download?: (url: string, filename: string) => void;
  storage?: Storage;
}

export function ExportForm({ config, devices, spaces = null, now, labelledBy, secondaryAction, download = clickDownloadLink, storage }: ExportFormProps) {
  const { formRef, ...form } = useExportForm({ config, devices, spaces, now, download, storage });

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void form.submit(e)} aria-labelledby={labelledBy} className="flex min-h-0 flex-1 flex-col">
      <div className="flex-1 space-y-6 overflow-y-auto px-4 py-5 sm:px-6">
        <DateRangeFields
          value={form.range}
          preset={form.values.preset}
          context={form.site}
          errors={{ from: form.errors.from, to: form.errors.to }}
          inputIds={{ from: form.ids.from, to: form.ids.to }}
          onChange={({ range: r, preset }) => form.update({ preset, from: r.from, to: r.to }, ['from', 'to'])}
        />
        <ResolutionFields
          value={form.values.resolution}
          estimate={form.estimate}
          error={form.errors.resolution}
          onChange={(resolution) => form.update({ resolution }, ['resolution', 'to'])}
        />
        {spaces ? (
          <SpaceFields
            spaces={spaces}
            devices={devices}
            values={form.effective}
            errors={{ space: form.errors.space, devices: form.errors.devices }}
            onChange={(patch) => form.update(patch, ['space', 'devices'])}
          />
        ) : (
          <DeviceFields
            name={`${form.id}-devices`}
            devices={devices}
            mode={form.effective.deviceMode}
            chosen={form.effective.chosen}
            error={form.errors.devices}
            errorId={`${form.id}-devices-error`}
            onChange={(patch) => form.update(patch, ['devices'])}
          />
        )}
        <FilenameField
          inputId={form.ids.filename}
          values={form.values}
          space={form.space?.name ?? null}
          suggested={form.suggestedName}
          saved={form.checked.filename}
          error={form.errors.filename}
          onChange={(patch) => form.update(patch, ['filename'])}
        />
      </div>

      <div className="border-t border-line bg-surface px-4 py-3 sm:px-6">
        <StatusLine status={form.status} doors={form.doors} onCancel={form.cancel} />
        {form.errors.form && form.known?.length !== 0 ? <p className="mb-2 text-sm text-full-ink">{form.errors.form}</p> : null}
        <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2">
          {form.reason ? (
            <p id={form.ids.reason} className="mr-auto flex min-w-0 flex-1 basis-56 gap-1.5 text-sm text-muted">
              <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-full-ink" />
              <span>{form.reason}</span>
            </p>
          ) : null}
          {secondaryAction}
          <button
            type="submit"
            aria-disabled={form.blocked || form.preparing ? true : undefined}
            aria-describedby={form.reason ? form.ids.reason : undefined}
            className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-5 font-semibold ${form.blocked || form.preparing ? 'cursor-not-allowed bg-sunken text-muted' : 'bg-accent text-surface hover:opacity-90'}`}
          >
            {form.preparing ? (
              <>
                <span aria-hidden="true" className="size-4 rounded-full border-2 border-current border-t-transparent motion-safe:animate-spin" />
                {t('export.preparingButton')}
              </>
            ) : (
              t('export.download')
            )}
          </button>
        </div>
      </div>
    </form>
  );
}
