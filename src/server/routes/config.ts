// GET /api/config: what the UI may know about the site. Never a secret. Made again when the
// settings change (the site view is new), not per request.
import { Hono } from 'hono';
import type { Config } from '@/shared/api-schema';
import { EXPORT_MAX_DAYS } from '@/shared/export-query';
import { principalOf } from '../access';
import type { AppDeps } from '../app-deps';
import { configFor } from '../displays/display-scope';
import type { SiteView } from '../settings/site-view';

export function configRoutes(deps: AppDeps) {
  const bodyOf = (view: SiteView): Config => ({
    siteName: view.siteName,
    timezone: view.timezone,
    dayStart: view.dayStart,
    weekStartsOn: deps.weekStartsOn,
    pollIntervalMs: deps.pollIntervalMs,
    authBackoffSeconds: deps.authBackoffSeconds,
    demo: deps.demo,
    siteCapacity: view.site.siteCapacity ?? null,
    devices: view.site.devices.map((d) => ({ id: d.id, label: d.label ?? null, capacity: d.capacity ?? null, timezone: d.timezone ?? null })),
    spaces: view.spaces,
    buildId: deps.buildId,
    exportMaxDays: EXPORT_MAX_DAYS,
    settingsVersion: view.version,
    openingHours: view.openingHours,
    locale: view.locale,
  });
  let made: { view: SiteView; body: Config } | null = null;
  const body = () => {
    const view = deps.site();
    if (made?.view !== view) made = { view, body: bodyOf(view) };
    return made.body;
  };
  return new Hono().get('/', (c) => {
    const principal = principalOf(c);
    // A display gets only its own spaces' names and doors.
    return c.json(configFor(body(), principal.kind === 'display' ? principal : null), 200);
  });
}
