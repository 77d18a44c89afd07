// "Export CSV" in the page header, and the form it opens: a native modal <dialog> (the browser
// traps focus in it, makes the page behind inert and closes it on Escape), a centred panel on a
// desk and the whole screen on a phone. Focus goes to its title on opening and back to the
// button on closing. Closing cancels an export still being prepared; a started download goes on.
// The form itself (with the schema and the date code) loads on first use, not with the dashboard.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { buttonClass } from '@/client/components/ui/button';
import { Dialog } from '@/client/components/ui/dialog';
import { CloseIcon, DownloadIcon } from '@/client/components/ui/icons';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { occupancyQueryOptions } from '@/client/lib/occupancy-queries';
import { useNow } from '@/client/lib/use-now';
import type { Config } from '@/shared/api-schema';
import { exportDevices } from './export-devices';
import { exportSpaces } from './export-spaces';
import { describeFileTimes } from './file-times';
import type { ExportFormProps } from './export-form';

const loadForm = () => import('./export-form');
const ExportForm = lazy(() => loadForm().then((m) => ({ default: m.ExportForm })));

interface ExportButtonProps {
  /** /api/config; the button waits for it (the form needs the site's zone and name). */
  config: Config | undefined;
  /** For tests: replaces the browser download. */
  download?: ExportFormProps['download'];
}

export function ExportButton({ config, download }: ExportButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-disabled={config ? undefined : true}
        onClick={() => {
          if (config) setOpen(true);
        }}
        // Fetch the form's code while the pointer or focus is on its way.
        onPointerEnter={() => void loadForm()}
        onFocus={() => void loadForm()}
        className={`inline-flex min-h-11 items-center gap-2 rounded-lg border border-line bg-surface px-3 text-sm font-semibold whitespace-nowrap sm:px-4 ${
          config ? 'text-ink hover:bg-sunken' : 'cursor-wait text-muted'
        }`}
      >
        <DownloadIcon className="size-4 max-sm:hidden" />
        {/* A phone's header is narrow: "Export" is shown, "Export CSV" is still the name. */}
        {/* One flex item, so the button's gap does not widen the space between the words. */}
        <span>{tx('export.button', { wide: (chunks) => <span className="max-sm:sr-only">{chunks}</span> })}</span>
      </button>
      {open && config ? <ExportDialog config={config} onClose={close} download={download} /> : null}
    </>
  );
}

interface ExportDialogProps {
  config: Config;
  onClose: () => void;
  download: ExportFormProps['download'];
}

function ExportDialog({ config, onClose, download }: ExportDialogProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const now = useNow();
  // The dashboard polls the same query, so this reads its cache rather than asking again.
  const occupancy = useQuery(occupancyQueryOptions(config.pollIntervalMs));
  // Loading, known, or not available (no answer and the request failed).
  const devices = occupancy.data ? exportDevices(occupancy.data) : occupancy.isError ? null : undefined;
  // The live tree; without a live answer, the configured one (a space can be exported all the same).
  const spaces = occupancy.data
    ? exportSpaces(occupancy.data.spaces, occupancy.data.spacesConfigured, devices ?? null)
    : occupancy.isError
      ? exportSpaces(config.spaces, config.spaces !== null, null, configLabels(config))
      : undefined;

  return (
    <Dialog
      labelledBy={titleId}
      onClose={onClose}
      initialFocus={titleRef}
      className="m-0 h-dvh max-h-none w-full max-w-none flex-col border-0 bg-surface open:flex sm:m-auto sm:h-auto sm:max-h-[min(52rem,calc(100dvh-4rem))] sm:w-[min(44rem,calc(100vw-3rem))] sm:rounded-2xl sm:border sm:border-line sm:shadow-2xl"
    >
      <div className="flex shrink-0 items-center gap-3 border-b border-line px-4 py-3 sm:px-6 sm:py-4">
        <div className="min-w-0 flex-1">
          <h2 ref={titleRef} id={titleId} tabIndex={-1} className="text-lg font-semibold outline-none sm:text-xl">
            {t('export.title')}
          </h2>
          <p className="text-sm text-muted">
            {t('export.intro')} {describeFileTimes(config, devices ? new Map(devices.map((d) => [d.id, d.label])) : undefined)}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label={t('export.closeLabel')}
          className="grid size-11 shrink-0 place-items-center rounded-lg text-muted hover:bg-sunken hover:text-ink"
        >
          <CloseIcon className="size-5" />
        </button>
      </div>
      <Suspense fallback={<FormPlaceholder />}>
        <ExportForm
          config={config}
          devices={devices}
          spaces={spaces}
          now={now}
          labelledBy={titleId}
          download={download}
          secondaryAction={
            <button type="button" onClick={onClose} className={buttonClass('secondary', 'px-4')}>
              {t('export.close')}
            </button>
          }
        />
      </Suspense>
    </Dialog>
  );
}

/** The site's own labels of its counters, by id. */
function configLabels(config: Config): Map<number, string> {
  return new Map(config.devices.flatMap((d) => (d.label?.trim() ? [[d.id, d.label.trim()] as const] : [])));
}

function FormPlaceholder() {
  return (
    <div className="flex-1 space-y-4 px-4 py-5 sm:px-6">
      <p className="sr-only">{t('export.loadingForm')}</p>
      <Skeleton className="h-5 w-32" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-11 w-full" />
    </div>
  );
}
