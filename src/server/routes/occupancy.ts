// GET /api/occupancy: what every screen asks every few seconds. Answered twice over before the
// usual machinery (docs/decisions/015): in the Node server's own request listener, before Hono
// builds a Request, a Context and a Response (occupancyFastPath); and, for anything that listener
// hands on, by a Hono route ahead of the middleware chain. Both send the cached JSON text with
// headers prepared once (the security headers read off a probe answer, plus ours) and compressed
// bytes kept per answer text, so a burst of screens costs one compression per encoding.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Handler, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app-deps';
import { type RequestInfo, requestHeader } from '../client-info';
import { chooseEncoding, COMPRESS_THRESHOLD, createAnswerMemo, type Encoding } from '../compression';
import { createOccupancyScope } from '../displays/display-scope';
import { notSomeone } from '../access';
import { ApiHttpError } from '../http-error';
import { headersOf, HSTS } from '../security-headers';

interface HotPathOptions {
  /** The security headers every other route gets from the middleware. */
  security: MiddlewareHandler;
  https: (c: RequestInfo) => boolean;
}

/** A 200 answer, ready for the wire: the prepared headers (shared: never change them) and the body. */
export interface OccupancyReply {
  headers: Readonly<Record<string, string | string[]>>;
  body: string | Uint8Array<ArrayBuffer>;
}

export interface OccupancyReplies {
  /** The answer for this request; throws the error the route answers with (401, 403, the vendor's). */
  reply(c: RequestInfo): Promise<OccupancyReply>;
  /** The headers an error answer carries too. */
  errorHeaders(secure: boolean): Promise<Record<string, string>>;
  https: (c: RequestInfo) => boolean;
}

export function createOccupancyReplies(deps: Pick<AppDeps, 'occupancy' | 'access'>, { security, https }: HotPathOptions): OccupancyReplies {
  const baseHeaders = headersOf(security).then((pairs) => ({
    ...Object.fromEntries(pairs),
    'content-type': 'application/json',
    'cache-control': 'no-store',
    vary: 'Accept-Encoding',
  }));
  // Every combination made once, when the probe answer is in; then looked up without awaiting.
  let prepared: Record<string, Record<string, string>> | null = null;
  const ready = baseHeaders.then((base) => {
    const all: Record<string, Record<string, string>> = {};
    for (const secure of [false, true]) {
      for (const encoding of [null, 'br', 'gzip'] as const) {
        all[`${secure}:${encoding}`] = {
          ...base,
          ...(secure ? { 'strict-transport-security': HSTS } : {}),
          ...(encoding === null ? {} : { 'content-encoding': encoding }),
        };
      }
    }
    prepared = all;
    return all;
  });
  const headersFor = (secure: boolean, encoding: Encoding | null): Record<string, string> | Promise<Record<string, string>> => {
    const key = `${secure}:${encoding}`;
    return prepared === null ? ready.then((all) => all[key]!) : prepared[key]!;
  };
  const compressed = createAnswerMemo();
  // A display reads its own spaces only: its answer filtered once per vendor answer, its bytes
  // compressed in a memo of its own (the shared one would be thrown away on every other request).
  const scope = createOccupancyScope();
  const displayCompressed = new Map<string, ReturnType<typeof createAnswerMemo>>();
  const memoOf = (id: string) => {
    let memo = displayCompressed.get(id);
    if (memo === undefined) displayCompressed.set(id, (memo = createAnswerMemo()));
    return memo;
  };
  return {
    https,
    errorHeaders: async (secure) => headersFor(secure, null),
    async reply(c) {
      // Who may read the live counts is decided here too: this route skips the middleware chain.
      const { principal, setCookie, revokedDisplay } = await deps.access.resolve(c);
      if (principal.kind === 'nobody' && deps.access.mode() === 'setup')
        throw new ApiHttpError(401, 'setup_required', 'Occupancy Live is not set up yet: create the first administrator on the setup page.');
      if (principal.kind === 'nobody') throw notSomeone(revokedDisplay, 'Sign in to see the live counts.');
      const answer = await deps.occupancy.answer();
      const display = principal.kind === 'display' && principal.spaces !== null ? principal : null;
      const json = display === null ? answer.json : scope.json(answer, display);
      const encoding = json.length > COMPRESS_THRESHOLD ? chooseEncoding(requestHeader(c, 'accept-encoding')) : null;
      const found = headersFor(https(c), encoding);
      const headers = found instanceof Promise ? await found : found;
      const body = encoding === null ? json : (display === null ? compressed : memoOf(display.id))(json, encoding);
      // A session refreshed on this poll (once a day at most): its new cookie goes along.
      return { headers: setCookie.length === 0 ? headers : { ...headers, 'set-cookie': setCookie }, body };
    },
  };
}

