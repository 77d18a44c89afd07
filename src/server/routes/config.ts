// GET /api/config: what the UI may know about the site. Never a secret.
import { Hono } from 'hono';
import type { Config } from '@/shared/api-schema';
import { EXPORT_MAX_DAYS } from '@/shared/export-query';
import { orderSpaces } from '@/shared/spaces';
import { principalOf } from '../access';
import type { AppDeps } from '../app-deps';
import { configFor } from '../displays/display-scope';
import { siteDisplayName } from '../site-config';

export function configRoutes(deps: AppDeps) {
  const body: Config = {
    siteName: siteDisplayName(deps.site, deps.demo),
    timezone: deps.timezone,
    dayStart: deps.dayStart,
    weekStartsOn: deps.weekStartsOn,
    pollIntervalMs: deps.pollIntervalMs,
    authBackoffSeconds: deps.authBackoffSeconds,
    demo: deps.demo,
    siteCapacity: deps.site.siteCapacity ?? null,
    devices: deps.site.devices.map((d) => ({ id: d.id, label: d.label ?? null, capacity: d.capacity ?? null, timezone: d.timezone ?? null })),
    spaces: deps.site.spaces === undefined ? null : orderSpaces(deps.site.spaces),
    buildId: deps.buildId,
    exportMaxDays: EXPORT_MAX_DAYS,
  };
  return new Hono().get('/', (c) => {
    const principal = principalOf(c);
    // A display gets only its own spaces' names and doors.
    return c.json(configFor(body, principal.kind === 'display' ? principal : null), 200);
  });
}
