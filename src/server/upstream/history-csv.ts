// Reads the vendor's downloadcsv answer into per-device series; the header decides the layout
// (docs/decisions/004, 007). A layout we cannot map is an error, never a chart of zeros.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Resolution } from '@/shared/api-schema';
import { formatInZone, localTimeToUtc, zonedIso } from '@/shared/zoned';
import { UpstreamError } from './upstream-error';

export interface HistoryPoint {
  start: string;
  in: number;
  out: number;
}

export interface HistorySeries {
  id: number;
  name: string;
  points: HistoryPoint[];
}

const COLUMN_NAMES = {
  id: ['deviceid', 'id', 'device'],
  name: ['devicename', 'name', 'label'],
  period: ['periodstart', 'period', 'datetime', 'timestamp'],
  date: ['date', 'day'],
  time: ['time', 'hour'],
  in: ['in', 'incount', 'countin', 'totalin'],
  out: ['out', 'outcount', 'countout', 'totalout'],
} as const;

const fold = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[_\s-]/g, '');

interface Layout {
  id: number;
  name: number | null;
  /** One column with the whole period, or a date column plus (maybe) a time column. */
  period: { kind: 'single'; index: number } | { kind: 'split'; date: number; time: number | null };
  in: number;
  out: number;
}

function findColumn(header: string[], names: readonly string[]): number | null {
  for (const n of names) {
    const i = header.indexOf(n);
    if (i >= 0) return i;
  }
  return null;
}

/** Maps the header to columns; throws when a needed one is missing. */
export function layoutOf(rawHeader: string[]): Layout {
  const header = rawHeader.map(fold);
  const id = findColumn(header, COLUMN_NAMES.id);
  const inCol = findColumn(header, COLUMN_NAMES.in);
  const outCol = findColumn(header, COLUMN_NAMES.out);
  const period = findColumn(header, COLUMN_NAMES.period);
  const date = findColumn(header, COLUMN_NAMES.date);
  const time = findColumn(header, COLUMN_NAMES.time);
  let periodLayout: Layout['period'] | null = null;
  if (period !== null) periodLayout = { kind: 'single', index: period };
  else if (date !== null) periodLayout = { kind: 'split', date, time };
  else if (time !== null) periodLayout = { kind: 'single', index: time };
  if (id === null || inCol === null || outCol === null || periodLayout === null) {
    const missing = [id === null && 'device id', periodLayout === null && 'period', inCol === null && 'IN', outCol === null && 'OUT'].filter(Boolean);
    throw new UpstreamError('upstream_format', `downloadcsv: no ${missing.join(', ')} column in header [${header.join(', ')}]`);
  }
  return { id, name: findColumn(header, COLUMN_NAMES.name), period: periodLayout, in: inCol, out: outCol };
}

