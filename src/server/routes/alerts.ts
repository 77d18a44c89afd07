// Alerts over HTTP: GET /api/alerts/recent (staff, admins, the open demo), GET /api/admin/alerts/log
// and POST /api/admin/alerts/test (admins), and the checks PUT /api/admin/settings/alerts needs
// beyond its schema (spaces and displays that exist, webhook URLs, email only with SMTP_URL).
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import {
  ALERT_LOG_SIZE,
  type AlertEvent,
  type AlertLogEntry,
  alertsSettingsSchema,
  alertTestRequestSchema,
  type ChannelConfig,
  recentAlertsQuerySchema,
  type RuleConfig,
} from '@/shared/alerts-schema';
import { zonedIso } from '@/shared/zoned';
import { requireAdmin, requireStaff } from '../access';
import { alertWords } from '../alerts/alert-words';
import { webhookUrlProblem } from '../alerts/channels';
import type { AppDeps } from '../app-deps';
import { ApiHttpError, badRequestFrom } from '../http-error';

type Deps = Pick<AppDeps, 'alerts' | 'settings' | 'site' | 'occupancy' | 'displays' | 'now'>;

/** Newest first, at most this many. */
export const RECENT_ALERTS = 50;

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiHttpError(400, 'bad_request', 'The request body is not JSON.');
  }
}

const refuse = (field: string, message: string) => new ApiHttpError(400, 'bad_request', `${field} ${message}.`, field);

/** A channel this server cannot send through: a 400 naming the field (`prefix` + its own). */
function checkChannel(deps: Deps, channel: ChannelConfig, prefix: string) {
  if (channel.type === 'email' && !deps.alerts.emailEnabled) {
    throw refuse(`${prefix}type`, 'is email, but the server has no SMTP_URL: set SMTP_URL and ALERT_EMAIL_FROM to send alerts by email');
  }
  if (channel.type === 'webhook') {
    const problem = webhookUrlProblem(channel.url, deps.alerts.allowHttp);
    if (problem !== null) throw refuse(`${prefix}url`, problem);
  }
}

/** The space ids rules may name: the configured ones, else the default tree's (`site`, `device-<id>`). */
async function spaceIds(deps: Deps): Promise<{ ids: Set<string>; devicePattern: boolean }> {
  const { site } = deps.settings.current();
  if (site.spaces !== undefined) return { ids: new Set(site.spaces.map((s) => s.id)), devicePattern: false };
  const ids = new Set(['site', ...site.devices.map((d) => `device-${d.id}`)]);
  try {
    for (const space of (await deps.occupancy.current()).spaces) ids.add(space.id);
    return { ids, devicePattern: false };
  } catch {
    // No answer to read the doors from: any device space is taken on trust.
    return { ids, devicePattern: true };
  }
}

async function checkRules(deps: Deps, rules: readonly RuleConfig[]) {
  if (rules.length === 0) return;
  const spaces = await spaceIds(deps);
  rules.forEach((rule, i) => {
    if ((rule.type === 'nearly_full' || rule.type === 'full') && !spaces.ids.has(rule.space) && !(spaces.devicePattern && /^device-\d+$/.test(rule.space))) {
      throw refuse(`rules.${i}.space`, `names "${rule.space}", which is not a space (the spaces are ${[...spaces.ids].join(', ')})`);
    }
    if (rule.type === 'display_offline' && rule.display !== undefined) {
      const display = deps.displays.get(rule.display);
      if (display === undefined) throw refuse(`rules.${i}.display`, `names "${rule.display}", which is not a display link`);
      if (display.revokedAt !== null) throw refuse(`rules.${i}.display`, `names the display link "${display.name}", which is revoked`);
    }
  });
}

/** Before PUT /api/admin/settings/alerts (after its admin guard): what the schema alone cannot know. */
export function alertsSettingsCheck(deps: Deps): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'PUT') {
      // A body the schema refuses is the settings route's to answer (same words as ever).
      const parsed = alertsSettingsSchema.safeParse(await jsonBody(c));
      if (parsed.success) {
        parsed.data.channels.forEach((channel, i) => checkChannel(deps, channel, `channels.${i}.`));
        await checkRules(deps, parsed.data.rules);
      }
    }
    await next();
  };
}

export function alertsRoutes(deps: Deps) {
  return new Hono().get('/recent', requireStaff, (c) => {
    const parsed = recentAlertsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw badRequestFrom(parsed.error, 'The query');
    return c.json({ alerts: deps.alerts.alertStore.recent(parsed.data.after, RECENT_ALERTS) }, 200);
  });
}

export function adminAlertsRoutes(deps: Deps) {
  // Each route carries its own guard: a `use('*')` here would cover every /api/admin path.
  return new Hono()
    .get('/log', requireAdmin, (c) => {
      const body: { entries: AlertLogEntry[] } = { entries: deps.alerts.alertStore.log(ALERT_LOG_SIZE) };
      return c.json(body, 200);
    })
    .post('/test', requireAdmin, async (c) => {
      const parsed = alertTestRequestSchema.safeParse(await jsonBody(c));
      if (!parsed.success) throw badRequestFrom(parsed.error, 'The request');
      const { channel } = parsed.data;
      checkChannel(deps, channel, 'channel.');
      const event: AlertEvent = {
        rule: 'test',
        space: null,
        spaceName: null,
        occupancy: null,
        capacity: null,
        state: 'test',
        at: zonedIso(deps.now(), deps.settings.current().timezone),
        text: alertWords.test(deps.settings.current().locale, deps.site().siteName),
        resolved: false,
      };
      return c.json(await deps.alerts.deliveries.test(channel, event), 200);
    });
}
