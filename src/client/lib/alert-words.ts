// The words for alerts, shared by Settings ▸ Alerts and the dashboard's recent alerts (kept in one
// place so they can be translated with the rest).
import type { DeliveryStatus, RuleType } from '@/shared/alerts-schema';

export const RULE_NAMES: Record<RuleType | 'test', string> = {
  nearly_full: 'Nearly full',
  full: 'Full',
  door_silent: 'Door silent',
  data_stale: 'No live count',
  display_offline: 'Display offline',
  test: 'Test message',
};

export const DELIVERY_WORDS: Record<DeliveryStatus, string> = { sent: 'Sent', retrying: 'Retrying', failed: 'Failed' };

/** "Resolved: " before a message that says a condition has ended. */
export function alertHeadline(alert: { rule: RuleType | 'test'; resolved: boolean }): string {
  return alert.resolved ? `${RULE_NAMES[alert.rule]} — resolved` : RULE_NAMES[alert.rule];
}
