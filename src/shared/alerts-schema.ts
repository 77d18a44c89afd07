// Alerts: the channels and rules an admin configures (provisioning file `alerts`, Settings ▸
// Alerts), and the API shapes of the alert log, the recent alerts staff see and the test send.
// Shared by the BFF and the screens.
import { z } from 'zod';
import { spaceIdSchema } from './spaces';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 lower-case letters, digits, "-" or "_", starting with a letter or digit');

export const WEBHOOK_FORMATS = ['json', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/**
 * A webhook's URL. https, or http on loopback (127.0.0.1, ::1, localhost); the server refuses
 * other http URLs unless ALERT_WEBHOOK_ALLOW_HTTP is set (checked there, not here).
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'is not a web address such as https://hooks.example.org/abc');

export const webhookChannelSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1).max(80).optional(),
    type: z.literal('webhook'),
    url: webhookUrlSchema,
    format: z.enum(WEBHOOK_FORMATS, { error: 'must be "json", "slack" or "teams"' }).default('json'),
  })
  .strict();

export const emailChannelSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1).max(80).optional(),
    type: z.literal('email'),
    to: z
      .array(z.email({ error: 'is not an email address' }))
      .min(1, 'names no recipient')
      .max(20),
  })
  .strict();

export const channelSchema = z.discriminatedUnion('type', [webhookChannelSchema, emailChannelSchema], {
  error: 'type must be "webhook" or "email"',
});
export type ChannelConfig = z.output<typeof channelSchema>;

export const RULE_TYPES = ['nearly_full', 'full', 'door_silent', 'data_stale', 'display_offline'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const DEFAULT_COOLDOWN_MINUTES = 15;
/** A capacity rule re-arms only after the count falls this many points of capacity below its threshold. */
export const REARM_POINTS = 5;

const ruleBase = {
  id: idSchema.optional(),
  /** Channel ids; browser notifications for signed-in staff need no channel. */
  channels: z.array(idSchema).max(10).default([]),
  cooldownMinutes: z.number().int().min(0).max(1440).default(DEFAULT_COOLDOWN_MINUTES),
};
const minutes = z.number().int().min(1, 'must be at least 1 minute').max(10_080, 'must be at most a week (10080 minutes)');

export const ruleSchema = z.discriminatedUnion(
  'type',
  [
    /** The space's count crosses its nearly-full threshold (the space's `nearlyFull`, default 0.8 of capacity). */
    z.object({ ...ruleBase, type: z.literal('nearly_full'), space: spaceIdSchema }).strict(),
    /** The space's count reaches its capacity. */
    z.object({ ...ruleBase, type: z.literal('full'), space: spaceIdSchema }).strict(),
    /** A door (device) counted nothing for `minutes` while the site was open. */
    z.object({ ...ruleBase, type: z.literal('door_silent'), device: z.number().int().positive(), minutes }).strict(),
    /** No live count (the vendor failing) for `minutes`. */
    z.object({ ...ruleBase, type: z.literal('data_stale'), minutes }).strict(),
    /** A display link silent for `minutes` while open; without `display`, every display link. */
    z.object({ ...ruleBase, type: z.literal('display_offline'), display: z.string().min(1).max(64).optional(), minutes }).strict(),
  ],
  { error: `type must be one of ${RULE_TYPES.join(', ')}` },
);
export type RuleConfig = z.output<typeof ruleSchema>;

export const alertsSettingsSchema = z
  .object({
    channels: z.array(channelSchema).max(20).default([]),
    rules: z.array(ruleSchema).max(200).default([]),
  })
  .strict()
  .superRefine((alerts, ctx) => {
    const channelIds = new Set<string>();
    alerts.channels.forEach((c, i) => {
      if (channelIds.has(c.id)) ctx.addIssue({ code: 'custom', path: ['channels', i, 'id'], message: `"${c.id}" is the id of another channel too` });
      channelIds.add(c.id);
    });
    const ruleIds = new Set<string>();
    alerts.rules.forEach((r, i) => {
      if (r.id !== undefined) {
        if (ruleIds.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `"${r.id}" is the id of another rule too` });
        ruleIds.add(r.id);
      }
      r.channels.forEach((id, j) => {
        if (!channelIds.has(id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'channels', j], message: `names "${id}", which is not a channel id` });
      });
    });
  });
export type AlertsSettings = z.output<typeof alertsSettingsSchema>;
export const DEFAULT_ALERTS: AlertsSettings = { channels: [], rules: [] };

/** One alert as it happened: the body of a `json` webhook, and what staff see. */
export const alertEventSchema = z.object({
  rule: z.enum([...RULE_TYPES, 'test']),
  ruleId: z.string().optional(),
  /** The space (capacity rules), else null. */
  space: z.string().nullable(),
  spaceName: z.string().nullable(),
  occupancy: z.number().nullable(),
  capacity: z.number().nullable(),
  /** The space's level at that moment ("nearly_full", "full", …) or the condition ("silent", "stale", "offline"). */
  state: z.string(),
  /** ISO instant with the site's offset, e.g. 2026-11-29T14:05:00+01:00. */
  at: z.string(),
  /** One sentence for people: "Café is nearly full: 33 of 40." */
  text: z.string(),
  /** A "resolved" message: the condition has ended. */
  resolved: z.boolean(),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;

/** GET /api/alerts/recent (staff and admins): the newest alerts first, at most 50, since `after` if given. */
export const recentAlertSchema = alertEventSchema.extend({ id: z.number().int() });
export type RecentAlert = z.infer<typeof recentAlertSchema>;
export const recentAlertsSchema = z.object({ alerts: z.array(recentAlertSchema) });
export const recentAlertsQuerySchema = z.object({
  after: z.coerce.number().int().min(0, 'must be an alert id, a whole number').optional(),
});

export const DELIVERY_STATUSES = ['sent', 'retrying', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** GET /api/admin/alerts/log (admins): the last 100 deliveries, newest first. */
export const alertLogEntrySchema = z.object({
  id: z.number().int(),
  /** When the alert happened. */
  at: z.string(),
  /** The latest attempt; null before the first. */
  attemptedAt: z.string().nullable(),
  channel: z.string(),
  channelType: z.enum(['webhook', 'email']),
  rule: z.enum([...RULE_TYPES, 'test']),
  ruleId: z.string().nullable(),
  text: z.string(),
  resolved: z.boolean(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  /** Why the last attempt failed ("HTTP 500", "timed out after 10 s", "SMTP 550 …"); null when sent. */
  reason: z.string().nullable(),
  /** When it is tried again (retrying only). */
  nextAttemptAt: z.string().nullable(),
});
export type AlertLogEntry = z.infer<typeof alertLogEntrySchema>;
export const alertLogSchema = z.object({ entries: z.array(alertLogEntrySchema) });
export const ALERT_LOG_SIZE = 100;

/** POST /api/admin/alerts/test: sends a test message through a channel as entered (saved or not). */
export const alertTestRequestSchema = z.object({ channel: channelSchema }).strict();
/** 200 either way: `ok` false with the reason when the channel refused or did not answer. */
export const alertTestResultSchema = z.object({ ok: z.boolean(), reason: z.string().nullable() });
export type AlertTestResult = z.infer<typeof alertTestResultSchema>;
