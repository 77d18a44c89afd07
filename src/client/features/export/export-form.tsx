// The CSV export form: a range (presets on the site's clock, or typed), a resolution with the
// size it implies, the devices, and the file name. It checks everything with the server's own
// schema before asking, explains each problem under its field, keeps the download button honest
// about why it cannot be used yet, shows the server's refusals in the same places, and remembers
// its settings for next time.
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { DateRangeFields, FieldError } from '@/client/components/ui/date-range-fields';
import { AlertTriangleIcon, CheckCircleIcon } from '@/client/components/ui/icons';
import { Skeleton } from '@/client/components/ui/skeleton';
import { formatCount } from '@/client/lib/format';
import type { Config, Resolution } from '@/shared/api-schema';
import { EXPORT_MAX_DAYS, RESOLUTION_LABELS, safeFilename } from '@/shared/export-query';
import { todayIn } from '@/shared/zoned';
import { clickDownloadLink, describeExportFailure, type ExportFailure, startExport } from './export-download';
import type { ExportDevice } from './export-devices';
import {
  checkExport,
  defaultFilename,
  defaultValues,
  describeSize,
  estimateSize,
  EXPORT_FIELDS,
  type ExportErrors,
  type ExportField,
  type ExportFormValues,
  resolveRange,
  type SiteContext,
  SPREADSHEET_MAX_ROWS,
} from './export-request';
import { loadSettings, saveSettings } from './export-settings';

/** The order of the resolution choices, as a manager thinks of them. */
const RESOLUTION_ORDER: readonly Resolution[] = ['day', 'hour', '5min', 'month'];

const RESOLUTION_FILES: Record<Resolution, string> = {
  day: 'Daily files',
  hour: 'Hourly files',
  '5min': '5-minute files',
  month: 'Monthly files',
};

const FIELD_NOUNS: Record<ExportField, string> = {
  from: 'the start date',
  to: 'the end date',
  resolution: 'the resolution',
  devices: 'the devices',
  filename: 'the file name',
};

const NO_PRO_DEVICES = 'This WELLPOINT account has no PRO-plan devices, and only PRO devices can be exported.';

type Status = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'started'; filename: string } | { kind: 'failed'; error: ExportFailure };

