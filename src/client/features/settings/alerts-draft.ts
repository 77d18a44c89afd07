// Settings ▸ Alerts' form state, as pure functions: channels and rules added, changed and removed
// (a removed channel leaves no rule naming it), the capacity toggles per space, the recipients
// typed as text, and every problem keyed by the path the server names (`channels.0.url`).
import { activeLanguage, t } from '@/client/i18n/i18n';
import {
  type AlertsSettings,
  alertsSettingsSchema,
  type ChannelConfig,
  DEFAULT_COOLDOWN_MINUTES,
  type RuleConfig,
  type RuleType,
} from '@/shared/alerts-schema';

export type CapacityRuleType = Extract<RuleType, 'nearly_full' | 'full'>;
export type OtherRuleType = Exclude<RuleType, CapacityRuleType>;
export const CAPACITY_RULES: readonly CapacityRuleType[] = ['nearly_full', 'full'];
/** A new "silent" rule's minutes: long enough that a quiet hour is no alarm. */
export const DEFAULT_RULE_MINUTES: Record<OtherRuleType, number> = { door_silent: 60, data_stale: 15, display_offline: 15 };

/** An id no channel has yet: webhook-1, email-2 … */
export function newChannelId(type: ChannelConfig['type'], channels: readonly ChannelConfig[]): string {
  const taken = new Set(channels.map((c) => c.id));
  let n = 1;
  while (taken.has(`${type}-${n}`)) n++;
  return `${type}-${n}`;
}

export function addChannel(draft: AlertsSettings, type: ChannelConfig['type']): AlertsSettings {
  const id = newChannelId(type, draft.channels);
  const channel: ChannelConfig = type === 'webhook' ? { id, type, url: '', format: 'json' } : { id, type, to: [] };
  return { ...draft, channels: [...draft.channels, channel] };
}

export function changeChannel(draft: AlertsSettings, index: number, channel: ChannelConfig): AlertsSettings {
  return { ...draft, channels: draft.channels.map((c, i) => (i === index ? channel : c)) };
}

/** Removes a channel, and its id from every rule. */
export function removeChannel(draft: AlertsSettings, index: number): AlertsSettings {
  const id = draft.channels[index]?.id;
  return {
    channels: draft.channels.filter((_, i) => i !== index),
    rules: draft.rules.map((r) => (r.channels.includes(id ?? '') ? { ...r, channels: r.channels.filter((c) => c !== id) } : r)),
  };
}

/** The index of a space's capacity rule of that type, or -1. */
export function capacityRuleIndex(draft: AlertsSettings, space: string, type: CapacityRuleType): number {
  return draft.rules.findIndex((r) => r.type === type && 'space' in r && r.space === space);
}

/** Turns a space's nearly-full or full alert on (to every channel) or off. */
export function toggleCapacityRule(draft: AlertsSettings, space: string, type: CapacityRuleType, on: boolean): AlertsSettings {
  const index = capacityRuleIndex(draft, space, type);
  if (on === index >= 0) return draft;
  if (!on) return { ...draft, rules: draft.rules.filter((_, i) => i !== index) };
  const rule: RuleConfig = { type, space, channels: draft.channels.map((c) => c.id), cooldownMinutes: DEFAULT_COOLDOWN_MINUTES };
  return { ...draft, rules: [...draft.rules, rule] };
}

export function addOtherRule(draft: AlertsSettings, type: OtherRuleType, firstDevice: number | undefined): AlertsSettings {
  const base = { channels: draft.channels.map((c) => c.id), cooldownMinutes: DEFAULT_COOLDOWN_MINUTES, minutes: DEFAULT_RULE_MINUTES[type] };
  const rule: RuleConfig = type === 'door_silent' ? { ...base, type, device: firstDevice ?? 1 } : type === 'data_stale' ? { ...base, type } : { ...base, type };
  return { ...draft, rules: [...draft.rules, rule] };
}

export function changeRule(draft: AlertsSettings, index: number, rule: RuleConfig): AlertsSettings {
  return { ...draft, rules: draft.rules.map((r, i) => (i === index ? rule : r)) };
}

export function removeRule(draft: AlertsSettings, index: number): AlertsSettings {
  return { ...draft, rules: draft.rules.filter((_, i) => i !== index) };
}

/** Recipients typed one per line or separated by commas, spaces or semicolons. */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The problems the server would find with its own schema, keyed by path (`channels.0.url`), in
 * words that stand beside the field ("is not an email address"). The server's extra checks
 * (spaces, displays, SMTP configured) come back from the save with their field.
 */
