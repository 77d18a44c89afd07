// What the export form holds, and what it turns into: the /api/export URL, checked with the same
// shared zod schema the server uses (so both refuse the same values), worded in the chosen
// language; the file name the server will save, and a plain-words estimate of the file's size.
import { formatDateInput } from '@/client/components/ui/date-field';
import { activeLanguage, activeLocale, t } from '@/client/i18n/i18n';
import type { Resolution } from '@/shared/api-schema';
import { type DatePreset, type DateRange, presetRange } from '@/shared/date-presets';
import { EXPORT_MAX_DAYS, exportQuerySchema, MAX_FILENAME_INPUT, safeFilename } from '@/shared/export-query';
import type { MessageKey } from '@/shared/i18n/message-key';
import { fieldErrors, inclusiveDays, isCalendarDate } from '@/shared/range-query';
import { todayIn } from '@/shared/zoned';
import type { ExportDevice } from './export-devices';
import type { ExportSpace } from './export-spaces';

/** All PRO devices, the ticked ones, or one space's boundary doors (only with configured spaces). */
export type DeviceMode = 'all' | 'chosen' | 'space';

export interface ExportFormValues {
  /** The one-tap range in use, recomputed from the clock each time; null for dates typed in. */
  preset: DatePreset | null;
  /** The typed range (also kept in step with the preset, so switching to typing starts from it). */
  from: string;
  to: string;
  resolution: Resolution;
  deviceMode: DeviceMode;
  /** Device ids ticked when `deviceMode` is 'chosen'. */
  chosen: number[];
  /** The space id when `deviceMode` is 'space'; '' for the site (the first space). */
  space: string;
  /** The user's own name; '' or not `filenameEdited` means the name made from site, range and resolution. */
  filename: string;
  filenameEdited: boolean;
}

export interface SiteContext {
  siteName: string;
  timezone: string;
  weekStartsOn: number;
  now: Date;
}

export const DEFAULT_PRESET: DatePreset = 'last7Days';

export function defaultValues(site: SiteContext): ExportFormValues {
  const range = presetRange(DEFAULT_PRESET, site);
  return {
    preset: DEFAULT_PRESET,
    ...range,
    resolution: 'day',
    deviceMode: 'all',
    chosen: [],
    space: '',
    filename: '',
    filenameEdited: false,
  };
}

/** The range the form stands for now: a preset's, on the site's clock, or the typed one. */
export function resolveRange(values: ExportFormValues, site: SiteContext): DateRange {
  return values.preset ? presetRange(values.preset, site) : { from: values.from, to: values.to };
}

/**
 * The server's own default, shown prefilled: `riverside-centre_2026-11-20_2026-11-26_day.csv`, and
 * with a space `riverside-centre_pool_2026-11-20_2026-11-26_day.csv`.
 */
export function defaultFilename(siteName: string, range: DateRange, resolution: Resolution, space: string | null = null): string {
  const site =
    siteName
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'occupancy';
  // A date still being typed (not YYYY-MM-DD yet) is not put into the name.
  const date = (value: string, none: string) => (isCalendarDate(value) ? value : none);
  return `${site}_${space ? `${space}_` : ''}${date(range.from, 'start')}_${date(range.to, 'end')}_${resolution}.csv`;
}

export type ExportField = 'from' | 'to' | 'resolution' | 'space' | 'devices' | 'filename';
export const EXPORT_FIELDS: readonly ExportField[] = ['from', 'to', 'resolution', 'space', 'devices', 'filename'];
export type ExportErrors = Partial<Record<ExportField | 'form', string>>;

export interface CheckedExport {
  /** Problems to show beside their fields; empty when the export may be asked for. */
  errors: ExportErrors;
  range: DateRange;
  /** The name the file will be saved under (the server makes the same one). */
  filename: string;
  /** `/api/export?…`, meaningful only without errors. */
  url: string;
}

export const NO_DEVICE_CHOSEN: MessageKey = 'export.error.noDeviceChosen';
export const NO_DOOR_CHOSEN: MessageKey = 'export.error.noDoorChosen';

/** The space id a form in space mode asks for; null in the other modes. */
export function chosenSpace(values: Pick<ExportFormValues, 'deviceMode' | 'space'>): string | null {
  return values.deviceMode === 'space' && values.space !== '' ? values.space : null;
}

/**
 * The values the form stands for, given what can be chosen: ticked devices that are gone are
 * dropped; with configured spaces, "all counters" is the site and a space that is gone is the site
 * too; without them, a remembered space is "all counters" again. `devices`/`spaces`: null or
 * undefined when not known (not loaded, or not configured).
 */
export function effectiveValues(
  values: ExportFormValues,
  devices: readonly ExportDevice[] | null | undefined,
  spaces: readonly ExportSpace[] | null | undefined,
): ExportFormValues {
  let next = values;
  if (devices && values.deviceMode === 'chosen') next = { ...next, chosen: values.chosen.filter((c) => devices.some((d) => d.id === c)) };
  const root = spaces?.[0];
  if (root && spaces) {
    // Without the device list no door can be ticked: the space it is.
    if (next.deviceMode !== 'chosen' || devices === null)
      next = { ...next, deviceMode: 'space', space: spaces.some((s) => s.id === next.space) ? next.space : root.id };
  } else if (next.deviceMode === 'space') {
    next = { ...next, deviceMode: 'all', space: '' };
  }
  return next;
}