/** Errors the fast path met, for the Hono route to answer in the one error shape without asking again. */
const failedEarly = new WeakMap<IncomingMessage, unknown>();

interface NodeBindings {
  incoming?: IncomingMessage;
}

/** The Hono route: requests the fast path handed on (HEAD, a query string, an error to answer). */
export function occupancyHandler(replies: OccupancyReplies): Handler {
  return async (c) => {
    try {
      const incoming = (c.env as NodeBindings | undefined)?.incoming;
      if (incoming !== undefined && failedEarly.has(incoming)) throw failedEarly.get(incoming);
      const { headers, body } = await replies.reply(c);
      const out = new Headers();
      for (const [name, value] of Object.entries(headers)) {
        if (Array.isArray(value)) for (const v of value) out.append(name, v);
        else out.set(name, value);
      }
      return new Response(body, { status: 200, headers: out });
    } catch (error) {
      // The error answer (from onError) carries the same headers.
      for (const [name, value] of Object.entries(await replies.errorHeaders(replies.https(c)))) c.header(name, value);
      throw error;
    }
  };
}

/** What client-info reads of a request, straight off Node's incoming message (methods, not a closure per request). */
class NodeRequestInfo implements RequestInfo {
  readonly env: { incoming: IncomingMessage };
  readonly req: RequestInfo['req'];
  constructor(incoming: IncomingMessage) {
    this.env = { incoming };
    this.req = new NodeRequestView(incoming);
  }
}

class NodeRequestView {
  constructor(private readonly incoming: IncomingMessage) {}
  /** Built only when asked (the https check without a trusted proxy), as Hono's adapter builds it. */
  get url(): string {
    return `http://${this.incoming.headers.host ?? 'localhost'}${this.incoming.url ?? '/'}`;
  }
  header(name: string): string | undefined {
    const value = this.incoming.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

type WireHeaders = Readonly<Record<string, string | string[]>>;
/** Per prepared headers: the last body sent with them, as bytes, and those headers plus its length. */
const onTheWire = new WeakMap<WireHeaders, { body: string | Uint8Array; bytes: Uint8Array; headers: WireHeaders }>();

/**
 * The body's bytes and the headers with its Content-Length (writeHead sends the head at once, so
 * Node would fall back to chunked encoding): made once per answer, not per request.
 */
function wireFor(headers: WireHeaders, body: string | Uint8Array): { bytes: Uint8Array; headers: WireHeaders } {
  const last = onTheWire.get(headers);
  if (last !== undefined && last.body === body) return last;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const made = { body, bytes, headers: { ...headers, 'content-length': String(bytes.byteLength) } };
  onTheWire.set(headers, made);
  return made;
}

/**
 * The Node request listener in front of Hono's: `GET /api/occupancy` (exactly that: no query)
 * with a 200 answer is written here; everything else, and every error, goes on to Hono.
 */
export function occupancyFastPath(replies: OccupancyReplies, next: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' || req.url !== '/api/occupancy') {
      next(req, res);
      return;
    }
    replies.reply(new NodeRequestInfo(req)).then(
      (reply) => {
        const { bytes, headers } = wireFor(reply.headers, reply.body);
        res.writeHead(200, headers as Record<string, string | string[]>);
        res.end(bytes);
      },
      (error: unknown) => {
        failedEarly.set(req, error);
        next(req, res);
      },
    );
  };
}