export function draftProblems(draft: AlertsSettings): Record<string, string> {
  const checked = alertsSettingsSchema.safeParse(draft);
  const problems: Record<string, string> = {};
  if (checked.success) return problems;
  for (const issue of checked.error.issues) {
    const path = issue.path.join('.');
    const recipient = /^(channels\.(\d+)\.to)\.(\d+)$/.exec(path);
    if (recipient) {
      // An address in a recipients list: one field on the screen, the message says which address.
      const channel = draft.channels[Number(recipient[2])];
      const address = channel?.type === 'email' ? channel.to[Number(recipient[3])] : undefined;
      problems[recipient[1]!] ??= t('settings.alerts.problem.email', { address: address ?? '' });
    } else {
      problems[path] ??= issueWords(draft, path, issue.code);
    }
  }
  return problems;
}

/**
 * The shared schema's rule for a field, in the screen's words (the schema's own messages are
 * English and name the field's path): by the field and the kind of issue.
 */
function issueWords(draft: AlertsSettings, path: string, code: string): string {
  const field = path.split('.').at(-1) ?? '';
  if (/^channels\.\d+\.url$/.test(path)) {
    return urlOf(draft, Number(path.split('.')[1])) === '' ? t('settings.alerts.problem.urlEmpty') : t('settings.alerts.problem.url');
  }
  if (/^channels\.\d+\.to$/.test(path)) return code === 'too_big' ? t('settings.alerts.problem.tooManyRecipients') : t('settings.alerts.problem.noRecipient');
  if (/^channels\.\d+\.name$/.test(path)) return t('settings.alerts.problem.name');
  if (/^rules\.\d+\.channels\.\d+$/.test(path)) return t('settings.alerts.problem.channelGone');
  if (field === 'minutes') {
    if (code === 'too_big') return t('settings.alerts.problem.minutesMax');
    return code === 'too_small' ? t('settings.alerts.problem.minutesMin') : t('settings.alerts.problem.minutesNumber');
  }
  if (field === 'cooldownMinutes') return t('settings.alerts.problem.cooldown');
  return t('settings.alerts.problem.invalid');
}

function urlOf(draft: AlertsSettings, index: number): string | undefined {
  const channel = draft.channels[index];
  return channel?.type === 'webhook' ? channel.url.trim() : undefined;
}

/**
 * A server message names its field first ("channels.0.url is not …."): beside the field, the rest
 * says it. The server speaks English: in another language the screen says that it refused the value.
 */
export function messageAtField(message: string, field: string): string {
  if (activeLanguage() !== 'en') return t('settings.problem.fieldRefused');
  const rest = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
  return rest.replace(/\.$/, '');
}

/** What a rule is about, as one key: two rules with the same key are one rule changed. */
function ruleKey(rule: RuleConfig): string {
  return [rule.type, 'space' in rule ? rule.space : '', 'device' in rule ? rule.device : '', 'display' in rule ? (rule.display ?? '*') : ''].join('|');
}

export interface ChangeNames {
  channel: (channel: ChannelConfig) => string;
  rule: (rule: RuleConfig) => string;
}

/**
 * What saving would change, in the words of the screen ("Adds the channel “Ops Slack”", "Turns
 * on: Café · Nearly full"), for the SaveBar; the audit log keeps the server's own lines.
 */
export function alertsChangeWords(saved: AlertsSettings, draft: AlertsSettings, names: ChangeNames): string[] {
  const lines: string[] = [];
  const before = new Map(saved.channels.map((c) => [c.id, c]));
  const after = new Map(draft.channels.map((c) => [c.id, c]));
  for (const c of draft.channels) {
    const old = before.get(c.id);
    if (old === undefined) lines.push(t('settings.alerts.change.addChannel', { name: names.channel(c) }));
    else if (JSON.stringify(old) !== JSON.stringify(c)) lines.push(t('settings.alerts.change.changeChannel', { name: names.channel(c) }));
  }
  for (const c of saved.channels) if (!after.has(c.id)) lines.push(t('settings.alerts.change.removeChannel', { name: names.channel(c) }));
  const oldRules = new Map(saved.rules.map((r) => [ruleKey(r), r]));
  const newRules = new Map(draft.rules.map((r) => [ruleKey(r), r]));
  for (const [key, r] of newRules) {
    const old = oldRules.get(key);
    if (old === undefined) lines.push(t('settings.alerts.change.ruleOn', { rule: names.rule(r) }));
    else if (JSON.stringify(old) !== JSON.stringify(r)) lines.push(t('settings.alerts.change.ruleChanged', { rule: names.rule(r) }));
  }
  for (const [key, r] of oldRules) if (!newRules.has(key)) lines.push(t('settings.alerts.change.ruleOff', { rule: names.rule(r) }));
  return lines;
}
