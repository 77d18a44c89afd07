// Which counters the export covers: all of them (the default, which includes counters added
// later), or those ticked in the live list; explains when the list is loading or unavailable.
import { type ReactNode, useId } from 'react';
import { FieldError } from '@/client/components/ui/date-range-fields';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import type { ExportDevice } from './export-devices';
import type { ExportFormValues } from './export-request';

interface DeviceFieldsProps {
  name: string;
  devices: ExportDevice[] | null | undefined;
  mode: ExportFormValues['deviceMode'];
  chosen: number[];
  error: string | undefined;
  errorId: string;
  onChange: (patch: Partial<ExportFormValues>) => void;
}

export function DeviceFields({ name, devices, mode, chosen, error, errorId, onChange }: DeviceFieldsProps) {
  const noteId = `${useId()}-note`;
  const canChoose = Array.isArray(devices) && devices.length > 0;

  return (
    <fieldset
      data-field="devices"
      className="min-w-0"
      aria-invalid={error ? true : undefined}
      aria-describedby={[error ? errorId : '', canChoose ? '' : noteId].join(' ').trim() || undefined}
    >
      <legend className="text-sm font-semibold text-ink">{t('export.devices.legend')}</legend>
      <div className="mt-2 space-y-2">
        <RadioRow name={name} checked={mode === 'all'} onChange={() => onChange({ deviceMode: 'all' })}>
          {devices ? t('export.devices.allCount', { count: devices.length }) : t('export.devices.all')}
        </RadioRow>
        <RadioRow name={name} checked={mode === 'chosen'} disabled={!canChoose} onChange={() => onChange({ deviceMode: 'chosen' })}>
          {t('export.devices.chosen')}
        </RadioRow>
      </div>

      {devices === undefined ? (
        <div id={noteId} className="mt-3 space-y-2">
          <span className="sr-only">{t('export.devices.loading')}</span>
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      ) : devices === null ? (
        <p id={noteId} className="mt-2 text-sm text-muted">
          {t('export.devices.unavailable')}
        </p>
      ) : null}

      {canChoose && mode === 'chosen' ? <TickList devices={devices} chosen={chosen} listLabel={t('export.devices.listLabel')} onChange={onChange} /> : null}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

/** The live devices as a ticked list, with "Tick all" and "Untick all". */
export function TickList({
  devices,
  chosen,
  listLabel,
  onChange,
}: {
  devices: readonly ExportDevice[];
  chosen: number[];
  listLabel: string;
  onChange: (patch: Pick<ExportFormValues, 'chosen'>) => void;
}) {
  const toggle = (deviceId: number, on: boolean) =>
    onChange({ chosen: on ? [...chosen.filter((c) => c !== deviceId), deviceId] : chosen.filter((c) => c !== deviceId) });
  return (
    <div className="mt-3 rounded-lg border border-line bg-canvas p-3">
      <div className="mb-2 flex items-center gap-2 text-sm">
        <span className="mr-auto text-muted">{t('export.ticked', { chosen: chosen.length, total: devices.length })}</span>
        <button
          type="button"
          onClick={() => onChange({ chosen: devices.map((d) => d.id) })}
          className="min-h-9 rounded-md px-2 font-medium text-accent-ink hover:bg-accent-soft"
        >
          {t('export.tickAll')}
        </button>
        <button type="button" onClick={() => onChange({ chosen: [] })} className="min-h-9 rounded-md px-2 font-medium text-accent-ink hover:bg-accent-soft">
          {t('export.untickAll')}
        </button>
      </div>
      <ul aria-label={listLabel} className="grid gap-x-4 sm:grid-cols-2">
        {devices.map((d) => (
          <li key={d.id}>
            <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-1 text-ink hover:bg-sunken">
              <input
                type="checkbox"
                checked={chosen.includes(d.id)}
                onChange={(e) => toggle(d.id, e.target.checked)}
                className="size-4 shrink-0 accent-accent"
              />
              <span className="min-w-0 truncate">{d.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RadioRow({
  name,
  checked,
  disabled = false,
  onChange,
  children,
}: {
  name: string;
  checked: boolean;
  disabled?: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <label className={`flex min-h-11 items-center gap-3 rounded-md px-1 ${disabled ? 'text-muted' : 'cursor-pointer text-ink hover:bg-sunken'}`}>
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onChange} className="size-4 shrink-0 accent-accent" />
      <span>{children}</span>
    </label>
  );
}
