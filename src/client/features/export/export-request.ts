// What the export form holds, and what it turns into: the /api/export URL, checked with the same
// shared zod schema the server uses (so both explain a bad value in the same words), the file
// name the server will save, and a plain-words estimate of the file's size.
import type { Resolution } from '@/shared/api-schema';
import { type DatePreset, type DateRange, presetRange } from '@/shared/date-presets';
import { exportQuerySchema, safeFilename } from '@/shared/export-query';
import { fieldErrors, inclusiveDays, isCalendarDate } from '@/shared/range-query';
import { todayIn } from '@/shared/zoned';

export type DeviceMode = 'all' | 'chosen';

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
    filename: '',
    filenameEdited: false,
  };
}

/** The range the form stands for now: a preset's, on the site's clock, or the typed one. */
export function resolveRange(values: ExportFormValues, site: SiteContext): DateRange {
  return values.preset ? presetRange(values.preset, site) : { from: values.from, to: values.to };
}

/** The server's own default, `riverside-centre_2026-11-20_2026-11-26_day.csv`, shown prefilled. */
export function defaultFilename(siteName: string, range: DateRange, resolution: Resolution): string {
  const site =
    siteName
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'occupancy';
  return `${site}_${range.from || 'start'}_${range.to || 'end'}_${resolution}.csv`;
}

export type ExportField = 'from' | 'to' | 'resolution' | 'devices' | 'filename';
export const EXPORT_FIELDS: readonly ExportField[] = ['from', 'to', 'resolution', 'devices', 'filename'];
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

export const NO_DEVICE_CHOSEN = 'Choose at least one counter, or export all counters.';

/** Checks the form with the server's schema and builds the request. */
export function checkExport(values: ExportFormValues, site: SiteContext): CheckedExport {
  const range = resolveRange(values, site);
  const wished = values.filenameEdited ? values.filename.trim() : '';
  const fallbackName = defaultFilename(site.siteName, range, values.resolution);
  const filename = (wished && safeFilename(wished)) || fallbackName;

  const query: Record<string, string> = { from: range.from, to: range.to, resolution: values.resolution };
  if (values.deviceMode === 'chosen' && values.chosen.length > 0) {
    query.devices = [...values.chosen].sort((a, b) => a - b).join(',');
  }
  query.filename = filename;

  const errors: ExportErrors = {};
  const parsed = exportQuerySchema({ today: todayIn(site.timezone, site.now) }).safeParse(query);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  // The schema reads "no devices" as "all devices" (the vendor's default); in the form, an empty
  // selection is a mistake to point out, not a silent switch to everything.
  if (values.deviceMode === 'chosen' && values.chosen.length === 0) errors.devices ??= NO_DEVICE_CHOSEN;

  return { errors, range, filename, url: `/api/export?${new URLSearchParams(query).toString()}` };
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

const twoDigits = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 2 });

/** "about 3.4 million rows, roughly 140 MB"; "7 rows, under 1 kB". */
export function describeSize({ rows, bytes, perDevice }: SizeEstimate): string {
  const rowWords =
    rows < 100
      ? `${rows} ${rows === 1 ? 'row' : 'rows'}`
      : rows < 1_000_000
        ? `about ${twoDigits.format(rows)} rows`
        : `about ${twoDigits.format(rows / 1_000_000)} million rows`;
  const size =
    bytes < 1_000
      ? 'under 1 kB'
      : bytes < 1_000_000
        ? `roughly ${twoDigits.format(bytes / 1_000)} kB`
        : bytes < 1_000_000_000
          ? `roughly ${twoDigits.format(bytes / 1_000_000)} MB`
          : `roughly ${twoDigits.format(bytes / 1_000_000_000)} GB`;
  return `${rowWords}, ${size}${perDevice ? ' per device' : ''}`;
}

/** Excel and LibreOffice open at most this many rows of a sheet. */
export const SPREADSHEET_MAX_ROWS = 1_048_576;
