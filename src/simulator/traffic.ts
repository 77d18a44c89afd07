// Synthetic people-counter traffic: IN and OUT per door per UTC minute, a pure function of
// (seed, door, minute). Nothing is stored, so any window of any length can be recomputed exactly,
// and getoccupancy and downloadcsv agree to the person because both add up the same minutes.
//
// Model: each door belongs to a group (a site's set of doors sharing one crowd). The group's
// arrivals in a minute are a Poisson sample around a rate that follows the site's local clock
// (opening hours, morning and lunch peaks, quiet nights). Every arrival leaves again after one of
// five stay lengths, so the group's occupancy returns exactly to zero once everyone has left;
// each minute's arrivals and departures are split between the group's doors by fixed shares,
// which is how a side door ends up counting more OUT than IN. A door may carry several groups
// (a building's entrance also counts the café's guests on their way in), and a device mounted the
// other way round counts a group's arrivals as OUT.
import { getOrCreate } from '@/shared/get-or-create';
import { DAY_MINUTES, OffsetCursor, parseVendorDate, weekdayOfDay, zoneOffset } from './time';

export type VenueKind = 'store' | 'cafe' | 'library' | 'office' | 'garage' | 'leisure' | 'sports' | 'gym' | 'gym24' | 'hospital24';

export interface TrafficGroup {
  /** Salt of the group's random stream; unique among the groups of the simulator's accounts. */
  id: number;
  venue: VenueKind;
  /** Arrivals per minute through all doors of the group at the busiest minute of a Monday. */
  peakPerMinute: number;
  /** How long visitors stay, [shortest, longest] in minutes (1…1000). */
  stayMinutes: readonly [number, number];
  /** The counters were installed on this UTC date (YYYY-MM-DD): nothing is counted before it. */
  countingSince: string;
  /**
   * Last entry: nobody arrives while the venue is closed, nor later than the longest stay before
   * closing, so the space is empty when it closes (a building that locks its doors at night).
   */
  emptyAtClosing?: boolean;
}

export interface DoorTraffic {
  group: TrafficGroup;
  /** This door's share of the group's arrivals, as a slice [from, to) of [0, 1]. */
  inSlice: readonly [number, number];
  /** This door's share of the group's departures, likewise. */
  outSlice: readonly [number, number];
  /** Mounted the other way round: the device counts this group's arrivals as OUT and departures as IN. */
  reversed?: boolean;
}

/** What the model needs to know about a device: the groups passing its door. Doors of one group must share a zone. */
export interface TrafficSubject {
  timeZone: string;
  traffic: readonly DoorTraffic[];
}

export interface MinuteCounts {
  in: number;
  out: number;
}

interface Peak {
  /** Local minute of the day. */
  at: number;
  width: number;
  weight: number;
}

interface Venue {
  /** Opening [open, close) in local minutes, per weekday from Sunday; null = closed that day. */
  hours: readonly ([number, number] | null)[];
  allDay: boolean;
  /** Level while open, before peaks. */
  base: number;
  /** Level while closed; for 24-hour venues the quiet-night level. */
  night: number;
  peaks: readonly Peak[];
  /** Busyness per weekday from Sunday. */
  dayFactor: readonly number[];
}

const h = (hh: number, mm = 0) => hh * 60 + mm;
const weekdays = (wk: [number, number] | null, sat: [number, number] | null, sun: [number, number] | null) => [sun, wk, wk, wk, wk, wk, sat];
const ALL_DAY: [number, number] = [0, DAY_MINUTES];

const LEISURE: Venue = {
  hours: weekdays([h(6), h(22)], [h(7), h(21)], [h(7), h(21)]),
  allDay: false,
  base: 0.25,
  night: 0.002,
  peaks: [
    { at: h(7), width: 45, weight: 0.5 },
    { at: h(12, 15), width: 40, weight: 0.25 },
    { at: h(17, 45), width: 80, weight: 0.65 },
  ],
  dayFactor: [1.3, 1, 0.95, 0.95, 1, 1, 1.35],
};

