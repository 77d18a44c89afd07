// action=downloadcsv: IN and OUT per device per period as a streamed CSV, periods in each
// device's own local time. The file is produced in chunks as the consumer reads, never whole:
// a 5-minute export of 50 devices over a year is about 5 million rows.
//
// Row order: by period label (the local start as written), then device id; a label that occurs
// twice for a device (the repeated hour when DST ends) keeps its two rows in time order. For one
// label, devices in different zones are therefore listed by id, not by the instant they start.
import type { Device } from './accounts';
import type { Shape } from './settings';
import { DAY_MINUTES, MINUTE_MS, civilFromDays, daysFromCivil, OffsetCursor, localToUtcMinute, pad2, parseVendorDate, vendorToday, formatDay } from './time';
import { DoorCounter } from './traffic';

export const RESOLUTIONS = ['day', 'month', 'hour', '5min'] as const;
export type CsvResolution = (typeof RESOLUTIONS)[number];

export interface CsvParams {
  date_start?: string | undefined;
  date_end?: string | undefined;
  resolution?: string | undefined;
  filename?: string | undefined;
}

export interface CsvRange {
  /** First and last local day (day numbers), inclusive. */
  startDay: number;
  endDay: number;
  resolution: CsvResolution;
}

/** The vendor's silent defaults: the last 30 days up to today (its Budapest date), daily. */
export function csvRange(params: CsvParams, nowMs: number): CsvRange {
  const today = vendorToday(nowMs);
  const resolution = (RESOLUTIONS as readonly string[]).includes(params.resolution ?? '') ? (params.resolution as CsvResolution) : 'day';
  return {
    startDay: parseVendorDate(params.date_start) ?? today - 29,
    endDay: parseVendorDate(params.date_end) ?? today,
    resolution,
  };
}

const MAX_FILENAME = 200;

/**
 * The Content-Disposition value. The wished name loses control characters, quotes and
 * backslashes (they would break the header), gains `.csv` if it lacks it, and non-ASCII names
 * get an RFC 6266 `filename*` beside a plain fallback.
 */
export function contentDisposition(wish: string | undefined, range: CsvRange): string {
  let name = Array.from(wish ?? '')
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && (code < 0x7f || code > 0x9f) && ch !== '"' && ch !== '\\';
    })
    .join('')
    .trim()
    .slice(0, MAX_FILENAME);
  if (name === '') name = `wellpoint_${formatDay(range.startDay)}_${formatDay(range.endDay)}.csv`;
  if (!/\.csv$/i.test(name)) name += '.csv';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  if (ascii === name) return `attachment; filename="${name}"`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

type CsvShape = Shape['csv'];

const TIMES_OF_DAY = Array.from({ length: DAY_MINUTES }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);

