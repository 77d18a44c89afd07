// The BFF's HTTP surface: our API under /api, health probes, security headers, and one error
// handler for our JSON error shape. The SPA's files are added by compose.ts.
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { Hono } from 'hono';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { accessMiddleware, requireAdmin, requireStaff, requireStaffOrDisplay } from './access';
import type { AppDeps } from './app-deps';
import { isHttps, type RequestInfo } from './client-info';
import { compressJson } from './compression';
import { ApiHttpError, errorResponse } from './http-error';
import { adminDisplayRoutes } from './routes/admin-displays';
import { adminPeopleRoutes } from './routes/admin-people';
import { adminSettingsRoutes } from './routes/admin-settings';
import { adminAlertsRoutes, alertsRoutes, alertsSettingsCheck } from './routes/alerts';
import { configRoutes } from './routes/config';
import { displaySessionRoutes } from './routes/display-session';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { createOccupancyReplies, occupancyFastPath, occupancyHandler, type OccupancyReplies } from './routes/occupancy';
import { publicRoutes } from './routes/public';
import { publicSettingsRoutes } from './routes/public-settings';
import { sessionRoutes } from './routes/session';
import { HSTS, securityHeaders } from './security-headers';
import { siteDisplayName } from './site-config';
import { UpstreamError } from './upstream/upstream-error';
import { upstreamErrorResponse } from './upstream-error-response';

export function createApp(deps: AppDeps) {
  const app = new Hono();

  const getPublic = () => deps.settings.current().public;
  const security = securityHeaders({ publicOrigins: () => (getPublic().enabled ? getPublic().allowOrigins : []) });
  const trustProxy = deps.trustProxy ?? false;
  const https = (c: RequestInfo) => isHttps(c, trustProxy);

  // Every screen asks for this every few seconds: answered before the middleware chain, and in
  // the Node server before Hono where it can (serverWithFastPath; docs/decisions/015).
  const replies = createOccupancyReplies(deps, { security, https });
  app.get('/api/occupancy', occupancyHandler(replies));

  app.use('*', security);
  app.use('*', async (c, next) => {
    if (https(c)) c.header('Strict-Transport-Security', HSTS);
    await next();
  });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    const path = c.req.path;
    if (path.startsWith('/api/') || c.res.status >= 400) {
      deps.logger.info({ method: c.req.method, path, status: c.res.status, ms }, 'request');
    }
  });

  app.use('/api/*', async (c, next) => {
    // Set before the handler: a header added after it would rebuild the finished response.
    c.header('Cache-Control', 'no-store');
    await next();
  });
  // The CSV export streams large files at full speed and is left as it is; other JSON is
  // compressed above 1 KB.
  app.use('/api/*', except(['/api/export', '/api/export/*'], compressJson()));

  // Who is asking, the setup rule and the same-origin rule, then each route's own guard.
  app.use(
    '/api/*',
    accessMiddleware(deps.access, trustProxy, (method, path) => allowedMethods(app, path).includes(method)),
  );
  for (const path of ['/api/config', '/api/config/*']) app.use(path, requireStaffOrDisplay);
  for (const path of ['/api/export', '/api/export/*', '/api/history', '/api/history/*']) app.use(path, requireStaff);
  for (const path of ['/api/admin/people', '/api/admin/people/*']) app.use(path, requireAdmin);
  app.use('/api/admin/settings/public', requireAdmin);
  app.use('/api/admin/settings/alerts', requireAdmin, alertsSettingsCheck(deps));

  const routes = app
    .route('/api', sessionRoutes({ ...deps, demo: deps.demo, trustProxy, https }))
    .route('/api/config', configRoutes(deps))
    .route('/api/admin', adminSettingsRoutes(deps))
    .route('/api/export', exportRoutes(deps))
    .route('/api/history', historyRoutes(deps))
    .route('/api/admin/displays', adminDisplayRoutes(deps))
    .route('/api/display', displaySessionRoutes({ ...deps, trustProxy, https }))
    .route('/api/admin/people', adminPeopleRoutes({ ...deps, trustProxy }))
    .route('/api/admin/settings/public', publicSettingsRoutes(deps))
    .route('/api/alerts', alertsRoutes(deps))
    .route('/api/admin/alerts', adminAlertsRoutes(deps))
    .route(
      '/api/public',
      publicRoutes({
        ...deps,
        getPublic,
        siteName: () => siteDisplayName(deps.settings.current().site, deps.demo),
        locale: () => deps.settings.current().locale,
      }),
    )
    .route('/', healthRoutes(deps));
  fastPaths.set(routes, replies);

  app.all('/api/*', (c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length === 0) return errorResponse(c, 404, 'not_found', 'There is no such API endpoint.');
    c.header('Allow', allowed.join(', '));
    return errorResponse(c, 405, 'method_not_allowed', `This endpoint answers ${allowed.join(', ')} only.`);
  });

  app.onError((error, c) => {
    if (error instanceof ApiHttpError) {
      if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
      return errorResponse(c, error.status, error.code, error.message, error.field);
    }
    if (error instanceof UpstreamError) return upstreamErrorResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, error.status, 'bad_request', error.message || 'The request is not valid.');
    }
    deps.logger.error({ err: { name: error.name, message: deps.client.redact(error.message) } }, 'unexpected error');
    return errorResponse(c, 500, 'internal', 'Something went wrong on the server. Try again in a moment.');
  });

  return routes;
}

const fastPaths = new WeakMap<Hono, OccupancyReplies>();

/**
 * For `serve({ createServer })` of @hono/node-server: a node:http server whose request listener
 * answers GET /api/occupancy itself and hands everything else to Hono's listener.
 */
export function serverWithFastPath(app: Hono): typeof createServer {
  const replies = fastPaths.get(app);
  if (replies === undefined) throw new Error('serverWithFastPath: this app was not made by createApp');
  return ((options: ServerOptions, listener: RequestListener) => createServer(options, occupancyFastPath(replies, listener))) as typeof createServer;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods that have an API route at this path (not a middleware, nor the SPA's catch-all). */
function allowedMethods(app: Hono, path: string): string[] {
  return METHODS.filter((method) => {
    const [matches] = app.router.match(method, path);
    return matches.some(([[, route]]) => route.method === method && route.path.startsWith('/api/'));
  });
}
