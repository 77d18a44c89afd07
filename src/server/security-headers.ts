// The security headers of every answer (Hono's secureHeaders with our CSP), and the helper that
// reads them off a probe answer for the routes answered before the middleware chain.
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Hono's own default, sent only over https. */
export const HSTS = 'max-age=15552000; includeSubDomains';

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
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
}

/** The headers a middleware adds to an empty answer. */
export async function headersOf(middleware: MiddlewareHandler): Promise<[string, string][]> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  return [...res.headers].filter(([name]) => !['content-type', 'content-length'].includes(name));
}
