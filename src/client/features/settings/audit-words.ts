// An audit log entry in words: what was done and its detail, for the audit table. Pure, so the
// words are tested without a screen.
import { activeLocale, t } from '@/client/i18n/i18n';
import type { AuditEntryView } from '@/shared/admin-settings-schema';
import type { MessageKey } from '@/shared/i18n/message-key';

const RESOLUTION_WORDS: Record<string, MessageKey> = {
  '5min': 'settings.audit.resolution.5min',
  hour: 'settings.audit.resolution.hour',
  day: 'settings.audit.resolution.day',
  month: 'settings.audit.resolution.month',
};

const ACTION_WORDS: Record<string, MessageKey> = {
  'settings.site': 'settings.audit.action.site',
  'settings.spaces': 'settings.audit.action.spaces',
  'settings.hours': 'settings.audit.action.hours',
  'settings.alerts': 'settings.audit.action.alerts',
  'settings.public': 'settings.audit.action.public',
  export: 'settings.audit.action.export',
  'display.created': 'settings.audit.action.displayCreated',
  'display.revoked': 'settings.audit.action.displayRevoked',
  'display.opened': 'settings.audit.action.displayOpened',
  'person.added': 'settings.audit.action.personAdded',
  'person.removed': 'settings.audit.action.personRemoved',
  'person.role_changed': 'settings.audit.action.roleChanged',
  'person.link_made': 'settings.audit.action.linkMade',
  'person.password_changed': 'settings.audit.action.passwordChanged',
  'session.sign_in': 'settings.audit.action.signIn',
  'setup.first_admin': 'settings.audit.action.firstAdmin',
};

export function actionWords(action: string): string {
  const key = ACTION_WORDS[action];
  if (key !== undefined) return t(key);
  // Actions of other sections (people, displays): "person.add" → "Person add".
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The detail as lines of words. */
export function detailLines(entry: Pick<AuditEntryView, 'action' | 'target' | 'detail'>): string[] {
  const { detail } = entry;
  if (isRecord(detail) && Array.isArray(detail.changes)) {
    const lines = detail.changes.filter((c): c is string => typeof c === 'string');
    return lines.length > 0 ? lines : [t('settings.audit.noChange')];
  }
  if (entry.action === 'export' && isRecord(detail)) {
    const range = detail.from === detail.to ? String(detail.from) : t('settings.audit.range', { from: String(detail.from), to: String(detail.to) });
    const resolutionKey = RESOLUTION_WORDS[String(detail.resolution)];
    const resolution = resolutionKey === undefined ? String(detail.resolution) : t(resolutionKey);
    const space = isRecord(detail.space) ? t('settings.audit.space', { name: String(detail.space.name) }) : null;
    const devices = Array.isArray(detail.devices) ? t('settings.audit.devices', { ids: detail.devices.join(', ') }) : t('settings.audit.everyDevice');
    return [t('settings.audit.export', { range, resolution, what: space ?? devices })];
  }
  if (detail === null || detail === undefined) return entry.target === null ? [] : [entry.target];
  if (isRecord(detail)) {
    return Object.entries(detail).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return [JSON.stringify(detail)];
}

/** When, in the site's zone and the active language, 24-hour: "26 Nov 2026, 11:15", "26. Nov. 2026, 11:15", "2026. nov. 26. 11:15". */
export function auditTime(at: string, timeZone: string | undefined, locale?: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(locale ?? activeLocale(), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}
