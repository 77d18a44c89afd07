// GET /api/occupancy: what every screen asks every few seconds, answered before the middleware
// chain (docs/decisions/015): the cached JSON text, headers prepared once (the security headers read
// off a probe answer, plus ours) and compressed bytes kept per answer text, so a burst of screens
// costs one compression per encoding.
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

export function occupancyHandler(deps: Pick<AppDeps, 'occupancy' | 'access'>, { security, https }: HotPathOptions): Handler {
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
  return async (c) => {
    const secure = https(c);
    try {
      // Who may read the live counts is decided here too: this route skips the middleware chain.
      const { principal, setCookie, revokedDisplay } = await deps.access.resolve(c);
      if (principal.kind === 'nobody' && deps.access.mode() === 'setup')
        throw new ApiHttpError(401, 'setup_required', 'Occupancy Live is not set up yet: create the first administrator on the setup page.');
      if (principal.kind === 'nobody') throw notSomeone(revokedDisplay, 'Sign in to see the live counts.');
      const answer = await deps.occupancy.answer();
      const display = principal.kind === 'display' && principal.spaces !== null ? principal : null;
      const json = display === null ? answer.json : scope.json(answer, display);
      const encoding = json.length > COMPRESS_THRESHOLD ? chooseEncoding(requestHeader(c, 'accept-encoding')) : null;
      const prepared = headersFor(secure, encoding);
      const headers = prepared instanceof Promise ? await prepared : prepared;
      const body = encoding === null ? json : (display === null ? compressed : memoOf(display.id))(json, encoding);
      if (setCookie.length === 0) return new Response(body, { status: 200, headers });
      // A session refreshed on this poll (once a day at most): its new cookie goes along.
      const withCookies = new Headers(headers);
      for (const cookie of setCookie) withCookies.append('set-cookie', cookie);
      return new Response(body, { status: 200, headers: withCookies });
    } catch (error) {
      // The error answer (from onError) carries the same headers.
      for (const [name, value] of Object.entries(await headersFor(secure, null))) c.header(name, value);
      throw error;
    }
  };
}
