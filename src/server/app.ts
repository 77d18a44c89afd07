// The BFF's HTTP surface: our API under /api, health probes, security headers on every answer,
// and one error handler that turns every failure into our JSON error shape (never HTML, never a
// stack trace, never the key). Static files of the SPA are added by compose.ts.
import { Hono, type MiddlewareHandler } from 'hono';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps';
import { isHttps, type RequestInfo, requestHeader } from './client-info';
import { chooseEncoding, COMPRESS_THRESHOLD, compressJson, createAnswerMemo, type Encoding } from './compression';
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
    // Sent by the middleware below, and only over https: on plain http it means nothing, and a
    // browser that met it on a TLS-terminated name must not be told so by an http answer.
    strictTransportSecurity: false,
  });
  const trustProxy = deps.trustProxy ?? false;
  const https = (c: RequestInfo) => isHttps(c, trustProxy);

  // Every screen asks for this every few seconds, so it is answered before the middleware chain:
  // the cached JSON text with headers prepared once (Hono's own security headers, taken from a
  // probe answer, plus ours), a plain object that the Node adapter writes without conversion.
  // Compressed bytes are kept for the last answer text, so a burst of screens costs one
  // compression per encoding. The routes below get the same headers from the middleware.
  const baseHeaders = headersOf(security).then((pairs) => ({
    ...Object.fromEntries(pairs),
    'content-type': 'application/json',
    'cache-control': 'no-store',
    vary: 'Accept-Encoding',
  }));
  const hotHeaders = new Map<string, Promise<Record<string, string>>>();
  const headersFor = (secure: boolean, encoding: Encoding | null) => {
    const key = `${secure}:${encoding}`;
    let headers = hotHeaders.get(key);
    if (headers === undefined) {
      headers = baseHeaders.then((base) => ({
        ...base,
        ...(secure ? { 'strict-transport-security': HSTS } : {}),
        ...(encoding === null ? {} : { 'content-encoding': encoding }),
      }));
      hotHeaders.set(key, headers);
    }
    return headers;
  };
  const compressed = createAnswerMemo();
  app.get('/api/occupancy', async (c) => {
    const secure = https(c);
    try {
      const { json } = await deps.occupancy.answer();
      const encoding = json.length > COMPRESS_THRESHOLD ? chooseEncoding(requestHeader(c, 'accept-encoding')) : null;
      const headers = await headersFor(secure, encoding);
      return new Response(encoding === null ? json : compressed(json, encoding), { status: 200, headers });
    } catch (error) {
      // The error answer (from onError) carries the same headers.
      for (const [name, value] of Object.entries(await headersFor(secure, null))) c.header(name, value);
      throw error;
    }
  });

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

  const routes = app
    .route('/api/config', configRoutes(deps))
    .route('/api/export', exportRoutes(deps))
    .route('/api/history', historyRoutes(deps))
    .route('/', healthRoutes(deps));

  app.all('/api/*', (c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length === 0) return errorResponse(c, 404, 'not_found', 'There is no such API endpoint.');
    c.header('Allow', allowed.join(', '));
    return errorResponse(c, 405, 'method_not_allowed', `This endpoint answers ${allowed.join(', ')} only.`);
  });

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

/** Hono's own default, sent only over https. */
const HSTS = 'max-age=15552000; includeSubDomains';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods that have an API route at this path (not a middleware, nor the SPA's catch-all). */
function allowedMethods(app: Hono, path: string): string[] {
  return METHODS.filter((method) => {
    const [matches] = app.router.match(method, path);
    return matches.some(([[, route]]) => route.method === method && route.path.startsWith('/api/'));
  });
}

/** The headers a middleware adds to an empty answer. */
async function headersOf(middleware: MiddlewareHandler): Promise<[string, string][]> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  return [...res.headers].filter(([name]) => !['content-type', 'content-length'].includes(name));
}
