// GET /healthz (the process answers) and GET /readyz (the vendor answered and accepted the key
// recently). readyz goes through the occupancy service, so probes never add vendor calls, and
// answers within a second whatever the vendor does (not_ready while the vendor is still silent).
import { Hono } from 'hono';
import type { Ready } from '@/shared/api-schema';
import type { AppDeps } from '../app-deps';

/** Longest a readiness probe waits for a vendor call under way (probes time out after about a second). */
export const READY_WAIT_MS = 750;

export function healthRoutes(deps: AppDeps) {
  const startedAt = Date.now();
  return new Hono()
    .get('/healthz', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'ok' as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }, 200);
    })
    .get('/readyz', async (c) => {
      c.header('Cache-Control', 'no-store');
      let timer: NodeJS.Timeout | undefined;
      const fresh = await Promise.race([
        deps.occupancy.current().then(
          (body) => !body.stale,
          () => false,
        ),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), READY_WAIT_MS))),
      ]);
      clearTimeout(timer);
      // A probe needs only the status; the vendor's health in detail is for people who may see it.
      const { principal } = await deps.access.resolve(c).catch(() => ({ principal: { kind: 'nobody' as const } }));
      if (principal.kind === 'nobody' || principal.kind === 'display') return c.json({ status: fresh ? 'ready' : 'not_ready' }, fresh ? 200 : 503);
      const health = deps.occupancy.health();
      const body: Ready = {
        status: fresh ? 'ready' : 'not_ready',
        demo: deps.demo,
        lastSuccessAt: health.lastSuccessAt?.toISOString() ?? null,
        lastError: health.lastError === null ? null : { ...health.lastError, at: health.lastError.at.toISOString() },
      };
      return c.json(body, fresh ? 200 : 503);
    });
}
