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

const LOCALE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch', hu: 'Magyar' };
const quoted = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? 'none' : `“${v}”`);
const num = (v: number | null | undefined) => (v === undefined || v === null ? 'none' : String(v));
const percent = (v: number | undefined) => (v === undefined ? 'the default (80 %)' : `${Math.round(v * 100)} %`);

export function siteChanges(before: SiteValues, after: SiteValues): string[] {
  const lines: string[] = [];
  if ((before.siteName ?? null) !== (after.siteName ?? null)) lines.push(`Site name ${quoted(before.siteName)} → ${quoted(after.siteName)}`);
  if (before.timezone !== after.timezone) lines.push(`Time zone ${before.timezone ?? 'none'} → ${after.timezone ?? 'none'}`);
  if (before.dayStart !== after.dayStart) lines.push(`Day starts at ${before.dayStart ?? 'none'} → ${after.dayStart ?? 'none'}`);
  if (before.locale !== after.locale) {
    lines.push(`Language ${LOCALE_NAMES[before.locale ?? ''] ?? before.locale ?? 'none'} → ${LOCALE_NAMES[after.locale ?? ''] ?? after.locale ?? 'none'}`);
  }
  return lines;
}

function doorWords(door: { device: number; side: 'in' | 'out' }, labels: ReadonlyMap<number, string>): string {
  const label = labels.get(door.device);
  return `${label === undefined ? `device ${door.device}` : `${label} (${door.device})`}, ${door.side === 'in' ? 'IN enters' : 'IN leaves'}`;
}

export function spacesChanges(before: SpacesValues, after: SpacesValues): string[] {
  const lines: string[] = [];
  if ((before.siteCapacity ?? null) !== (after.siteCapacity ?? null)) lines.push(`Site capacity ${num(before.siteCapacity)} → ${num(after.siteCapacity)}`);

  const oldDevices = new Map(before.devices.map((d) => [d.id, d]));
  const newDevices = new Map(after.devices.map((d) => [d.id, d]));
  for (const [id, d] of newDevices) {
    const old = oldDevices.get(id);
    if ((old?.label ?? null) !== (d.label ?? null)) lines.push(`Device ${id} label ${quoted(old?.label)} → ${quoted(d.label)}`);
    if ((old?.capacity ?? null) !== (d.capacity ?? null)) lines.push(`Device ${id} capacity ${num(old?.capacity)} → ${num(d.capacity)}`);
    if ((old?.timezone ?? null) !== (d.timezone ?? null)) lines.push(`Device ${id} time zone ${old?.timezone ?? 'the site’s'} → ${d.timezone ?? 'the site’s'}`);
  }
  for (const [id, old] of oldDevices) {
    if (newDevices.has(id)) continue;
    if (old.label !== undefined) lines.push(`Device ${id} label ${quoted(old.label)} removed`);
    if (old.capacity !== undefined) lines.push(`Device ${id} capacity ${old.capacity} removed`);
    if (old.timezone !== undefined) lines.push(`Device ${id} time zone ${old.timezone} removed`);
  }

  const oldSpaces = before.spaces ?? null;
  const newSpaces = after.spaces ?? null;
  if (oldSpaces === null && newSpaces === null) return lines;
  if (oldSpaces === null) {
    lines.push(`Spaces configured: ${newSpaces!.map((s) => quoted(s.name)).join(', ')} (instead of one space per device)`);
    return lines;
  }
  if (newSpaces === null) {
    lines.push('Spaces removed: one space per device again');
    return lines;
  }
  const labels = new Map(after.devices.flatMap((d) => (d.label === undefined ? [] : [[d.id, d.label] as const])));
  const olds = new Map(oldSpaces.map((s) => [s.id, s]));
  const news = new Map(newSpaces.map((s) => [s.id, s]));
  const nameOf = (id: string | undefined) => (id === undefined ? 'none' : quoted(news.get(id)?.name ?? olds.get(id)?.name ?? id));
  for (const space of newSpaces) {
    const old = olds.get(space.id);
    const called = quoted(space.name);
    if (old === undefined) {
      lines.push(`Space ${called} added${space.parent === undefined ? '' : ` inside ${nameOf(space.parent)}`}`);
      continue;
    }
    if (old.name !== space.name) lines.push(`Space ${quoted(old.name)} renamed ${called}`);
    if (old.parent !== space.parent) lines.push(`Space ${called} moved from ${nameOf(old.parent)} to ${nameOf(space.parent)}`);
    if ((old.capacity ?? null) !== (space.capacity ?? null)) lines.push(`Space ${called} capacity ${num(old.capacity)} → ${num(space.capacity)}`);
    if (old.nearlyFull !== space.nearlyFull) lines.push(`Space ${called} nearly full at ${percent(old.nearlyFull)} → ${percent(space.nearlyFull)}`);
    const oldDoors = new Map(old.doors.map((d) => [d.device, d]));
    const newDoors = new Map(space.doors.map((d) => [d.device, d]));
    for (const door of space.doors) {
      const was = oldDoors.get(door.device);
      if (was === undefined) lines.push(`Space ${called}: door added, ${doorWords(door, labels)}`);
      else if (was.side !== door.side) lines.push(`Space ${called}: door ${door.device} now ${door.side === 'in' ? 'IN enters' : 'IN leaves'}`);
    }
    for (const door of old.doors) if (!newDoors.has(door.device)) lines.push(`Space ${called}: door removed, ${doorWords(door, labels)}`);
  }
  for (const old of oldSpaces) if (!news.has(old.id)) lines.push(`Space ${quoted(old.name)} removed`);
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

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const spansWords = (spans: readonly (readonly [string, string])[] | undefined) =>
  spans === undefined || spans.length === 0 ? 'closed' : spans.map(([a, b]) => `${a}–${b}`).join(', ');

export function hoursChanges(before: HoursValues | null, after: HoursValues | null): string[] {
  if (before === null && after === null) return [];
  if (after === null) return ['Opening hours removed: always open'];
  const lines: string[] = before === null ? ['Opening hours set (until now always open)'] : [];
  for (const day of Object.keys(DAY_NAMES)) {
    const was = before === null ? undefined : spansWords(before.weekly[day]);
    const now = spansWords(after.weekly[day]);
    if (was !== now) lines.push(`${DAY_NAMES[day]} ${was ?? 'open'} → ${now}`);
  }
  const oldClosed = new Set(before?.closed ?? []);
  const newClosed = new Set(after.closed);
  for (const d of after.closed) if (!oldClosed.has(d)) lines.push(`Closed on ${d}`);
  for (const d of before?.closed ?? []) if (!newClosed.has(d)) lines.push(`No longer closed on ${d}`);
  const oldSpecial = new Map((before?.special ?? []).map((s) => [s.date, spansWords(s.spans)]));
  const newSpecial = new Map(after.special.map((s) => [s.date, spansWords(s.spans)]));
  for (const [date, words] of newSpecial) if (oldSpecial.get(date) !== words) lines.push(`Special hours on ${date}: ${words}`);
  for (const date of oldSpecial.keys()) if (!newSpecial.has(date)) lines.push(`No special hours on ${date}`);
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