const VENUES: Record<VenueKind, Venue> = {
  store: {
    hours: weekdays([h(8), h(20)], [h(9), h(18)], [h(10), h(16)]),
    allDay: false,
    base: 0.3,
    night: 0.002,
    peaks: [
      { at: h(10, 30), width: 60, weight: 0.35 },
      { at: h(12, 45), width: 45, weight: 0.5 },
      { at: h(17, 30), width: 70, weight: 0.6 },
    ],
    dayFactor: [0.8, 1, 0.95, 0.95, 1, 1.1, 1.25],
  },
  cafe: {
    hours: weekdays([h(7), h(19)], [h(8), h(18)], [h(8), h(17)]),
    allDay: false,
    base: 0.2,
    night: 0.002,
    peaks: [
      { at: h(8, 15), width: 40, weight: 0.65 },
      { at: h(12, 45), width: 50, weight: 0.8 },
      { at: h(15, 30), width: 45, weight: 0.3 },
    ],
    dayFactor: [0.9, 1, 1, 1, 1, 1.05, 1.1],
  },
  library: {
    hours: weekdays([h(9), h(20)], [h(10), h(16)], null),
    allDay: false,
    base: 0.35,
    night: 0.001,
    peaks: [
      { at: h(10), width: 60, weight: 0.4 },
      { at: h(14), width: 80, weight: 0.5 },
    ],
    dayFactor: [0, 1, 1, 1, 1, 0.9, 0.7],
  },
  office: {
    hours: weekdays([h(7), h(19)], null, null),
    allDay: false,
    base: 0.06,
    night: 0.001,
    peaks: [
      { at: h(8, 30), width: 35, weight: 0.95 },
      { at: h(13), width: 30, weight: 0.25 },
    ],
    dayFactor: [0.1, 1, 1, 1, 1, 0.85, 0.1],
  },
  garage: {
    hours: weekdays([h(7, 30), h(20, 30)], [h(8, 30), h(18, 30)], [h(9, 30), h(16, 30)]),
    allDay: false,
    base: 0.25,
    night: 0.003,
    peaks: [
      { at: h(9, 45), width: 50, weight: 0.6 },
      { at: h(12, 30), width: 60, weight: 0.3 },
      { at: h(17), width: 60, weight: 0.5 },
    ],
    dayFactor: [0.8, 1, 1, 1, 1, 1.1, 1.3],
  },
  leisure: LEISURE,
  // A leisure centre's pool, sauna and studio: the leisure hours, with a weekend only a little
  // busier than a weekday, so rooms sized for a weekday's peak are not overrun on Saturday.
  sports: { ...LEISURE, dayFactor: [1.05, 1, 0.95, 0.95, 1, 1, 1.1] },
  // A gym open late on weekdays, with its own street door.
  gym: {
    hours: weekdays([h(6), h(23)], [h(8), h(20)], [h(8), h(20)]),
    allDay: false,
    base: 0.2,
    night: 0.002,
    peaks: [
      { at: h(7), width: 50, weight: 0.5 },
      { at: h(12, 30), width: 40, weight: 0.3 },
      { at: h(19), width: 90, weight: 0.85 },
    ],
    dayFactor: [0.8, 1, 1, 1, 1, 0.85, 0.9],
  },
  gym24: {
    hours: weekdays(ALL_DAY, ALL_DAY, ALL_DAY),
    allDay: true,
    base: 0.2,
    night: 0.06,
    peaks: [
      { at: h(7), width: 50, weight: 0.6 },
      { at: h(12, 30), width: 40, weight: 0.35 },
      { at: h(18, 30), width: 75, weight: 0.8 },
    ],
    dayFactor: [0.8, 1, 1, 1, 1, 0.9, 0.85],
  },
  hospital24: {
    hours: weekdays(ALL_DAY, ALL_DAY, ALL_DAY),
    allDay: true,
    base: 0.45,
    night: 0.25,
    peaks: [
      { at: h(10), width: 120, weight: 0.4 },
      { at: h(19), width: 90, weight: 0.35 },
    ],
    dayFactor: [1.1, 1.05, 1, 1, 1, 1.05, 1.15],
  },
};

/**
 * The venue's unscaled level at a local weekday and minute of the day. With `lastEntry` (minutes
 * before closing) nobody arrives while closed nor after the last entry, and arrivals dwindle before it.
 */
