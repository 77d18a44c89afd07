// The export form's state and behaviour, without markup: the values (remembered between visits),
// the errors of the form's own check merged with the server's refusals, why the download cannot
// be used yet, focus on the field with a problem, and the export itself (cancellable).
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { t } from '@/client/i18n/i18n';
import type { ApiRequestError } from '@/client/lib/api-client';
import { formatList } from '@/client/lib/format';
import type { Config } from '@/shared/api-schema';
import type { MessageKey } from '@/shared/i18n/message-key';
import { startExport } from './export-download';
import type { ExportDevice } from './export-devices';
import {
  checkExport,
  chosenSpace,
  defaultFilename,
  defaultValues,
  estimateSize,
  EXPORT_FIELDS,
  type ExportErrors,
  type ExportField,
  type ExportFormValues,
  effectiveValues,
  resolveRange,
  type SiteContext,
} from './export-request';
import { loadSettings, saveSettings } from './export-settings';
import type { ExportSpace } from './export-spaces';

/** The fields as "Can’t download yet: check …" names them (German: the accusative). */
const FIELD_NOUNS: Record<ExportField, MessageKey> = {
  from: 'export.noun.from',
  to: 'export.noun.to',
  resolution: 'export.noun.resolution',
  space: 'export.noun.space',
  devices: 'export.noun.devices',
  filename: 'export.noun.filename',
};

/** The fields as the form names them: with spaces, the devices are the doors. */
export function fieldNouns(doors: boolean): Record<ExportField, MessageKey> {
  return doors ? { ...FIELD_NOUNS, devices: 'export.noun.doors' } : FIELD_NOUNS;
}

export const NO_PRO_DEVICES: MessageKey = 'export.error.noProDevices';

export type ExportStatus = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'started'; filename: string } | { kind: 'failed'; error: ApiRequestError };

export interface ExportFormOptions {
  config: Config;
  /** The live PRO devices; undefined while loading, null when the list is not available. */
  devices: ExportDevice[] | null | undefined;
  /** The configured spaces; null or undefined when none are configured (or while they load). */
  spaces: ExportSpace[] | null | undefined;
  /** Date.now() of the clock the presets and "today" are read from. */
  now: number;
  download: (url: string, filename: string) => void;
  storage: Storage | undefined;
}

export function useExportForm({ config, devices, spaces, now, download, storage }: ExportFormOptions) {
  const id = useId();
  const site: SiteContext = { siteName: config.siteName, timezone: config.timezone, weekStartsOn: config.weekStartsOn, now: new Date(now) };
  const [values, setValues] = useState<ExportFormValues>(() => loadSettings(defaultValues(site), storage));
  const [serverErrors, setServerErrors] = useState<ExportErrors>({});
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Closing the form (or the page) cancels a check still waiting for the server.
  useEffect(() => () => abortRef.current?.abort(), []);

  const known = devices ?? null;
  const choices = spaces ?? null;
  const effective = effectiveValues(values, devices, choices);
  const space = choices?.find((s) => s.id === chosenSpace(effective)) ?? null;
  const checked = checkExport(effective, site, choices);
  const range = resolveRange(values, site);
  const errors: ExportErrors = { ...checked.errors };
  if (known?.length === 0) errors.form ??= t(NO_PRO_DEVICES);
  for (const field of EXPORT_FIELDS) errors[field] ??= serverErrors[field];
  const blocked = Object.keys(checked.errors).length > 0 || known?.length === 0;
  const preparing = status.kind === 'preparing';

  const deviceCount = space ? space.doors.length : effective.deviceMode === 'all' ? (known?.length ?? null) : effective.chosen.length;
  const estimate = estimateSize(range, values.resolution, deviceCount);
  const suggestedName = defaultFilename(config.siteName, range, values.resolution, space?.id ?? null);
  const ids = { from: `${id}-from`, to: `${id}-to`, filename: `${id}-filename`, reason: `${id}-reason` };

  const doors = choices !== null;
  const nouns = fieldNouns(doors);
  const reasonFields = EXPORT_FIELDS.filter((f) => checked.errors[f]);
  const reason =
    known?.length === 0 ? t(NO_PRO_DEVICES) : reasonFields.length > 0 ? t('export.reason', { fields: formatList(reasonFields.map((f) => t(nouns[f]))) }) : null;

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
    // What was exported: with spaces, the space (the site when none was picked).
    saveSettings(effective, storage);
    const controller = new AbortController();
    abortRef.current = controller;
    setStatus({ kind: 'preparing' });
    try {
      const outcome = await startExport(checked.url, checked.filename, { signal: controller.signal, download });
      if (outcome.ok) {
        setStatus({ kind: 'started', filename: checked.filename });
        return;
      }
      const field = exportField(outcome.error.field);
      if (field) {
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

  return {
    id,
    ids,
    formRef,
    site,
    values,
    effective,
    space,
    checked,
    range,
    errors,
    known,
    blocked,
    preparing,
    estimate,
    suggestedName,
    reason,
    doors,
    status,
    update,
    submit,
    cancel,
  };
}

/** The form field a server error is about, if it is one of the form's. */
export function exportField(field: string | undefined): ExportField | null {
  return field && (EXPORT_FIELDS as readonly string[]).includes(field) ? (field as ExportField) : null;
}
