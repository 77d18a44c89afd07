// The BFF's HTTP surface: our API under /api, health probes, security headers on every answer,
// and one error handler that turns every failure into our JSON error shape (never HTML, never a
// stack trace, never the key). Static files of the SPA are added by main.ts.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps';
import { ApiHttpError, errorResponse } from './http-error';
import { configRoutes } from './routes/config';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { occupancyRoutes } from './routes/occupancy';
import { UpstreamError } from './upstream/upstream-error';

export function createApp(deps: AppDeps) {
  const app = new Hono();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );

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

  const routes = app
    .route('/api/occupancy', occupancyRoutes(deps))
    .route('/api/config', configRoutes(deps))
    .route('/api/export', exportRoutes(deps))
    .route('/api/history', historyRoutes(deps))
    .route('/', healthRoutes(deps));

  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', 'There is no such API endpoint.'));

  app.onError((error, c) => {
    if (error instanceof ApiHttpError) return errorResponse(c, error.status, error.code, error.message, error.field);
    if (error instanceof UpstreamError) return errorResponse(c, error.status, error.code, error.message);
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, error.status, 'bad_request', error.message || 'The request is not valid.');
    }
    deps.logger.error({ err: { name: error.name, message: deps.client.redact(error.message) } }, 'unexpected error');
    return errorResponse(c, 500, 'internal', 'Something went wrong on the server. Try again in a moment.');
  });

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
