// An audit log entry in words: what was done and its detail, for the audit table. Pure, so the
// words are tested without a screen.
import type { AuditEntryView } from '@/shared/admin-settings-schema';

const RESOLUTION_WORDS: Record<string, string> = { '5min': 'every 5 minutes', hour: 'hourly', day: 'daily', month: 'monthly' };

const ACTION_WORDS: Record<string, string> = {
  'settings.site': 'Changed the site',
  'settings.spaces': 'Changed the spaces and doors',
  'settings.public': 'Changed the public view',
  export: 'Exported counts',
};

export function actionWords(action: string): string {
  if (ACTION_WORDS[action] !== undefined) return ACTION_WORDS[action];
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
    return lines.length > 0 ? lines : ['Saved without a change'];
  }
  if (entry.action === 'export' && isRecord(detail)) {
    const range = detail.from === detail.to ? String(detail.from) : `${String(detail.from)} to ${String(detail.to)}`;
    const resolution = RESOLUTION_WORDS[String(detail.resolution)] ?? String(detail.resolution);
    const space = isRecord(detail.space) ? `the space “${String(detail.space.name)}”` : null;
    const devices = Array.isArray(detail.devices) ? `devices ${detail.devices.join(', ')}` : 'every device';
    return [`${range}, ${resolution}, ${space ?? devices}`];
  }
  if (detail === null || detail === undefined) return entry.target === null ? [] : [entry.target];
  if (isRecord(detail)) {
    return Object.entries(detail).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return [JSON.stringify(detail)];
}

/** When, in the site's zone: "26 Nov 2026, 11:15". */
export function auditTime(at: string, timeZone: string | undefined, locale?: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(locale ?? 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}