export interface ExportFormProps {
  config: Config;
  /** The live PRO devices; undefined while loading, null when the list is not available. */
  devices: ExportDevice[] | null | undefined;
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

export function ExportForm({ config, devices, now, labelledBy, secondaryAction, download = clickDownloadLink, storage }: ExportFormProps) {
  const id = useId();
  const site: SiteContext = { siteName: config.siteName, timezone: config.timezone, weekStartsOn: config.weekStartsOn, now: new Date(now) };
  const [values, setValues] = useState<ExportFormValues>(() => loadSettings(defaultValues(site), storage));
  const [serverErrors, setServerErrors] = useState<ExportErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Closing the form (or the page) cancels a check still waiting for the server.
  useEffect(() => () => abortRef.current?.abort(), []);

  const known = devices ?? null;
  const effective: ExportFormValues =
    known && values.deviceMode === 'chosen' ? { ...values, chosen: values.chosen.filter((c) => known.some((d) => d.id === c)) } : values;
  const checked = checkExport(effective, site);
  const range = resolveRange(values, site);
  const errors: ExportErrors = { ...checked.errors };
  if (known?.length === 0) errors.form ??= NO_PRO_DEVICES;
  for (const field of EXPORT_FIELDS) errors[field] ??= serverErrors[field];
  const blocked = Object.keys(checked.errors).length > 0 || known?.length === 0;
  const preparing = status.kind === 'preparing';

  const deviceCount = effective.deviceMode === 'all' ? (known?.length ?? null) : effective.chosen.length;
  const estimate = estimateSize(range, values.resolution, deviceCount);
  const suggestedName = defaultFilename(config.siteName, range, values.resolution);

  const ids = {
    from: `${id}-from`,
    to: `${id}-to`,
    size: `${id}-size`,
    devicesError: `${id}-devices-error`,
    resolutionError: `${id}-resolution-error`,
    filename: `${id}-filename`,
    filenameHint: `${id}-filename-hint`,
    filenameError: `${id}-filename-error`,
    reason: `${id}-reason`,
  };

  function update(patch: Partial<ExportFormValues>, fields: readonly ExportField[]) {
    setValues((v) => ({ ...v, ...patch }));
    setServerErrors((e) => {
      const next = { ...e };
      for (const f of fields) delete next[f];
      return next;
    });
    if (status.kind !== 'preparing') setStatus({ kind: 'idle' });
  }

  /** Moves focus to the field with a problem: its input, or the first usable control in its group. */
  function focusField(field: ExportField | undefined) {
    const form = formRef.current;
    if (!form || !field) return;
    const byId: Partial<Record<ExportField, string>> = { from: ids.from, to: ids.to, filename: ids.filename };
    const group = `[data-field="${field}"]`;
    const target = byId[field]
      ? document.getElementById(byId[field])
      : (form.querySelector<HTMLElement>(`${group} input:checked:not(:disabled)`) ?? form.querySelector<HTMLElement>(`${group} input:not(:disabled)`));
    target?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (preparing) return;
    if (blocked) {
      focusField(EXPORT_FIELDS.find((f) => checked.errors[f]));
      return;
    }
    saveSettings(values, storage);
    const controller = new AbortController();
    abortRef.current = controller;
    setStatus({ kind: 'preparing' });
    try {
      const outcome = await startExport(checked.url, checked.filename, { signal: controller.signal, download });
      if (outcome.ok) {
        setStatus({ kind: 'started', filename: checked.filename });
        return;
      }
      const field = outcome.error.field as ExportField | undefined;
      if (field && EXPORT_FIELDS.includes(field)) {
        setServerErrors({ [field]: outcome.error.message });
        focusField(field);
      }
      setStatus({ kind: 'failed', error: outcome.error });
    } catch {
      // Cancelled by the user or by closing the form: nothing to report.
      if (abortRef.current === controller) setStatus({ kind: 'idle' });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  }

  function cancel() {
    abortRef.current?.abort();
    abortRef.current = null;
    setStatus({ kind: 'idle' });
  }

  const reasonFields = EXPORT_FIELDS.filter((f) => checked.errors[f]);
  const reason = known?.length === 0 ? NO_PRO_DEVICES : reasonFields.length > 0 ? `Can’t download yet: check ${joinWords(reasonFields.map((f) => FIELD_NOUNS[f]))}.` : null;

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} aria-labelledby={labelledBy} className="flex min-h-0 flex-1 flex-col">
      <div className="flex-1 space-y-6 overflow-y-auto px-4 py-5 sm:px-6">
        <DateRangeFields
          value={range}
          preset={values.preset}
          context={site}
          maxStart={todayIn(config.timezone, site.now)}
          errors={{ from: errors.from, to: errors.to }}
          inputIds={{ from: ids.from, to: ids.to }}
          onChange={({ range: r, preset }) => update({ preset, from: r.from, to: r.to }, ['from', 'to'])}
        />

        <fieldset data-field="resolution" className="min-w-0" aria-describedby={[ids.size, errors.resolution ? ids.resolutionError : ''].join(' ').trim()}>
          <legend className="text-sm font-semibold text-ink">Resolution</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {RESOLUTION_ORDER.map((r) => (
              <label
                key={r}
                className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 text-sm font-medium ${
                  values.resolution === r ? 'border-accent bg-accent-soft text-accent-ink' : 'border-line bg-surface text-ink hover:bg-sunken'
                }`}
              >
                <input
                  type="radio"
                  name={`${id}-resolution`}
                  value={r}
                  checked={values.resolution === r}
                  onChange={() => update({ resolution: r }, ['resolution', 'to'])}
                  className="size-4 accent-accent"
                />
                {RESOLUTION_LABELS[r]}
              </label>
            ))}
          </div>
          <p id={ids.size} className="mt-2 text-sm text-muted">
            {estimate ? (
              <>
                {capitalise(describeSize(estimate))}.
                {estimate.rows > SPREADSHEET_MAX_ROWS ? ' More rows than a spreadsheet such as Excel opens at once.' : ''}
              </>
            ) : (
              'The size shows once the dates are valid.'
            )}{' '}
            {RESOLUTION_FILES[values.resolution]} cover up to {formatCount(EXPORT_MAX_DAYS[values.resolution])} days.
          </p>
          <FieldError id={ids.resolutionError} message={errors.resolution} />
        </fieldset>

        <DeviceFields
          name={`${id}-devices`}
          devices={devices}
          mode={values.deviceMode}
          chosen={effective.chosen}
          error={errors.devices}
          errorId={ids.devicesError}
          onChange={(patch) => update(patch, ['devices'])}
        />

        <div data-field="filename">
          <label htmlFor={ids.filename} className="block text-sm font-semibold text-ink">
            File name
          </label>
          <div className="mt-2 flex gap-2">
            <input
              id={ids.filename}
              type="text"
              value={values.filenameEdited ? values.filename : suggestedName}
              placeholder={suggestedName}
              onChange={(e) => update({ filename: e.target.value, filenameEdited: true }, ['filename'])}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.filename ? true : undefined}
              aria-describedby={[errors.filename ? ids.filenameError : '', ids.filenameHint].join(' ').trim()}
              className={`block min-h-11 w-full min-w-0 rounded-lg border bg-surface px-3 text-base text-ink ${errors.filename ? 'border-full-arc' : 'border-line'}`}
            />
            {values.filenameEdited ? (
              <button
                type="button"
                onClick={() => update({ filename: '', filenameEdited: false }, ['filename'])}
                className="inline-flex min-h-11 shrink-0 items-center rounded-lg border border-line bg-surface px-3 text-sm font-medium text-accent-ink hover:bg-accent-soft"
              >
                Suggest a name
              </button>
            ) : null}
          </div>
          <FieldError id={ids.filenameError} message={errors.filename} />
          <p id={ids.filenameHint} className="mt-1.5 text-sm break-words text-muted">
            {filenameHint(values, checked.filename)}
          </p>
        </div>
      </div>

      <div className="border-t border-line bg-surface px-4 py-3 sm:px-6">
        <StatusLine status={status} onCancel={cancel} />
        {errors.form && known?.length !== 0 ? <p className="mb-2 text-sm text-full-ink">{errors.form}</p> : null}
        <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2">
          {reason ? (
            <p id={ids.reason} className="mr-auto flex min-w-0 flex-1 basis-56 gap-1.5 text-sm text-muted">
              <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-full-ink" />
              <span>{reason}</span>
            </p>
          ) : null}
          {secondaryAction}
          <button
            type="submit"
            aria-disabled={blocked || preparing ? true : undefined}
            aria-describedby={reason ? ids.reason : undefined}
            className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-5 font-semibold ${
              blocked || preparing ? 'cursor-not-allowed bg-sunken text-muted' : 'bg-accent text-surface hover:opacity-90'
            }`}
          >
            {preparing ? (
              <>
                <span aria-hidden="true" className="size-4 rounded-full border-2 border-current border-t-transparent motion-safe:animate-spin" />
                Preparing…
              </>
            ) : (
              'Download CSV'
            )}
          </button>
        </div>
      </div>
    </form>
  );
}

function filenameHint(values: ExportFormValues, saved: string): string {
  const typed = values.filename.trim();
  if (!values.filenameEdited) return 'Made from the site, the range and the resolution; change it if you like.';
  if (typed === '') return `Empty, so the file is saved as “${saved}”.`;
  const clean = safeFilename(typed);
  if (clean === null) return `No letters or digits to use, so the file is saved as “${saved}”.`;
  if (clean !== typed) return `Characters a file name can’t hold are replaced: saved as “${saved}”.`;
  return 'Saved under this name.';
}

interface DeviceFieldsProps {
  name: string;
  devices: ExportDevice[] | null | undefined;
  mode: ExportFormValues['deviceMode'];
  chosen: number[];
  error: string | undefined;
  errorId: string;
  onChange: (patch: Partial<ExportFormValues>) => void;
}

function DeviceFields({ name, devices, mode, chosen, error, errorId, onChange }: DeviceFieldsProps) {
  const listId = useId();
  const noteId = `${listId}-note`;
  const canChoose = Array.isArray(devices) && devices.length > 0;
  const toggle = (deviceId: number, on: boolean) =>
    onChange({ chosen: on ? [...chosen.filter((c) => c !== deviceId), deviceId] : chosen.filter((c) => c !== deviceId) });

  return (
    <fieldset
      data-field="devices"
      className="min-w-0"
      aria-invalid={error ? true : undefined}
      aria-describedby={[error ? errorId : '', canChoose ? '' : noteId].join(' ').trim() || undefined}
    >
      <legend className="text-sm font-semibold text-ink">Devices</legend>
      <div className="mt-2 space-y-2">
        <RadioRow name={name} checked={mode === 'all'} onChange={() => onChange({ deviceMode: 'all' })}>
          All PRO devices{devices ? ` (${formatCount(devices.length)})` : ''}
        </RadioRow>
        <RadioRow name={name} checked={mode === 'chosen'} disabled={!canChoose} onChange={() => onChange({ deviceMode: 'chosen' })}>
          Only the devices I tick
        </RadioRow>
      </div>

      {devices === undefined ? (
        <div id={noteId} className="mt-3 space-y-2">
          <span className="sr-only">Loading the device list…</span>
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      ) : devices === null ? (
        <p id={noteId} className="mt-2 text-sm text-muted">
          The device list can’t be loaded right now, so only “All PRO devices” can be chosen.
        </p>
      ) : null}

      {canChoose && mode === 'chosen' ? (
        <div className="mt-3 rounded-lg border border-line bg-canvas p-3">
          <div className="mb-2 flex items-center gap-2 text-sm">
            <span className="mr-auto text-muted">
              {formatCount(chosen.length)} of {formatCount(devices.length)} ticked
            </span>
            <button
              type="button"
              onClick={() => onChange({ chosen: devices.map((d) => d.id) })}
              className="min-h-9 rounded-md px-2 font-medium text-accent-ink hover:bg-accent-soft"
            >
              Tick all
            </button>
            <button type="button" onClick={() => onChange({ chosen: [] })} className="min-h-9 rounded-md px-2 font-medium text-accent-ink hover:bg-accent-soft">
              Untick all
            </button>
          </div>
          <ul id={listId} aria-label="Devices to export" className="grid gap-x-4 sm:grid-cols-2">
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
      ) : null}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

function RadioRow({ name, checked, disabled = false, onChange, children }: { name: string; checked: boolean; disabled?: boolean; onChange: () => void; children: ReactNode }) {
  return (
    <label className={`flex min-h-11 items-center gap-3 rounded-md px-1 ${disabled ? 'text-muted' : 'cursor-pointer text-ink hover:bg-sunken'}`}>
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onChange} className="size-4 shrink-0 accent-accent" />
      <span>{children}</span>
    </label>
  );
}

function StatusLine({ status, onCancel }: { status: Status; onCancel: () => void }) {
  // Live regions that are always present, so screen readers announce what appears in them.
  return (
    <>
    <div role="status" aria-live="polite">
      {status.kind === 'preparing' ? (
        <div className="mb-3 flex items-center gap-3 text-sm">
          <span aria-hidden="true" className="size-4 shrink-0 rounded-full border-2 border-accent border-t-transparent motion-safe:animate-spin" />
          <p className="min-w-0 flex-1">
            <span className="font-medium text-ink">Preparing export…</span> <span className="text-muted">WELLPOINT is starting the file.</span>
          </p>
          <button type="button" onClick={onCancel} className="min-h-11 shrink-0 rounded-md px-3 font-medium text-accent-ink hover:bg-accent-soft">
            Cancel
          </button>
        </div>
      ) : null}
      {status.kind === 'started' ? (
        <div className="mb-3 flex gap-2 rounded-lg bg-ok-soft px-3 py-2 text-sm text-ok-ink">
          <CheckCircleIcon className="mt-0.5 size-4 shrink-0" />
          <p className="min-w-0">
            <span className="font-semibold">Download started:</span> <span className="break-words">{status.filename}</span>.{' '}
            Your browser saves it with its other downloads; a large file takes a while.
          </p>
        </div>
      ) : null}
    </div>
    <div role="alert">{status.kind === 'failed' ? <FailureBox error={status.error} /> : null}</div>
    </>
  );
}

function FailureBox({ error }: { error: ExportFailure }) {
  const text = describeExportFailure(error);
  const field = error.field && (EXPORT_FIELDS as readonly string[]).includes(error.field) ? (error.field as ExportField) : null;
  return (
    <div className="mb-3 flex gap-2 rounded-lg border border-full-arc bg-full-soft px-3 py-2 text-sm text-ink">
      <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-full-ink" />
      <div className="min-w-0">
        <p className="font-semibold">{text.title}</p>
        <p>{field ? `Nothing was saved. See the message at ${FIELD_NOUNS[field]}.` : text.detail}</p>
      </div>
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}