function venueLevel(venue: Venue, weekday: number, minute: number, lastEntry: number | null = null): number {
  const hours = venue.hours[weekday] ?? null;
  let peaks = 0;
  for (const p of venue.peaks) {
    const z = (minute - p.at) / p.width;
    peaks += p.weight * Math.exp(-0.5 * z * z);
  }
  if (venue.allDay) {
    // Daylight plateau from 07:00 to 22:00 with two-hour ramps either side.
    const daylight = minute < h(5) ? 0 : minute < h(7) ? (minute - h(5)) / 120 : minute < h(22) ? 1 : (DAY_MINUTES - minute) / 120;
    return (venue.night + venue.base * daylight + peaks) * (venue.dayFactor[weekday] ?? 1);
  }
  const closed = lastEntry === null ? venue.night : 0;
  const entryEnds = hours === null ? 0 : hours[1] - (lastEntry ?? 0);
  if (hours === null || minute < hours[0] || minute >= entryEnds) return closed;
  let level = (venue.base + peaks) * (venue.dayFactor[weekday] ?? 1);
  // Doors open to a small queue; arrivals dwindle in the last half hour before closing (or last entry).
  if (minute - hours[0] < 15) level *= 0.5 + (0.5 * (minute - hours[0])) / 15;
  const left = entryEnds - minute;
  if (left < 30) level *= Math.max(0.05, left / 30);
  return Math.max(level, closed);
}

/** Rates and constants of one group as seen from one zone; built once and cached. */
interface GroupModel {
  zone: string;
  salt: number;
  /** Arrivals per minute, by local weekday × 1440 + minute of the day. */
  lambda: Float64Array;
  expNegLambda: Float64Array;
  lags: Int32Array;
  maxLag: number;
  /** First UTC minute counted. */
  since: number;
}

const STAY_BINS = 5;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const models = new WeakMap<TrafficGroup, Map<string, GroupModel>>();

function groupModel(group: TrafficGroup, zone: string): GroupModel {
  const byZone = getOrCreate(models, group, () => new Map<string, GroupModel>());
  return getOrCreate(byZone, zone, () => buildModel(group, zone));
}

function buildModel(group: TrafficGroup, zone: string): GroupModel {
  const venue = VENUES[group.venue];
  const lastEntry = group.emptyAtClosing === true && !venue.allDay ? group.stayMinutes[1] : null;
  const raw = new Float64Array(7 * DAY_MINUTES);
  for (let d = 0; d < 7; d++) for (let m = 0; m < DAY_MINUTES; m++) raw[d * DAY_MINUTES + m] = venueLevel(venue, d, m, lastEntry);
  let mondayMax = 0;
  for (let m = 0; m < DAY_MINUTES; m++) mondayMax = Math.max(mondayMax, raw[DAY_MINUTES + m] ?? 0);
  const scale = mondayMax > 0 ? group.peakPerMinute / mondayMax : 0;
  const lambda = raw.map((v) => v * scale);
  const expNegLambda = lambda.map((v) => Math.exp(-v));

  const [shortest, longest] = group.stayMinutes;
  const lags = new Int32Array(STAY_BINS);
  for (let b = 0; b < STAY_BINS; b++) lags[b] = Math.max(1, Math.round(shortest + ((longest - shortest) * b) / (STAY_BINS - 1)));
  const since = parseVendorDate(group.countingSince);
  if (since === null) throw new RangeError(`traffic group ${group.id}: countingSince must be a YYYY-MM-DD date`);
  return {
    zone,
    salt: group.id,
    lambda,
    expNegLambda,
    lags,
    maxLag: Math.max(...lags),
    since: since * DAY_MINUTES,
  };
}

