// Door health and configuration problems in plain words: what the server found (a door counting
// one way only, a space whose boundary does not balance, a configured device the account lacks).
import { t } from '@/client/i18n/i18n';
import { formatCount, formatList, formatPercent } from '@/client/lib/format';
import { nameInSentence } from '@/client/lib/names';
import type { DeviceOccupancy } from '@/shared/api-schema';
import { DRIFT_MIN, DRIFT_SHARE, ONE_WAY_MIN, ONE_WAY_MINUTES } from '@/shared/door-health';

type OneWay = NonNullable<DeviceOccupancy['health']>;

/** "Counted 84 going out and nobody coming in since 06:00 — this counter may be missing people." */
export function oneWayWords(health: OneWay, since: string): string {
  return t('dashboard.health.oneWay', { direction: health.direction === 'out' ? 'out' : 'in', count: formatCount(health.count), since });
}

/** "More people left the Pool hall than entered it today (42 more): one of its door counters may be missing people." */
export function driftWords(spaceName: string, drift: number, { root = false } = {}): string {
  return root
    ? t('dashboard.health.driftSite', { drift: formatCount(drift) })
    : t('dashboard.health.drift', { name: nameInSentence(spaceName), drift: formatCount(drift) });
}

/** The rule of src/shared/door-health.ts, for the "How we judge this" note. */
export function healthRuleWords(since: string): string[] {
  const hours = ONE_WAY_MINUTES % 60 === 0;
  return [
    t('dashboard.health.ruleOneWay', {
      min: formatCount(ONE_WAY_MIN),
      since,
      duration: t('dashboard.health.ruleDuration', { unit: hours ? 'hours' : 'minutes', n: hours ? ONE_WAY_MINUTES / 60 : ONE_WAY_MINUTES }),
    }),
    t('dashboard.health.ruleDrift', { min: formatCount(DRIFT_MIN), share: formatPercent(DRIFT_SHARE) }),
    t('dashboard.health.ruleMeaning'),
  ];
}

/** "device 999, which this account does not have; its door counts nothing." for one or more ids. */
export function unknownDevicesWords(ids: readonly number[]): string {
  return t('dashboard.unknownDevices.text', { count: ids.length, ids: formatList(ids.map((id) => String(id))) });
}
