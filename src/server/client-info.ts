// Who is asking and over what: the socket's own answer, or, with TRUST_PROXY behind a TLS reverse
// proxy, what that proxy says in X-Forwarded-Proto / X-Forwarded-For (ignored otherwise: spoofable).

/** The part of Hono's Context read here (any route's context fits). */
export interface RequestInfo {
  req: { url: string; header: (name: string) => string | undefined };
  env: unknown;
}

interface NodeBindings {
  incoming?: { headers?: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
}

/**
 * A request header (name in lower case). Under the Node adapter it is read from the incoming
 * message itself: Hono's c.req.header would first build a whole Headers object, which the hot
 * /api/occupancy path cannot afford on every request.
 */
export function requestHeader(c: RequestInfo, name: string): string | undefined {
  const headers = (c.env as NodeBindings | undefined)?.incoming?.headers;
  if (headers === undefined) return c.req.header(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The last entry of a comma-separated forwarding header: the one our own proxy added. */
function lastEntry(value: string | undefined): string | null {
  if (value === undefined) return null;
  const entry = value.slice(value.lastIndexOf(',') + 1).trim();
  return entry === '' ? null : entry;
}

/** Whether the browser reached us over https (directly, or through a trusted TLS proxy). */
export function isHttps(c: RequestInfo, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = lastEntry(requestHeader(c, 'x-forwarded-proto'));
    if (proto !== null) return proto.toLowerCase() === 'https';
  }
  return c.req.url.startsWith('https:');
}

/** The client's address (for per-client limits and logs); null when not known (e.g. in tests). */
export function clientAddress(c: RequestInfo, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = lastEntry(requestHeader(c, 'x-forwarded-for'));
    if (forwarded !== null) return forwarded;
  }
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}
