// The site's settings for admins: GET /api/admin/settings (the values in use and which ones the
// file or the environment locks), PUT /api/admin/settings/{site,spaces,hours,alerts} (validated like the file,
// written to the store and the audit log, live on every screen at the next poll; the public view's
// PUT is routes/public-settings.ts), and
// GET /api/admin/audit (the audit log, newest first, paged by id).
import { type Context, Hono } from 'hono';
import type { AdminSettings, AuditPage } from '@/shared/admin-settings-schema';
import { auditQuerySchema } from '@/shared/admin-settings-schema';
import { principalOf, requireAdmin } from '../access';
import type { AppDeps } from '../app-deps';
import { ApiHttpError } from '../http-error';
import type { SettingsKey } from '../settings/settings-service';
import { listAudit } from '../store/audit';

type Deps = Pick<AppDeps, 'settings' | 'store' | 'site'>;

export function adminSettingsAnswer(deps: Deps): AdminSettings {
  const current = deps.settings.current();
  const { site } = current;
  return {
    values: {
      siteName: site.siteName ?? null,
      shownName: deps.site().siteName,
      timezone: current.timezone,
      dayStart: current.dayStart,
      locale: current.locale,
      spaces: {
        ...(site.siteCapacity === undefined ? {} : { siteCapacity: site.siteCapacity }),
        devices: site.devices,
        ...(site.spaces === undefined ? {} : { spaces: site.spaces }),
      },
      public: current.public,
      openingHours: current.openingHours,
      alerts: current.alerts,
    },
    locked: deps.settings.locked(),
  };
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiHttpError(400, 'bad_request', 'The request body is not JSON.');
  }
}

export function adminSettingsRoutes(deps: Deps) {
  const put = (key: SettingsKey) => async (c: Context) => {
    await deps.settings.put(key, await jsonBody(c), principalOf(c));
    return c.json(adminSettingsAnswer(deps), 200);
  };
  // Each route carries its own guard: a `use('*')` here would cover every /api/admin path.
  return new Hono()
    .get('/settings', requireAdmin, (c) => c.json(adminSettingsAnswer(deps), 200))
    .put('/settings/site', requireAdmin, put('site'))
    .put('/settings/spaces', requireAdmin, put('spaces'))
    .put('/settings/hours', requireAdmin, put('hours'))
    .put('/settings/alerts', requireAdmin, put('alerts'))
    .get('/audit', requireAdmin, async (c) => {
      const parsed = auditQuerySchema.safeParse(c.req.query());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path[0] ?? 'before');
        throw new ApiHttpError(400, 'bad_request', `${field} ${issue?.message ?? 'is not valid'}.`, field);
      }
      const { before, limit } = parsed.data;
      const entries = await listAudit(deps.store, { limit, before });
      const body: AuditPage = {
        entries: entries.map(({ id, at, actor, action, target, detail }) => ({ id, at, actor, action, target, detail })),
        next: entries.length === limit ? (entries.at(-1)?.id ?? null) : null,
      };
      return c.json(body, 200);
    });
}
