// The BFF's HTTP surface: our API under /api, health probes, security headers on every answer,
// and one error handler that turns every failure into our JSON error shape (never HTML, never a
// stack trace, never the key). Static files of the SPA are added by main.ts.
import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps';
import { ApiHttpError, errorResponse } from './http-error';
import { configRoutes } from './routes/config';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { UpstreamError } from './upstream/upstream-error';
import { upstreamErrorResponse } from './upstream-error-response';

export function createApp(deps: AppDeps) {
  const app = new Hono();

  const security = secureHeaders({
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
  });

  // Every screen asks for this every few seconds, so it is answered before the middleware chain:
  // the cached JSON text with headers prepared once (Hono's own security headers, taken from a
  // probe answer, plus ours), a plain object that the Node adapter writes without conversion.
  // The routes below get the same security headers from the middleware.
  const hotHeaders = headersOf(security).then((pairs) => ({
    ...Object.fromEntries(pairs),
    'content-type': 'application/json',
    'cache-control': 'no-store',
  }));
  app.get('/api/occupancy', async (c) => {
    const headers = await hotHeaders;
    try {
      return new Response((await deps.occupancy.answer()).json, { status: 200, headers });
    } catch (error) {
      // The error answer (from onError) carries the same headers.
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      throw error;
    }
  });

  app.use('*', security);

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
    .route('/api/config', configRoutes(deps))
    .route('/api/export', exportRoutes(deps))
    .route('/api/history', historyRoutes(deps))
    .route('/', healthRoutes(deps));

  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', 'There is no such API endpoint.'));

  app.onError((error, c) => {
    if (error instanceof ApiHttpError) return errorResponse(c, error.status, error.code, error.message, error.field);
    if (error instanceof UpstreamError) return upstreamErrorResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, error.status, 'bad_request', error.message || 'The request is not valid.');
    }
    deps.logger.error({ err: { name: error.name, message: deps.client.redact(error.message) } }, 'unexpected error');
    return errorResponse(c, 500, 'internal', 'Something went wrong on the server. Try again in a moment.');
  });

  return routes;
}

export type AppType = ReturnType<typeof createApp>;

/** The headers a middleware adds to an empty answer. */
async function headersOf(middleware: MiddlewareHandler): Promise<[string, string][]> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  return [...res.headers].filter(([name]) => !['content-type', 'content-length'].includes(name));
}