/** Checks the form with the server's schema and builds the request; `spaces` as offered, if any. */
export function checkExport(values: ExportFormValues, site: SiteContext, spaces: readonly ExportSpace[] | null = null): CheckedExport {
  const range = resolveRange(values, site);
  const space = chosenSpace(values);
  const wished = values.filenameEdited ? values.filename.trim() : '';
  const fallbackName = defaultFilename(site.siteName, range, values.resolution, space);
  const filename = (wished && safeFilename(wished)) || fallbackName;

  const query: Record<string, string> = { from: range.from, to: range.to, resolution: values.resolution };
  if (space !== null) {
    query.space = space;
  } else if (values.deviceMode === 'chosen' && values.chosen.length > 0) {
    query.devices = [...values.chosen].sort((a, b) => a - b).join(',');
  }
  query.filename = filename;

  const errors: ExportErrors = {};
  const today = todayIn(site.timezone, site.now);
  const parsed = exportQuerySchema({ today }).safeParse(query);
  if (!parsed.success) Object.assign(errors, inLanguage(fieldErrors(parsed.error), range, values.resolution, today));
  // The schema reads "no devices" as "all devices" (the vendor's default); in the form, an empty
  // selection is a mistake to point out, not a silent switch to everything.
  if (values.deviceMode === 'chosen' && values.chosen.length === 0) errors.devices ??= t(spaces ? NO_DOOR_CHOSEN : NO_DEVICE_CHOSEN);
  const doorless = spaces?.find((s) => s.id === space && s.doors.length === 0);
  if (doorless) errors.space ??= noDoors(doorless.name);

  return { errors, range, filename, url: `/api/export?${new URLSearchParams(query).toString()}` };
}

/**
 * The schema's refusals in the chosen language: the schema decides *whether* (it is the server's
 * too, whose 400s stay in its words), this says *why* in the reader's. A refusal the form cannot
 * cause keeps the schema's words.
 */
function inLanguage(refused: Record<string, string>, range: DateRange, resolution: Resolution, today: string): ExportErrors {
  const out: ExportErrors = { ...refused };
  const date = (value: string, required: MessageKey, invalid: MessageKey) =>
    value.trim() === '' ? t(required) : !isCalendarDate(value.trim()) ? t(invalid) : undefined;
  if (refused.from) {
    out.from =
      date(range.from, 'export.error.fromRequired', 'export.error.fromInvalid') ??
      (range.from > today ? t('export.error.fromFuture', { today: formatDateInput(today, activeLanguage()) }) : refused.from);
  }
  if (refused.to) {
    const days = isCalendarDate(range.from) ? inclusiveDays(range.from, range.to) : 0;
    out.to =
      date(range.to, 'export.error.toRequired', 'export.error.toInvalid') ??
      (range.to < range.from
        ? t('export.error.toBeforeFrom')
        : days > EXPORT_MAX_DAYS[resolution]
          ? t('export.error.tooLong', { resolution, max: EXPORT_MAX_DAYS[resolution], days })
          : refused.to);
  }
  if (refused.filename) out.filename = t('export.error.filenameTooLong', { max: MAX_FILENAME_INPUT });
  return out;
}

export function noDoors(spaceName: string): string {
  return t('export.error.spaceWithoutDoors', { space: spaceName });
}

/** Rough bytes per CSV row: `91,Main entrance,2026-11-25 14:05,37,29` and a newline. */
export const BYTES_PER_ROW = 40;
const PERIODS_PER_DAY: Record<Exclude<Resolution, 'month'>, number> = { day: 1, hour: 24, '5min': 288 };

function monthsTouched(range: DateRange): number {
  const [fy, fm] = range.from.split('-').map(Number);
  const [ty, tm] = range.to.split('-').map(Number);
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0)) + 1;
}

export interface SizeEstimate {
  rows: number;
  bytes: number;
  /** True when the number of devices is unknown and the figures are for one device. */
  perDevice: boolean;
}

/** Rows = periods × devices (a 23- or 25-hour day aside); null while the range is not valid. */
export function estimateSize(range: DateRange, resolution: Resolution, deviceCount: number | null): SizeEstimate | null {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to) || range.to < range.from) return null;
  const periods = resolution === 'month' ? monthsTouched(range) : inclusiveDays(range.from, range.to) * PERIODS_PER_DAY[resolution];
  const devices = deviceCount ?? 1;
  const rows = periods * devices;
  return { rows, bytes: rows * BYTES_PER_ROW, perDevice: deviceCount === null };
}

/** "About 3.4 million rows, roughly 140 MB"; "7 rows, under 1 kB"; one sentence per language. */
export function describeSize({ rows, bytes, perDevice }: SizeEstimate): string {
  // Two significant digits, grouped as everywhere in the app (27,000 / 27.000 / 27 000).
  const twoDigits = new Intl.NumberFormat(activeLocale(), { maximumSignificantDigits: 2, useGrouping: 'always' });
  const [rowsKind, rowsFigure] =
    rows < 100 ? ['exact', String(rows)] : rows < 1_000_000 ? ['about', twoDigits.format(rows)] : ['million', twoDigits.format(rows / 1_000_000)];
  const [unit, size] =
    bytes < 1_000
      ? ['under', '1']
      : bytes < 1_000_000
        ? ['kB', twoDigits.format(bytes / 1_000)]
        : bytes < 1_000_000_000
          ? ['MB', twoDigits.format(bytes / 1_000_000)]
          : ['GB', twoDigits.format(bytes / 1_000_000_000)];
  return t(perDevice ? 'export.size.perDevice' : 'export.size.total', { rows, rowsKind, rowsFigure, unit, size });
}

/** Excel and LibreOffice open at most this many rows of a sheet. */
export const SPREADSHEET_MAX_ROWS = 1_048_576;
