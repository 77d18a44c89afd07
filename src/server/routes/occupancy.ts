// GET /api/occupancy: what every screen asks every few seconds, answered before the middleware
// chain (docs/decisions/015): the cached JSON text, headers prepared once (the security headers read
// off a probe answer, plus ours) and compressed bytes kept per answer text, so a burst of screens
// costs one compression per encoding.
import type { Handler, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app-deps';
import { type RequestInfo, requestHeader } from '../client-info';
import { chooseEncoding, COMPRESS_THRESHOLD, createAnswerMemo, type Encoding } from '../compression';
import { headersOf, HSTS } from '../security-headers';

interface HotPathOptions {
  /** The security headers every other route gets from the middleware. */
  security: MiddlewareHandler;
  https: (c: RequestInfo) => boolean;
}

export function occupancyHandler(deps: Pick<AppDeps, 'occupancy'>, { security, https }: HotPathOptions): Handler {
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
  return async (c) => {
    const secure = https(c);
    try {
      const { json } = await deps.occupancy.answer();
      const encoding = json.length > COMPRESS_THRESHOLD ? chooseEncoding(requestHeader(c, 'accept-encoding')) : null;
      const prepared = headersFor(secure, encoding);
      const headers = prepared instanceof Promise ? await prepared : prepared;
      return new Response(encoding === null ? json : compressed(json, encoding), { status: 200, headers });
    } catch (error) {
      // The error answer (from onError) carries the same headers.
      for (const [name, value] of Object.entries(await headersFor(secure, null))) c.header(name, value);
      throw error;
    }
  };
}
