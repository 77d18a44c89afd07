// Door health and configuration problems in plain words: what the server found (a door counting
// one way only, a space whose boundary does not balance, a configured device the account lacks).
import { formatCount, formatList, formatPercent } from '@/client/lib/format';
import { nameInSentence } from '@/client/lib/names';
import type { DeviceOccupancy } from '@/shared/api-schema';
import { DRIFT_MIN, DRIFT_SHARE, ONE_WAY_MIN, ONE_WAY_MINUTES } from '@/shared/door-health';

type OneWay = NonNullable<DeviceOccupancy['health']>;

/** "Counted 84 going out and nobody coming in since 06:00 — this counter may be missing people." */
export function oneWayWords(health: OneWay, since: string): string {
  const [counted, missing] = health.direction === 'out' ? ['going out', 'coming in'] : ['coming in', 'going out'];
  return `Counted ${formatCount(health.count)} ${counted} and nobody ${missing} since ${since} — this counter may be missing people.`;
}

/** "More people left the Pool hall than entered it today (42 more): one of its door counters may be missing people." */
export function driftWords(spaceName: string, drift: number, { root = false } = {}): string {
  const where = root ? 'the site' : nameInSentence(spaceName);
  return `More people left ${where} than entered it today (${formatCount(drift)} more): one of its door counters may be missing people.`;
}

/** The rule of src/shared/door-health.ts, for the "How we judge this" note. */
export function healthRuleWords(since: string): string[] {
  return [
    `A door is suspect when it has counted at least ${formatCount(ONE_WAY_MIN)} people one way and nobody the other way since ${since}, for ${duration(ONE_WAY_MINUTES)} or more (a morning rush comes in before anyone leaves).`,
    `A space is suspect when more people left it than entered it through its doors, by at least ${formatCount(DRIFT_MIN)} people and at least ${formatPercent(DRIFT_SHARE)} of those who entered: nobody can leave a space they never entered.`,
    'Either usually means a counter that misses people: blocked, moved, mounted the wrong way round, or out of power. Counts start again at the next day start.',
  ];
}

function duration(minutes: number): string {
  if (minutes % 60 !== 0) return `${formatCount(minutes)} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? 'an hour' : `${formatCount(hours)} hours`;
}

/** "device 999, which this account does not have; its door counts nothing." for one or more ids. */
export function unknownDevicesWords(ids: readonly number[]): string {
  const named = formatList(ids.map((id) => String(id)));
  return ids.length === 1
    ? `The site configuration names device ${named}, which this account does not have; its door counts nothing.`
    : `The site configuration names devices ${named}, which this account does not have; their doors count nothing.`;
}