// murmur3-style mixing with Math.imul: a few nanoseconds per sample, good enough statistically.
function mix(hash: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = hash ^ x;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

function finish(hash: number): number {
  let x = hash ^ (hash >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const TWO_32 = 4_294_967_296;
const LANE_ARRIVALS = 0;
const LANE_STAY = 1;
const LANE_SPLIT_IN = 2;
const LANE_SPLIT_OUT = 3;

const laneCache = new Map<string, Int32Array>();

/** Per (seed, group) starting states of the four random lanes. */
function laneSeeds(seed: number, salt: number): Int32Array {
  const key = `${seed}:${salt}`;
  let lanes = laneCache.get(key);
  if (lanes === undefined) {
    const base = mix(mix(mix(0x2545f491, seed | 0), Math.floor(seed / TWO_32) | 0), salt);
    lanes = Int32Array.from([0, 1, 2, 3], (lane) => mix(base, lane));
    if (laneCache.size > 10_000) laneCache.clear();
    laneCache.set(key, lanes);
  }
  return lanes;
}

const uniform = (lane: number, minute: number) => finish(mix(lane, minute)) / TWO_32;

/** Inverse-CDF Poisson sample; rates are a few per minute, so the loop is short. */
function poisson(lambda: number, expNeg: number, u: number): number {
  let p = expNeg;
  let cdf = p;
  let k = 0;
  while (u > cdf && k < 1000) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/** How many of `n` arrivals fall into stay bin `bin`: they are dealt round-robin from `first`. */
function inBin(n: number, first: number, bin: number): number {
  const q = (n / STAY_BINS) | 0;
  const r = n - q * STAY_BINS;
  return q + ((bin - first + STAY_BINS) % STAY_BINS < r ? 1 : 0);
}

/** The door's share of `n` people: telescoping floors, so the shares of all doors add up to n. */
function share(n: number, slice: readonly [number, number], u: number): number {
  if (n === 0) return 0;
  if (slice[0] === 0 && slice[1] === 1) return n;
  return Math.floor(n * slice[1] + u) - Math.floor(n * slice[0] + u);
}

function rateIndex(localMinute: number): number {
  const day = Math.floor(localMinute / DAY_MINUTES);
  return weekdayOfDay(day) * DAY_MINUTES + (localMinute - day * DAY_MINUTES);
}

function arrivalsAt(model: GroupModel, lanes: Int32Array, minute: number, offset: number): number {
  if (minute < model.since) return 0;
  const i = rateIndex(minute + offset);
  const lambda = model.lambda[i] ?? 0;
  if (lambda === 0) return 0;
  return poisson(lambda, model.expNegLambda[i] ?? 1, uniform(lanes[LANE_ARRIVALS] ?? 0, minute));
}

const firstBin = (lanes: Int32Array, minute: number) => finish(mix(lanes[LANE_STAY] ?? 0, minute)) % STAY_BINS;

/**
 * IN and OUT counted by a door during one UTC minute (minute index = epoch ms / 60 000).
 * Pure: the same (device traffic, minute, seed) always gives the same counts.
 */
export function countsForMinute(device: TrafficSubject, minuteIndex: number, seed: number): MinuteCounts {
  let sumIn = 0;
  let sumOut = 0;
  for (const flow of device.traffic) {
    const c = flowCountsForMinute(flow, device.timeZone, minuteIndex, seed);
    sumIn += flow.reversed === true ? c.out : c.in;
    sumOut += flow.reversed === true ? c.in : c.out;
  }
  return { in: sumIn, out: sumOut };
}

function flowCountsForMinute(flow: DoorTraffic, timeZone: string, minuteIndex: number, seed: number): MinuteCounts {
  const { group, inSlice, outSlice } = flow;
  const model = groupModel(group, timeZone);
  const lanes = laneSeeds(seed, model.salt);
  const arrived = arrivalsAt(model, lanes, minuteIndex, zoneOffset(model.zone, minuteIndex));
  let leaving = 0;
  for (let b = 0; b < STAY_BINS; b++) {
    const s = minuteIndex - (model.lags[b] ?? 0);
    const n = arrivalsAt(model, lanes, s, zoneOffset(model.zone, s));
    if (n > 0) leaving += inBin(n, firstBin(lanes, s), b);
  }
  return {
    in: share(arrived, inSlice, uniform(lanes[LANE_SPLIT_IN] ?? 0, minuteIndex)),
    out: share(leaving, outSlice, uniform(lanes[LANE_SPLIT_OUT] ?? 0, minuteIndex)),
  };
}

/**
 * The same counts as countsForMinute, summed over consecutive minutes at a fraction of the cost:
 * it keeps the recent arrivals in a ring instead of recomputing them for every departure.
 * Each call to `count(end)` covers the minutes from where the previous one stopped.
 */
export class DoorCounter {
  /** The next minute to be counted. */
  position: number;
  in = 0;
  out = 0;
  private readonly flows: { counter: FlowCounter; reversed: boolean }[];

  constructor(device: TrafficSubject, seed: number, startMinute: number) {
    this.flows = device.traffic.map((flow) => ({ counter: new FlowCounter(flow, device.timeZone, seed, startMinute), reversed: flow.reversed === true }));
    this.position = startMinute;
  }

  /** Counts the minutes [position, end) into `in` and `out` (both reset first); returns this. */
  count(end: number): this {
    let sumIn = 0;
    let sumOut = 0;
    for (const { counter, reversed } of this.flows) {
      counter.count(end);
      sumIn += reversed ? counter.out : counter.in;
      sumOut += reversed ? counter.in : counter.out;
    }
    if (end > this.position) this.position = end;
    this.in = sumIn;
    this.out = sumOut;
    return this;
  }
}

/** One group's share of a door, counted over consecutive minutes. */
class FlowCounter {
  /** The next minute to be counted. */
  position: number;
  in = 0;
  out = 0;
  private readonly model: GroupModel;
  private readonly lanes: Int32Array;
  private readonly inSlice: readonly [number, number];
  private readonly outSlice: readonly [number, number];
  private readonly arrivals: Int32Array;
  private readonly firstBins: Uint8Array;
  private readonly mask: number;
  private readonly wholeIn: boolean;
  private readonly wholeOut: boolean;
  private readonly offsets: OffsetCursor;
  /** The rate-table index of the first minute of the offset cursor's span. */
  private rateBase = 0;

  constructor(flow: DoorTraffic, timeZone: string, seed: number, startMinute: number) {
    this.model = groupModel(flow.group, timeZone);
    this.offsets = new OffsetCursor(timeZone);
    this.lanes = laneSeeds(seed, this.model.salt);
    this.inSlice = flow.inSlice;
    this.outSlice = flow.outSlice;
    this.wholeIn = this.inSlice[0] === 0 && this.inSlice[1] === 1;
    this.wholeOut = this.outSlice[0] === 0 && this.outSlice[1] === 1;
    let size = 1;
    while (size <= this.model.maxLag) size *= 2;
    this.arrivals = new Int32Array(size);
    this.firstBins = new Uint8Array(size);
    this.mask = size - 1;
    for (let s = startMinute - this.model.maxLag; s < startMinute; s++) this.arrive(s);
    this.position = startMinute;
  }

  /** Counts the minutes [position, end) into `in` and `out` (both reset first); returns this. */
  count(end: number): this {
    let sumIn = 0;
    let sumOut = 0;
    const { lags } = this.model;
    const lanes = this.lanes;
    const mask = this.mask;
    const lag0 = lags[0] ?? 0;
    const lag1 = lags[1] ?? 0;
    const lag2 = lags[2] ?? 0;
    const lag3 = lags[3] ?? 0;
    const lag4 = lags[4] ?? 0;
    if (this.position < this.model.since) {
      // Nothing arrives before counting starts, so nothing leaves either: skip ahead in one go.
      this.arrivals.fill(0);
      this.firstBins.fill(0);
      this.position = Math.min(Math.max(end, this.position), this.model.since);
    }
    for (let t = this.position; t < end; t++) {
      const arrived = this.arrive(t);
      const leaving =
        this.leavingFrom(t - lag0, 0, mask) +
        this.leavingFrom(t - lag1, 1, mask) +
        this.leavingFrom(t - lag2, 2, mask) +
        this.leavingFrom(t - lag3, 3, mask) +
        this.leavingFrom(t - lag4, 4, mask);
      if (arrived > 0) sumIn += this.wholeIn ? arrived : share(arrived, this.inSlice, uniform(lanes[LANE_SPLIT_IN] ?? 0, t));
      if (leaving > 0) sumOut += this.wholeOut ? leaving : share(leaving, this.outSlice, uniform(lanes[LANE_SPLIT_OUT] ?? 0, t));
    }
    if (end > this.position) this.position = end;
    this.in = sumIn;
    this.out = sumOut;
    return this;
  }

  private leavingFrom(minute: number, bin: number, mask: number): number {
    const j = minute & mask;
    const n = this.arrivals[j] ?? 0;
    return n > 0 ? inBin(n, this.firstBins[j] ?? 0, bin) : 0;
  }

  private arrive(minute: number): number {
    const offsets = this.offsets;
    if (minute >= offsets.end || minute < offsets.start) {
      const offset = offsets.at(minute); // moves the span first
      this.rateBase = rateIndex(offsets.start + offset);
    }
    let n = 0;
    if (minute >= this.model.since) {
      let i = this.rateBase + (minute - offsets.start);
      if (i >= WEEK_MINUTES) i -= WEEK_MINUTES;
      const lambda = this.model.lambda[i] ?? 0;
      if (lambda > 0) n = poisson(lambda, this.model.expNegLambda[i] ?? 1, uniform(this.lanes[LANE_ARRIVALS] ?? 0, minute));
    }
    const j = minute & this.mask;
    this.arrivals[j] = n;
    this.firstBins[j] = n > 0 ? firstBin(this.lanes, minute) : 0;
    return n;
  }
}

/** IN and OUT of a door summed over the UTC minutes [from, to). */
export function sumCounts(device: TrafficSubject, from: number, to: number, seed: number): MinuteCounts {
  if (to <= from) return { in: 0, out: 0 };
  const counter = new DoorCounter(device, seed, from).count(to);
  return { in: counter.in, out: counter.out };
}
