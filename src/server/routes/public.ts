// GET /api/public: the level of the spaces an admin chose to show without a login (numbers only if
// chosen), readable by scripts of the allowed origins only, rate-limited per client address, and
// the same JSON text for every asker until the counts or the settings change.
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Occupancy } from '@/shared/api-schema';
import type { PublicOccupancy } from '@/shared/public-schema';
import type { Locale, PublicSettings } from '@/shared/settings-schema';
import { clientAddress, requestHeader } from '../client-info';
import { chooseEncoding, COMPRESS_THRESHOLD, createAnswerMemo } from '../compression';
import { errorResponse } from '../http-error';
import type { OccupancyService } from '../occupancy-service';
import { UpstreamError } from '../upstream/upstream-error';

export interface PublicRouteDeps {
  occupancy: Pick<OccupancyService, 'current'>;
  /** The public settings as they are now (the settings service's `current().public`). */
  getPublic: () => PublicSettings;
  siteName: () => string;
  /** The site's language (the settings' `locale`); English when not given. */
  locale?: () => Locale;
  pollIntervalMs: number;
  trustProxy?: boolean;
}

export interface PublicRouteOptions {
  /** Requests per client address per window; one more is answered 429. */
  rateLimit?: { points: number; durationSeconds: number };
  /** Builds the answer from the occupancy (replaced by tests that count the builds). */
  build?: typeof buildPublicOccupancy;
}

/** Two screens a second from one address (an office behind one NAT) stay well inside it. */
export const PUBLIC_RATE_LIMIT = { points: 120, durationSeconds: 60 };

/** The chosen spaces in the tree's order; counts only when the admin chose to show them. */
export function buildPublicOccupancy(answer: Occupancy, settings: PublicSettings, siteName: string, locale: Locale = 'en'): PublicOccupancy {
  const chosen = new Set(settings.spaces);
  const live = new Set(answer.devices.map((d) => d.id));
  return {
    siteName,
    locale,
    generatedUtc: answer.generatedUtc,
    stale: answer.stale,
    spaces: answer.spaces
      .filter((space) => chosen.has(space.id))
      .map((space) => {
        const base = { id: space.id, name: space.name, state: space.state };
        if (!settings.showNumbers) return base;
        // A space none of whose doors answered has no count: null, not 0 people inside.
        const counted = space.doors.some((d) => live.has(d.device));
        return { ...base, occupancy: counted ? space.occupancy : null, capacity: space.capacity };
      }),
  };
}

function sameSettings(a: PublicSettings, b: PublicSettings): boolean {
  if (a === b) return true;
  const sameList = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.enabled === b.enabled && a.showNumbers === b.showNumbers && sameList(a.spaces, b.spaces) && sameList(a.allowOrigins, b.allowOrigins);
}

export function publicRoutes(deps: PublicRouteDeps, options: PublicRouteOptions = {}) {
  const build = options.build ?? buildPublicOccupancy;
  const { points, durationSeconds } = options.rateLimit ?? PUBLIC_RATE_LIMIT;
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  const compressed = createAnswerMemo();
  const maxAge = `max-age=${Math.max(1, Math.round(deps.pollIntervalMs / 1000))}`;

  // One JSON text per occupancy answer: the service hands every caller the same `spaces` array
  // until the vendor answers again, so its identity (with the stale flag) says "same counts".
  let memo: { spaces: Occupancy['spaces']; stale: boolean; settings: PublicSettings; siteName: string; locale: Locale; json: string } | null = null;
  function jsonFor(answer: Occupancy, settings: PublicSettings, siteName: string, locale: Locale): string {
    if (
      memo !== null &&
      memo.spaces === answer.spaces &&
      memo.stale === answer.stale &&
      memo.siteName === siteName &&
      memo.locale === locale &&
      sameSettings(memo.settings, settings)
    ) {
      return memo.json;
    }
    const json = JSON.stringify(build(answer, settings, siteName, locale));
    memo = { spaces: answer.spaces, stale: answer.stale, settings, siteName, locale, json };
    return json;
  }

  const limit: MiddlewareHandler = async (c, next) => {
    const key = clientAddress(c, deps.trustProxy ?? false) ?? 'unknown';
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      c.header('Retry-After', String(seconds));
      return errorResponse(c, 429, 'rate_limited', `Too many requests from this address. Try again in ${seconds} s.`);
    }
    await next();
  };

  return new Hono()
    .use(
      '*',
      cors({
        // No credentials: the answer is the same for everyone, and no cookie may ride along.
        origin: (origin) => {
          const settings = deps.getPublic();
          return settings.enabled && settings.allowOrigins.includes(origin) ? origin : null;
        },
        allowMethods: ['GET', 'HEAD'],
        exposeHeaders: ['Retry-After'],
      }),
    )
    .use('*', limit)
    .get('/', async (c) => {
      const settings = deps.getPublic();
      if (!settings.enabled) return errorResponse(c, 404, 'not_found', 'The public view is turned off.');
      let answer: Occupancy;
      try {
        answer = await deps.occupancy.current();
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        // The public hears no vendor details: only that there is no live count now.
        if (error.retryInSeconds !== null) c.header('Retry-After', String(Math.max(1, error.retryInSeconds)));
        return errorResponse(c, 503, 'upstream_unavailable', 'The live count is unavailable right now.');
      }
      const json = jsonFor(answer, settings, deps.siteName(), deps.locale?.() ?? 'en');
      // A shared cache may keep it for one poll; not an answer to a signed-in browser, which may
      // carry a refreshed session cookie.
      c.header('Cache-Control', requestHeader(c, 'cookie') === undefined ? `public, ${maxAge}` : `private, ${maxAge}`);
      c.header('Content-Type', 'application/json');
      // Compressed once per answer too (the API's middleware would do it per request).
      const encoding = json.length > COMPRESS_THRESHOLD ? chooseEncoding(requestHeader(c, 'accept-encoding')) : null;
      if (encoding === null) return c.body(json, 200);
      c.header('Content-Encoding', encoding);
      c.header('Vary', 'Accept-Encoding', { append: true });
      return c.body(compressed(json, encoding), 200);
    });
}
