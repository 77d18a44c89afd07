// What a change of the settings changes, in words: one line per change. The spaces editor shows
// these before saving, and the server writes the same lines into the audit log.
import type { SpaceConfig } from './spaces';

export interface SiteValues {
  siteName?: string | null;
  timezone?: string;
  dayStart?: string;
  locale?: string;
}

export interface SpacesValues {
  siteCapacity?: number | null;
  devices: readonly { id: number; label?: string; capacity?: number; timezone?: string }[];
  spaces?: readonly SpaceConfig[] | null;
}

/**
 * The sentences a change is told in, by name, with {placeholders}. The server's audit log keeps
 * English (the default below); the screens pass their own, in the active language.
 */
export const ENGLISH_CHANGE_WORDS = {
  none: 'none',
  quoted: '“{value}”',
  siteName: 'Site name {before} → {after}',
  timezone: 'Time zone {before} → {after}',
  dayStart: 'Day starts at {before} → {after}',
  locale: 'Language {before} → {after}',
  siteCapacity: 'Site capacity {before} → {after}',
  deviceLabel: 'Device {id} label {before} → {after}',
  deviceCapacity: 'Device {id} capacity {before} → {after}',
  deviceTimezone: 'Device {id} time zone {before} → {after}',
  siteZone: 'the site’s',
  deviceLabelRemoved: 'Device {id} label {before} removed',
  deviceCapacityRemoved: 'Device {id} capacity {before} removed',
  deviceTimezoneRemoved: 'Device {id} time zone {before} removed',
  spacesConfigured: 'Spaces configured: {names} (instead of one space per device)',
  spacesRemoved: 'Spaces removed: one space per device again',
  spaceAdded: 'Space {name} added',
  spaceAddedInside: 'Space {name} added inside {parent}',
  spaceRenamed: 'Space {before} renamed {after}',
  spaceMoved: 'Space {name} moved from {before} to {after}',
  spaceCapacity: 'Space {name} capacity {before} → {after}',
  spaceNearlyFull: 'Space {name} nearly full at {before} → {after}',
  spaceRemoved: 'Space {name} removed',
  percent: '{value} %',
  defaultPercent: 'the default (80 %)',
  doorAdded: 'Space {name}: door added, {door}',
  doorSide: 'Space {name}: door {device} now {side}',
  doorRemoved: 'Space {name}: door removed, {door}',
  door: '{device}, {side}',
  deviceNumber: 'device {id}',
  deviceLabelled: '{label} ({id})',
  sideIn: 'IN enters',
  sideOut: 'IN leaves',
  hoursRemoved: 'Opening hours removed: always open',
  hoursSet: 'Opening hours set (until now always open)',
  dayHours: '{day} {before} → {after}',
  closed: 'closed',
  open: 'open',
  span: '{start}–{end}',
  closedOn: 'Closed on {date}',
  notClosedOn: 'No longer closed on {date}',
  specialOn: 'Special hours on {date}: {hours}',
  noSpecialOn: 'No special hours on {date}',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const;

export type ChangeWordName = keyof typeof ENGLISH_CHANGE_WORDS;

/** Says a named sentence with its values; the screens' speaks the active language. */
export interface ChangeWords {
  say: (name: ChangeWordName, values?: Record<string, string>) => string;
  /** A number as the language writes it (1 083 / 1.083 / 1,083). */
  number: (n: number) => string;
  /** A language's own name. */
  language: (code: string) => string;
  /** A date (YYYY-MM-DD) as the reader reads it. */
  date: (iso: string) => string;
  /** Several items as one. */
  list: (items: readonly string[]) => string;
}

const LOCALE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch', hu: 'Magyar' };

export const ENGLISH_WORDS: ChangeWords = {
  say: (name, values = {}) => ENGLISH_CHANGE_WORDS[name].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`),
  number: (n) => String(n),
  language: (code) => LOCALE_NAMES[code] ?? code,
  date: (iso) => iso,
  list: (items) => items.join(', '),
};

export function siteChanges(before: SiteValues, after: SiteValues, w: ChangeWords = ENGLISH_WORDS): string[] {
  const none = w.say('none');
  const quoted = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? none : w.say('quoted', { value: v }));
  const lines: string[] = [];
  if ((before.siteName ?? null) !== (after.siteName ?? null)) lines.push(w.say('siteName', { before: quoted(before.siteName), after: quoted(after.siteName) }));
  if (before.timezone !== after.timezone) lines.push(w.say('timezone', { before: before.timezone ?? none, after: after.timezone ?? none }));
  if (before.dayStart !== after.dayStart) lines.push(w.say('dayStart', { before: before.dayStart ?? none, after: after.dayStart ?? none }));
  if (before.locale !== after.locale) {
    const name = (code: string | undefined) => (code === undefined ? none : w.language(code));
    lines.push(w.say('locale', { before: name(before.locale), after: name(after.locale) }));
  }
  return lines;
}

export function spacesChanges(before: SpacesValues, after: SpacesValues, w: ChangeWords = ENGLISH_WORDS): string[] {
  const none = w.say('none');
  const quoted = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? none : w.say('quoted', { value: v }));
  const num = (v: number | null | undefined) => (v === undefined || v === null ? none : w.number(v));
  const percent = (v: number | undefined) => (v === undefined ? w.say('defaultPercent') : w.say('percent', { value: w.number(Math.round(v * 100)) }));
  const side = (s: 'in' | 'out') => w.say(s === 'in' ? 'sideIn' : 'sideOut');
  const lines: string[] = [];
  if ((before.siteCapacity ?? null) !== (after.siteCapacity ?? null))
    lines.push(w.say('siteCapacity', { before: num(before.siteCapacity), after: num(after.siteCapacity) }));

  const oldDevices = new Map(before.devices.map((d) => [d.id, d]));
  const newDevices = new Map(after.devices.map((d) => [d.id, d]));
  for (const [id, d] of newDevices) {
    const old = oldDevices.get(id);
    const ids = String(id);
    if ((old?.label ?? null) !== (d.label ?? null)) lines.push(w.say('deviceLabel', { id: ids, before: quoted(old?.label), after: quoted(d.label) }));
    if ((old?.capacity ?? null) !== (d.capacity ?? null)) lines.push(w.say('deviceCapacity', { id: ids, before: num(old?.capacity), after: num(d.capacity) }));
    if ((old?.timezone ?? null) !== (d.timezone ?? null))
      lines.push(w.say('deviceTimezone', { id: ids, before: old?.timezone ?? w.say('siteZone'), after: d.timezone ?? w.say('siteZone') }));
  }
  for (const [id, old] of oldDevices) {
    if (newDevices.has(id)) continue;
    const ids = String(id);
    if (old.label !== undefined) lines.push(w.say('deviceLabelRemoved', { id: ids, before: quoted(old.label) }));
    if (old.capacity !== undefined) lines.push(w.say('deviceCapacityRemoved', { id: ids, before: num(old.capacity) }));
    if (old.timezone !== undefined) lines.push(w.say('deviceTimezoneRemoved', { id: ids, before: old.timezone }));
  }

  const oldSpaces = before.spaces ?? null;
  const newSpaces = after.spaces ?? null;
  if (oldSpaces === null && newSpaces === null) return lines;
  if (oldSpaces === null) {
    lines.push(w.say('spacesConfigured', { names: w.list(newSpaces!.map((s) => quoted(s.name))) }));
    return lines;
  }
  if (newSpaces === null) {
    lines.push(w.say('spacesRemoved'));
    return lines;
  }
  const labels = new Map(after.devices.flatMap((d) => (d.label === undefined ? [] : [[d.id, d.label] as const])));
  const doorWords = (door: { device: number; side: 'in' | 'out' }) => {
    const label = labels.get(door.device);
    const device = label === undefined ? w.say('deviceNumber', { id: String(door.device) }) : w.say('deviceLabelled', { label, id: String(door.device) });
    return w.say('door', { device, side: side(door.side) });
  };
  const olds = new Map(oldSpaces.map((s) => [s.id, s]));
  const news = new Map(newSpaces.map((s) => [s.id, s]));
  const nameOf = (id: string | undefined) => (id === undefined ? none : quoted(news.get(id)?.name ?? olds.get(id)?.name ?? id));
  for (const space of newSpaces) {
    const old = olds.get(space.id);
    const name = quoted(space.name);
    if (old === undefined) {
      lines.push(space.parent === undefined ? w.say('spaceAdded', { name }) : w.say('spaceAddedInside', { name, parent: nameOf(space.parent) }));
      continue;
    }
    if (old.name !== space.name) lines.push(w.say('spaceRenamed', { before: quoted(old.name), after: name }));
    if (old.parent !== space.parent) lines.push(w.say('spaceMoved', { name, before: nameOf(old.parent), after: nameOf(space.parent) }));
    if ((old.capacity ?? null) !== (space.capacity ?? null))
      lines.push(w.say('spaceCapacity', { name, before: num(old.capacity), after: num(space.capacity) }));
    if (old.nearlyFull !== space.nearlyFull) lines.push(w.say('spaceNearlyFull', { name, before: percent(old.nearlyFull), after: percent(space.nearlyFull) }));
    const oldDoors = new Map(old.doors.map((d) => [d.device, d]));
    const newDoors = new Map(space.doors.map((d) => [d.device, d]));
    for (const door of space.doors) {
      const was = oldDoors.get(door.device);
      if (was === undefined) lines.push(w.say('doorAdded', { name, door: doorWords(door) }));
      else if (was.side !== door.side) lines.push(w.say('doorSide', { name, device: String(door.device), side: side(door.side) }));
    }
    for (const door of old.doors) if (!newDoors.has(door.device)) lines.push(w.say('doorRemoved', { name, door: doorWords(door) }));
  }
  for (const old of oldSpaces) if (!news.has(old.id)) lines.push(w.say('spaceRemoved', { name: quoted(old.name) }));
  return lines;
}

export interface PublicValues {
  enabled: boolean;
  spaces: readonly string[];
  showNumbers: boolean;
  allowOrigins: readonly string[];
}

export function publicChanges(before: PublicValues, after: PublicValues): string[] {
  const lines: string[] = [];
  if (before.enabled !== after.enabled) lines.push(after.enabled ? 'Public view turned on' : 'Public view turned off');
  if (before.spaces.join(',') !== after.spaces.join(',')) lines.push(`Public spaces: ${after.spaces.join(', ') || 'none'}`);
  if (before.showNumbers !== after.showNumbers) lines.push(after.showNumbers ? 'Public view shows numbers' : 'Public view hides numbers');
  if (before.allowOrigins.join(',') !== after.allowOrigins.join(','))
    lines.push(`Public view may be embedded by: ${after.allowOrigins.join(', ') || 'no site'}`);
  return lines;
}

interface HoursValues {
  weekly: Partial<Record<string, readonly (readonly [string, string])[]>>;
  closed: readonly string[];
  special: readonly { date: string; spans: readonly (readonly [string, string])[] }[];
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function hoursChanges(before: HoursValues | null, after: HoursValues | null, w: ChangeWords = ENGLISH_WORDS): string[] {
  if (before === null && after === null) return [];
  if (after === null) return [w.say('hoursRemoved')];
  const spansWords = (spans: readonly (readonly [string, string])[] | undefined) =>
    spans === undefined || spans.length === 0 ? w.say('closed') : w.list(spans.map(([start, end]) => w.say('span', { start, end })));
  const lines: string[] = before === null ? [w.say('hoursSet')] : [];
  for (const day of DAYS) {
    const was = before === null ? undefined : spansWords(before.weekly[day]);
    const now = spansWords(after.weekly[day]);
    if (was !== now) lines.push(w.say('dayHours', { day: w.say(day), before: was ?? w.say('open'), after: now }));
  }
  const oldClosed = new Set(before?.closed ?? []);
  const newClosed = new Set(after.closed);
  for (const d of after.closed) if (!oldClosed.has(d)) lines.push(w.say('closedOn', { date: w.date(d) }));
  for (const d of before?.closed ?? []) if (!newClosed.has(d)) lines.push(w.say('notClosedOn', { date: w.date(d) }));
  const oldSpecial = new Map((before?.special ?? []).map((s) => [s.date, spansWords(s.spans)]));
  const newSpecial = new Map(after.special.map((s) => [s.date, spansWords(s.spans)]));
  for (const [date, hours] of newSpecial) if (oldSpecial.get(date) !== hours) lines.push(w.say('specialOn', { date: w.date(date), hours }));
  for (const date of oldSpecial.keys()) if (!newSpecial.has(date)) lines.push(w.say('noSpecialOn', { date: w.date(date) }));
  return lines;
}

interface AlertsValues {
  channels: readonly { id: string; type: string }[];
  rules: readonly { type: string; id?: string; space?: string; device?: number; display?: string }[];
}

const ruleWords = (r: AlertsValues['rules'][number]) =>
  `${r.type.replace('_', ' ')}${r.space !== undefined ? ` for ${r.space}` : ''}${r.device !== undefined ? ` for device ${r.device}` : ''}${r.display !== undefined ? ` for display ${r.display}` : ''}${r.id !== undefined ? ` (${r.id})` : ''}`;

export function alertsChanges(before: AlertsValues, after: AlertsValues): string[] {
  const lines: string[] = [];
  const oldChannels = new Map(before.channels.map((c) => [c.id, JSON.stringify(c)]));
  const newChannels = new Map(after.channels.map((c) => [c.id, JSON.stringify(c)]));
  for (const c of after.channels) {
    const old = oldChannels.get(c.id);
    if (old === undefined) lines.push(`Channel ${c.id} (${c.type}) added`);
    else if (old !== newChannels.get(c.id)) lines.push(`Channel ${c.id} changed`);
  }
  for (const c of before.channels) if (!newChannels.has(c.id)) lines.push(`Channel ${c.id} removed`);
  const key = (r: AlertsValues['rules'][number]) => JSON.stringify(r);
  const oldRules = new Set(before.rules.map(key));
  const newRules = new Set(after.rules.map(key));
  for (const r of after.rules) if (!oldRules.has(key(r))) lines.push(`Rule ${ruleWords(r)} added or changed`);
  for (const r of before.rules) if (!newRules.has(key(r))) lines.push(`Rule ${ruleWords(r)} removed or changed`);
  return lines;
}
