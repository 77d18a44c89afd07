// The words for alerts, shared by Settings ▸ Alerts and the dashboard's recent alerts: messages
// of the `dashboard` namespace, said in the active language whenever they are read.
import { t } from '@/client/i18n/i18n';
import type { DeliveryStatus, RuleType } from '@/shared/alerts-schema';
import type { MessageKey } from '@/shared/i18n/message-key';

const RULE_KEYS: Record<RuleType | 'test', MessageKey> = {
  nearly_full: 'dashboard.bell.rule.nearlyFull',
  full: 'dashboard.bell.rule.full',
  door_silent: 'dashboard.bell.rule.doorSilent',
  data_stale: 'dashboard.bell.rule.dataStale',
  display_offline: 'dashboard.bell.rule.displayOffline',
  test: 'dashboard.bell.rule.test',
};

const DELIVERY_KEYS: Record<DeliveryStatus, MessageKey> = {
  sent: 'dashboard.bell.delivery.sent',
  retrying: 'dashboard.bell.delivery.retrying',
  failed: 'dashboard.bell.delivery.failed',
};

/** A table whose every read says its word in the active language (the language may change after this module loads). */
function spoken<K extends string>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  const words = {} as Record<K, string>;
  for (const name of Object.keys(keys) as K[]) Object.defineProperty(words, name, { enumerable: true, get: () => t(keys[name]) });
  return words;
}

export const RULE_NAMES = spoken(RULE_KEYS);

export const DELIVERY_WORDS = spoken(DELIVERY_KEYS);

/** "Nearly full — resolved" after a message that says a condition has ended. */
export function alertHeadline(alert: { rule: RuleType | 'test'; resolved: boolean }): string {
  return alert.resolved ? t('dashboard.bell.resolved', { rule: RULE_NAMES[alert.rule] }) : RULE_NAMES[alert.rule];
}
