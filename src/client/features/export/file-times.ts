// Which clock the times in an exported CSV are on. The vendor writes each counter's own local
// time, so a site with a door in another zone says so rather than implying one zone for all.
import { t } from '@/client/i18n/i18n';
import type { Config } from '@/shared/api-schema';

type ConfigDevice = Config['devices'][number];

/** `names`: the counters' names as the live answer gives them (the vendor's, or the site's labels). */
export function describeFileTimes(config: Pick<Config, 'timezone'> & { devices: readonly ConfigDevice[] }, names?: ReadonlyMap<number, string>): string {
  const others = new Map<string, string[]>();
  for (const device of config.devices) {
    if (!device.timezone || device.timezone === config.timezone) continue;
    const inZone = others.get(device.timezone) ?? [];
    inZone.push(names?.get(device.id) ?? (device.label?.trim() || t('export.deviceFallback', { id: String(device.id) })));
    others.set(device.timezone, inZone);
  }
  const zones = [config.timezone, ...[...others].map(([zone, inZone]) => `${inZone.join(', ')}: ${zone}`)].join('; ');
  return t('export.fileTimes', { zones });
}
