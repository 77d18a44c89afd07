// The security headers of every answer (Hono's secureHeaders with our CSP), and the helper that
// reads them off a probe answer for the routes answered before the middleware chain.
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Hono's own default, sent only over https. */
export const HSTS = 'max-age=15552000; includeSubDomains';

/** The one page other sites may frame (the public view), and only from the origins the admin lists. */
export const FRAMEABLE_PAGE = '/public';

export interface SecurityOptions {
  /** The origins that may frame FRAMEABLE_PAGE now (none: it is framed by nobody, like every page). */
  publicOrigins?: () => readonly string[];
}

function headersFor(frameAncestors: readonly string[]): MiddlewareHandler {
  const framed = frameAncestors.length > 0;
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      // The offline shell's service worker (/sw.js) and the web app manifest, from this origin only.
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: framed ? [...frameAncestors] : ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    // X-Frame-Options knows no list of origins: a framed page relies on CSP frame-ancestors alone.
    xFrameOptions: framed ? false : 'DENY',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    // Sent by the middleware below, and only over https: on plain http it means nothing, and a
    // browser that met it on a TLS-terminated name must not be told so by an http answer.
    strictTransportSecurity: false,
  });
}

export function securityHeaders({ publicOrigins }: SecurityOptions = {}): MiddlewareHandler {
  const everyPage = headersFor([]);
  if (publicOrigins === undefined) return everyPage;
  // The framed variant is rebuilt only when the list of origins changes.
  let framed: { key: string; middleware: MiddlewareHandler } | null = null;
  return (c, next) => {
    if (c.req.path !== FRAMEABLE_PAGE) return everyPage(c, next);
    const origins = publicOrigins();
    if (origins.length === 0) return everyPage(c, next);
    const key = origins.join(' ');
    if (framed?.key !== key) framed = { key, middleware: headersFor(origins) };
    return framed.middleware(c, next);
  };
}

/** The headers a middleware adds to an empty answer. */
export async function headersOf(middleware: MiddlewareHandler): Promise<[string, string][]> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  return [...res.headers].filter(([name]) => !['content-type', 'content-length'].includes(name));
}