const PERIOD_RE = /^(\d{4})[-./](\d{2})(?:[-./](\d{2}))?(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/;

/** `2026-11-25 14:05`, `2026.11.25`, `2026-11` → date (YYYY-MM-DD) and time (HH:MM). */
export function parsePeriod(text: string): { date: string; time: string } | null {
  const m = PERIOD_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  return { date: `${y}-${mo}-${d ?? '01'}`, time: h === undefined ? '00:00' : `${h.padStart(2, '0')}:${mi}` };
}

const COUNT_RE = /^\d+$/;

/** The delimiter the header line uses: the vendor may write `;` (a European Excel habit) or `,`. */
export function delimiterOf(headerLine: string): ',' | ';' {
  const semi = headerLine.split(';').length;
  const comma = headerLine.split(',').length;
  return semi > comma ? ';' : ',';
}

/**
 * Parses the CSV stream into series. Periods are local times of the device; the vendor does not
 * say which zone a device is in, so the site configuration may (`zoneOf`), and the site's zone is
 * used otherwise. In the repeated hour at the end of
 * DST a local label occurs twice for a device: the second occurrence is the later instant.
 */
export async function parseHistoryCsv(
  body: ReadableStream<Uint8Array>,
  {
    timezone,
    zoneOf = () => timezone,
  }: {
    /** The site's zone: periods are read in it unless `zoneOf` names the device's own, and every start is written in it. */
    timezone: string;
    resolution: Resolution;
    zoneOf?: (deviceId: number) => string;
  },
): Promise<HistorySeries[]> {
  const reader = body.getReader();
  const { head, headerLine } = await readHeaderLine(reader);
  const parser = parse({ bom: true, delimiter: delimiterOf(headerLine), skip_empty_lines: true, trim: true });
  async function* chunks() {
    yield* head;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  const source = Readable.from(chunks(), { objectMode: false });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  const series = new Map<number, HistorySeries & { lastMs: number }>();
  let layout: Layout | null = null;
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line += 1;
      if (layout === null) {
        layout = layoutOf(record);
        continue;
      }
      const fail = (what: string): never => {
        throw new UpstreamError('upstream_format', `downloadcsv line ${line}: ${what}`);
      };
      const idText = record[layout.id] ?? '';
      if (!COUNT_RE.test(idText) || Number(idText) === 0) fail('device id is not a positive whole number');
      const inText = record[layout.in] ?? '';
      const outText = record[layout.out] ?? '';
      if (!COUNT_RE.test(inText) || !COUNT_RE.test(outText)) fail('IN or OUT is not a whole number');
      const periodText =
        layout.period.kind === 'single'
          ? (record[layout.period.index] ?? '')
          : `${record[layout.period.date] ?? ''}${layout.period.time === null ? '' : ` ${record[layout.period.time] ?? ''}`}`;
      const period = parsePeriod(periodText);
      if (period === null) fail('the period is not a date or date-time');
      const { date, time } = period!;
      const id = Number(idText);
      let entry = series.get(id);
      if (entry === undefined) {
        const name = layout.name === null ? '' : (record[layout.name] ?? '');
        entry = { id, name: name === '' ? `Device ${id}` : name, points: [], lastMs: -Infinity };
        series.set(id, entry);
      }
      const zone = zoneOf(id);
      let instant: Date;
      try {
        instant = localTimeToUtc(date, time, zone);
      } catch {
        return fail('the period is not a real date');
      }
      if (instant.getTime() <= entry.lastMs) {
        // The second pass through a repeated hour: the same wall time, one offset later.
        const later = new Date(instant.getTime() + 3_600_000);
        if (formatInZone(later, zone, 'yyyy-MM-dd HH:mm') === `${date} ${time}`) instant = later;
      }
      entry.lastMs = instant.getTime();
      entry.points.push({ start: zonedIso(instant, timezone), in: Number(inText), out: Number(outText) });
    }
  } catch (error) {
    source.destroy();
    await reader.cancel().catch(() => undefined);
    if (error instanceof UpstreamError) throw error;
    const message = error instanceof Error ? error.message : 'unreadable';
    if (/HTML|terminated|aborted|ECONNRESET|socket/i.test(message)) throw new UpstreamError('upstream_unavailable', `downloadcsv: stream failed: ${message}`);
    throw new UpstreamError('upstream_format', `downloadcsv: not a CSV we can read: ${message.slice(0, 120)}`);
  }
  return [...series.values()].sort((a, b) => a.id - b.id).map(({ lastMs: _lastMs, ...s }) => s);
}

/** Reads until the first line is complete; returns the bytes read, to be parsed after all. */
async function readHeaderLine(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<{ head: Uint8Array[]; headerLine: string }> {
  const decoder = new TextDecoder();
  const head: Uint8Array[] = [];
  let text = '';
  while (!text.includes('\n') && text.length < 64 * 1024) {
    const { value, done } = await reader.read();
    if (done) break;
    head.push(value);
    text += decoder.decode(value, { stream: true });
  }
  return { head, headerLine: text.split('\n')[0] ?? '' };
}
