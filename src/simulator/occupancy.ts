// action=getoccupancy: IN, OUT and occupancy per device from a start instant until now, with the
// vendor's silent parameter defaults and the answer shapes a PHP/MySQL API might plausibly use.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Device } from './accounts';
import type { Shape } from './settings';
import { MINUTE_MS, formatUtc, parseVendorDate, parseVendorTime, vendorToday } from './time';
import { DoorCounter } from './traffic';

/** The vendor's default shift: Central European *summer* time, whatever the season. */
export const DEFAULT_SHIFT_HOURS = 2;

export interface OccupancyParams {
  date_start?: string | undefined;
  time_start?: string | undefined;
  timezoneshift_start?: string | undefined;
}

/** Parses an integer shift in hours; anything else (or out of −12…14) falls back to 2. */
export function parseShift(value: string | undefined): number {
  if (value === undefined || !/^[+-]?\d{1,2}$/.test(value.trim())) return DEFAULT_SHIFT_HOURS;
  const n = Number(value.trim());
  return n >= -12 && n <= 14 ? n : DEFAULT_SHIFT_HOURS;
}

/**
 * The effective UTC start: date_start + time_start read as a naive local time, minus the shift.
 * A missing or invalid date means the vendor's own "today" (Europe/Budapest), a bad time 00:00:00.
 */
export function occupancyStart(params: OccupancyParams, nowMs: number): number {
  const day = parseVendorDate(params.date_start) ?? vendorToday(nowMs);
  const seconds = parseVendorTime(params.time_start) ?? 0;
  return (day * 86_400 + seconds) * 1000 - parseShift(params.timezoneshift_start) * 3_600_000;
}

export interface DeviceTotals {
  device: Device;
  in: number;
  out: number;
}

const TURN_MS = 20;
const SLICE_MINUTES = 50_000;

/**
 * Sums the minutes that have ended inside [startMs, nowMs]: a minute counts once it is over, and
 * only if it began at or after the start (so a start at hh:mm:15 skips that minute).
 * Long windows are computed in slices, giving other requests a turn in between.
 */
export async function occupancyTotals(devices: readonly Device[], startMs: number, nowMs: number, seed: number, signal: AbortSignal): Promise<DeviceTotals[]> {
  const from = Math.ceil(startMs / MINUTE_MS);
  const to = Math.floor(nowMs / MINUTE_MS);
  const totals: DeviceTotals[] = [];
  let lastTurn = performance.now();
  for (const device of devices) {
    let sumIn = 0;
    let sumOut = 0;
    if (to > from) {
      const counter = new DoorCounter(device, seed, from);
      for (let t = from; t < to && !signal.aborted;) {
        const end = Math.min(to, t + SLICE_MINUTES);
        counter.count(end);
        sumIn += counter.in;
        sumOut += counter.out;
        t = end;
        if (performance.now() - lastTurn > TURN_MS) {
          await nextTurn();
          lastTurn = performance.now();
        }
      }
    }
    totals.push({ device, in: sumIn, out: sumOut });
  }
  return totals;
}

interface KeyNames {
  id: string;
  name: string;
  in: string;
  out: string;
  raw: string;
  corrected: string;
}

const KEY_STYLES: Record<Shape['keyStyle'], KeyNames> = {
  canonical: { id: 'device_id', name: 'device_name', in: 'IN', out: 'OUT', raw: 'Occupancy', corrected: 'CorrectedOccupancy' },
  lower: { id: 'device_id', name: 'device_name', in: 'in', out: 'out', raw: 'occupancy', corrected: 'correctedoccupancy' },
  upper: { id: 'DEVICE_ID', name: 'DEVICE_NAME', in: 'IN', out: 'OUT', raw: 'OCCUPANCY', corrected: 'CORRECTEDOCCUPANCY' },
  nounderscore: { id: 'deviceid', name: 'devicename', in: 'In', out: 'Out', raw: 'Occupancy', corrected: 'CorrectedOccupancy' },
  // Names from the list of aliases our adapter promises to accept (see wellpoint-api.md).
  alias: { id: 'id', name: 'label', in: 'count_in', out: 'count_out', raw: 'occupancy', corrected: 'corrected_occupancy' },
};

/** The JSON body for the totals, in the requested shape. An empty device set is always `[]`. */
export function renderOccupancy(totals: readonly DeviceTotals[], startMs: number, nowMs: number, shape: Shape): string {
  if (totals.length === 0) return '[]';
  const keys = KEY_STYLES[shape.keyStyle];
  const num = (n: number): number | string => (shape.numbersAsStrings ? String(n) : n);
  const rows = totals.map((t) => {
    const row: Record<string, number | string> = { [keys.id]: num(t.device.id) };
    if (!shape.omitName) row[keys.name] = t.device.name;
    row[keys.in] = num(t.in);
    row[keys.out] = num(t.out);
    if (!shape.omitRaw) row[keys.raw] = num(t.in - t.out);
    if (!shape.omitCorrected) row[keys.corrected] = num(Math.max(0, t.in - t.out));
    return row;
  });
  if (shape.envelope === 'bare') return JSON.stringify(rows);
  const body: Record<string, unknown> = {};
  if (!shape.omitMeta) body.meta = { datetime_start: formatUtc(startMs), generated_utc: formatUtc(nowMs) };
  body[shape.envelope] = rows;
  return JSON.stringify(body);
}