function quoter(shape: CsvShape): (field: string) => string {
  const special = new RegExp(`[${shape.delimiter}"\\r\\n]`);
  return (field) => (shape.quoteAll || special.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
}

export function csvHeader(shape: CsvShape): string {
  const cols = ['device_id', 'device_name', ...(shape.splitDateTime ? ['date', 'time'] : [shape.timeColumn]), 'IN', 'OUT'];
  const named = cols.map((c) => (shape.headerCase === 'lower' ? c.toLowerCase() : shape.headerCase === 'upper' ? c.toUpperCase() : c));
  const quote = quoter(shape);
  return named.map(quote).join(shape.delimiter) + (shape.crlf ? '\r\n' : '\n');
}

/** One device's walk through its periods, in its own zone, with a counter that follows along. */
class DeviceCursor {
  done = false;
  /** Sort key: the local minute the period's label denotes. */
  key = 0;
  private start = 0;
  private end = 0;
  private label = '';
  readonly id: number;
  private readonly resolution: CsvResolution;
  private readonly counter: DoorCounter;
  private readonly prefix: string;
  private readonly zone: string;
  private readonly offsets: OffsetCursor;
  private readonly rangeEnd: number;
  private readonly countedEnd: number;
  private labelDay = Number.NaN;
  private labelDayText = '';

  constructor(
    device: Device,
    range: CsvRange,
    private readonly nowMs: number,
    seed: number,
    private readonly shape: CsvShape,
    private readonly quote: (field: string) => string,
  ) {
    this.id = device.id;
    this.zone = device.timeZone;
    this.offsets = new OffsetCursor(device.timeZone);
    const rangeStart = localToUtcMinute(this.zone, range.startDay * DAY_MINUTES);
    this.rangeEnd = localToUtcMinute(this.zone, (range.endDay + 1) * DAY_MINUTES);
    // A minute counts once it is over: the same rule as getoccupancy, so the two agree.
    this.countedEnd = Math.floor(nowMs / MINUTE_MS);
    this.counter = new DoorCounter(device, seed, rangeStart);
    this.prefix = quote(String(device.id)) + shape.delimiter + quote(device.name) + shape.delimiter;
    this.resolution = range.resolution;
    this.end = rangeStart;
    this.advance();
  }

  /** Moves to the next period that has started by now, or sets `done`. */
  advance(): void {
    const start = this.end;
    if (start >= this.rangeEnd || start * MINUTE_MS > this.nowMs) {
      this.done = true;
      return;
    }
    const local = start + this.offset(start);
    const localDay = Math.floor(local / DAY_MINUTES);
    let next: number;
    let text: string;
    switch (this.resolution) {
      case '5min':
      case 'hour': {
        const step = this.resolution === 'hour' ? 60 : 5;
        next = start + step - (((local % step) + step) % step);
        const minuteOfDay = local - localDay * DAY_MINUTES;
        this.key = local - (((local % step) + step) % step);
        text = this.dateTimeText(localDay, TIMES_OF_DAY[minuteOfDay - (minuteOfDay % step)] ?? '00:00');
        break;
      }
      case 'day':
        next = localToUtcMinute(this.zone, (localDay + 1) * DAY_MINUTES);
        this.key = localDay * DAY_MINUTES;
        text = this.dateTimeText(localDay, null);
        break;
      case 'month': {
        const { year, month } = civilFromDays(localDay);
        const first = daysFromCivil(year, month, 1);
        next = localToUtcMinute(this.zone, daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) * DAY_MINUTES);
        this.key = first * DAY_MINUTES;
        const sep = this.shape.dottedDate ? '.' : '-';
        const monthText = `${year}${sep}${pad2(month)}`;
        text = this.shape.splitDateTime ? this.quote(monthText) + this.shape.delimiter + this.quote('00:00') : this.quote(monthText);
        break;
      }
    }
    this.start = start;
    this.end = Math.min(Math.max(next, start + 1), this.rangeEnd);
    this.label = text;
  }

  /** The current period's row, counting its minutes that are over. */
  row(eol: string): string {
    const counted = this.counter.count(Math.max(this.start, Math.min(this.end, this.countedEnd)));
    const d = this.shape.delimiter;
    return `${this.prefix}${this.label}${d}${this.quote(String(counted.in))}${d}${this.quote(String(counted.out))}${eol}`;
  }

  private dateTimeText(localDay: number, time: string | null): string {
    if (localDay !== this.labelDay) {
      this.labelDay = localDay;
      const text = formatDay(localDay);
      this.labelDayText = this.shape.dottedDate ? text.replaceAll('-', '.') : text;
    }
    if (this.shape.splitDateTime) return this.quote(this.labelDayText) + this.shape.delimiter + this.quote(time ?? '00:00');
    return this.quote(time === null ? this.labelDayText : `${this.labelDayText} ${time}`);
  }

  private offset(minute: number): number {
    return this.offsets.at(minute);
  }
}

export interface CsvJob {
  devices: readonly Device[];
  range: CsvRange;
  nowMs: number;
  seed: number;
  shape: CsvShape;
  /** Stop after this many data rows (for the half-way HTML fault). */
  maxRows?: number;
}

const CHUNK_CHARS = 64 * 1024;
const TURN_MS = 20;

/**
 * The CSV text in chunks of about 64 KB (fewer when rows are slow to compute, so no chunk takes
 * much longer than 20 ms). Nothing is computed until a chunk is asked for. With no device the
 * file is empty (0 bytes), as the vendor's is for an account without PRO devices.
 */
export function* csvChunks(job: CsvJob): Generator<string, void, undefined> {
  if (job.devices.length === 0) return;
  const { shape } = job;
  const eol = shape.crlf ? '\r\n' : '\n';
  const quote = quoter(shape);
  let buf = (shape.bom ? '\uFEFF' : '') + csvHeader(shape);
  if (job.range.startDay > job.range.endDay) {
    yield buf;
    return;
  }
  const cursors = job.devices.map((d) => new DeviceCursor(d, job.range, job.nowMs, job.seed, shape, quote)).sort((a, b) => a.id - b.id);
  const maxRows = job.maxRows ?? Number.POSITIVE_INFINITY;
  let rows = 0;
  let sliceStart = performance.now();
  for (;;) {
    let min = Number.POSITIVE_INFINITY;
    for (const c of cursors) if (!c.done && c.key < min) min = c.key;
    if (min === Number.POSITIVE_INFINITY) break;
    for (const c of cursors) {
      while (!c.done && c.key === min) {
        if (rows >= maxRows) {
          yield buf;
          return;
        }
        buf += c.row(eol);
        c.advance();
        rows++;
        if (buf.length >= CHUNK_CHARS || ((rows & 15) === 0 && performance.now() - sliceStart > TURN_MS)) {
          yield buf;
          buf = '';
          sliceStart = performance.now();
        }
      }
    }
  }
  yield buf;
}
