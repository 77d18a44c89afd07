// The invariants every answer of the BFF must keep, whatever it was sent: the status classes we
// document, our JSON error shape with a known code, the answer schemas, safe attachment names,
// no hostile input echoed back, the access key nowhere, and a vendor asked only with parameters
// that passed validation, written in the vendor's own well-formed terms.
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';
import { configSchema, healthSchema, historySchema, occupancySchema, readySchema, resolutions } from '@/shared/api-schema';
import { isCalendarDate } from '@/shared/range-query';
import { type GeneratedQuery, type Marker, queryString } from './arbitraries';

/**
 * Every error code an answer may carry, with the statuses it may come with. `internal` is not
 * here: it means a crash. Extend this one list when the API gains a code.
 */
export const KNOWN_ERRORS = {
  bad_request: [400],
  not_found: [404],
  method_not_allowed: [405],
  rate_limited: [429],
  no_pro_devices: [404],
  no_data: [404],
  upstream_auth: [502],
  upstream_format: [502],
  upstream_unavailable: [503],
  upstream_timeout: [504],
} as const satisfies Record<string, readonly number[]>;
export type KnownErrorCode = keyof typeof KNOWN_ERRORS;

/** Codes that only a failing vendor may cause. */
export const UPSTREAM_CODES: readonly KnownErrorCode[] = ['upstream_auth', 'upstream_format', 'upstream_unavailable', 'upstream_timeout'];

/** What one request saw: enough to check it and to print it when a property fails. */
export interface Observed {
  method: string;
  path: string;
  status: number;
  headers: [string, string][];
  /** The body as text (a CSV download only as far as its first 256 KB). */
  body: string;
  /** The body stream failed (a download broken off half-way). */
  bodyError: string | null;
}

/** The route a path reaches, as Hono matches it (dot segments resolved, percent-escapes decoded). */
export function routeOf(path: string): string {
  const pathname = new URL(path, 'http://localhost').pathname;
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

export class Violation extends Error {
  override name = 'Violation';
}

/** Headers every answer carries alike: left out of a failure's printout. */
const ROUTINE_HEADERS = new Set([
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'referrer-policy',
  'strict-transport-security',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);

function fail(o: Observed, what: string): never {
  const head = o.body.length > 400 ? `${o.body.slice(0, 400)}…` : o.body;
  const headers = Object.fromEntries(o.headers.filter(([k]) => !ROUTINE_HEADERS.has(k)));
  throw new Violation(`${what}\n  ${o.method} ${o.path.slice(0, 300)} -> ${o.status}\n  headers: ${JSON.stringify(headers)}\n  body: ${JSON.stringify(head)}`);
}

const CSV_READ_LIMIT = 256 * 1024;

/** The method as fetch sends it: the six standard ones upper-cased, any other as written. */
export function normalMethod(method: string): string {
  const upper = method.toUpperCase();
  return ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper) ? upper : method;
}

/** Sends one request and reads all of the answer (a CSV only as far as it matters). */
export async function send(
  app: { request: (input: string, init?: RequestInit) => Response | Promise<Response> },
  path: string,
  init: RequestInit = {},
): Promise<Observed> {
  const res = await app.request(path, init);
  const headers = [...res.headers.entries()];
  let body = '';
  let bodyError: string | null = null;
  if (res.body !== null) {
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(value);
        length += value.byteLength;
        if (length >= CSV_READ_LIMIT) {
          await reader.cancel();
          break;
        }
      }
    } catch (error) {
      bodyError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    body = new TextDecoder().decode(decoded(Buffer.concat(chunks), res.headers.get('content-encoding')));
  }
  return { method: normalMethod(init.method ?? 'GET'), path, status: res.status, headers, body, bodyError };
}

/** A compressed answer as its text (a CSV cut at the read limit decodes as far as it goes). */
function decoded(bytes: Buffer, encoding: string | null): Buffer {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return bytes;
    case 'gzip':
      return gunzipSync(bytes, flush);
    case 'deflate':
      return inflateSync(bytes, flush);
    case 'br':
      return brotliDecompressSync(bytes, { finishFlush: constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new Violation(`an answer in an unknown encoding ${JSON.stringify(encoding)}`);
  }
}

const header = (o: Observed, name: string) => o.headers.find(([k]) => k === name)?.[1] ?? null;
const isJson = (o: Observed) => /^application\/json\b/.test(header(o, 'content-type') ?? '');
const isApi = (route: string) => /^\/api(?:\/|$)/.test(route);

export interface Expectations {
  /** The vendor may be failing: upstream codes (and their 5xx) are allowed. */
  vendorFailing: boolean;
}

/** The error in our shape with a known code and its status, or a failure. */
export function errorOf(o: Observed): { code: KnownErrorCode; message: string; field?: string } {
  if (!isJson(o)) fail(o, 'an error answer that is not JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(o.body);
  } catch {
    fail(o, 'an error body that does not parse as JSON');
  }
  const error = (parsed as { error?: unknown }).error;
  if (typeof parsed !== 'object' || parsed === null || Object.keys(parsed).join() !== 'error' || typeof error !== 'object' || error === null) {
    fail(o, 'an error body not of the form { error: { code, message } }');
  }
  const { code, message, field, retryInSeconds, ...rest } = error as Record<string, unknown>;
  if (Object.keys(rest).length > 0) fail(o, `unexpected fields in the error: ${Object.keys(rest).join(', ')}`);
  if (retryInSeconds !== undefined) {
    // When the server will ask the vendor again: a whole number of seconds, and the same in Retry-After.
    if (typeof retryInSeconds !== 'number' || !Number.isInteger(retryInSeconds) || retryInSeconds < 0)
      fail(o, 'a retryInSeconds that is not a whole number of seconds');
    if (header(o, 'retry-after') !== String(retryInSeconds)) fail(o, 'a retryInSeconds without the same Retry-After header');
  }
  if (typeof code !== 'string' || !(code in KNOWN_ERRORS)) fail(o, `an unknown error code ${JSON.stringify(code)}`);
  if (typeof message !== 'string' || message === '') fail(o, 'an error without a message');
  if (field !== undefined && typeof field !== 'string') fail(o, 'an error field that is not a string');
  const statuses: readonly number[] = KNOWN_ERRORS[code as KnownErrorCode];
  if (!statuses.includes(o.status)) fail(o, `error code ${code} with status ${o.status}`);
  return { code: code as KnownErrorCode, message, ...(field === undefined ? {} : { field }) };
}

/** RFC 6266 as we write it; returns the name a browser saves. */
export function attachmentName(o: Observed): string {
  const value = header(o, 'content-disposition');
  const m =
    value === null
      ? null
      : /^attachment; filename="([\x20\x21\x23-\x5b\x5d-\x7e]*)"(?:; filename\*=UTF-8''((?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-F]{2})+))?$/.exec(value);
  if (m === null) fail(o, 'a download without a well-formed Content-Disposition');
  const fallback = m[1] ?? '';
  const name = m[2] === undefined ? fallback : decodeURIComponent(m[2]);
  if (!/^[A-Za-z0-9_()][A-Za-z0-9 ._()-]*\.csv$/.test(fallback)) fail(o, `an unsafe ASCII file name ${JSON.stringify(fallback)}`);
  checkFilename(o, name);
  return name;
}

/**
 * A name no file system or browser can read as a path, a second parameter or a hidden file: the
 * characters safeFilename keeps, never a dot, space, dash or underscore first (a leading `)` is
 * harmless, and safeFilename keeps it).
 */
function checkFilename(o: Observed, name: string) {
  if (!/^[\p{L}\p{N}()][\p{L}\p{N} ._()-]*\.csv$/u.test(name) || Array.from(name).length > 100) fail(o, `an unsafe file name ${JSON.stringify(name)}`);
}

const DOWNLOAD_LINK = /^\/api\/export\/file\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The status, error shape and answer schema of one request to `endpoint` (the route its path reaches). */
export function checkAnswer(o: Observed, endpoint: string, x: Expectations): void {
  if (o.status >= 500 && ![502, 503, 504].includes(o.status)) fail(o, `status ${o.status}`);
  if (header(o, 'x-content-type-options') !== 'nosniff') fail(o, 'an answer without X-Content-Type-Options: nosniff');
  if (o.status >= 500) {
    if (o.method === 'HEAD') {
      if (!x.vendorFailing) fail(o, `status ${o.status} with a healthy vendor`);
      return;
    }
    if (endpoint === '/readyz' && o.status === 503) {
      const ready = readySchema.strict().safeParse(JSON.parse(o.body));
      if (!ready.success || ready.data.status !== 'not_ready') fail(o, '/readyz 503 without a not_ready answer');
      if (!x.vendorFailing) fail(o, '/readyz not ready with a healthy vendor');
      return;
    }
    const { code } = errorOf(o);
    if (!UPSTREAM_CODES.includes(code)) fail(o, `a 5xx with code ${code}`);
    if (!x.vendorFailing) fail(o, `${code} with a healthy vendor`);
    return;
  }
  if (o.status >= 400) {
    if (o.method === 'HEAD') return;
    if (!isApi(endpoint)) {
      // Outside /api (only the probes are there without the SPA): Hono's plain 404 is fine.
      if (o.status !== 404) errorOf(o);
      return;
    }
    const { code } = errorOf(o);
    if (UPSTREAM_CODES.includes(code) && !x.vendorFailing) fail(o, `${code} with a healthy vendor`);
    if (o.status === 405 && header(o, 'allow') === null) fail(o, '405 without an Allow header');
    return;
  }
  if (o.status >= 300) fail(o, `a redirect or ${o.status}`);
  if (o.method === 'HEAD' || o.method === 'OPTIONS' || o.status === 204) return;
  if (o.method !== 'GET') fail(o, `${o.method} answered ${o.status} with a body`);
  const json = () => JSON.parse(o.body) as unknown;
  const parse = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, what: string) => {
    const r = schema.safeParse(json());
    if (!r.success) fail(o, `${what} not in its schema: ${String(r.error)}`);
  };
  switch (endpoint) {
    case '/api/occupancy':
      return parse(occupancySchema, '/api/occupancy');
    case '/api/config':
      return parse(configSchema.strict(), '/api/config');
    case '/api/history':
      return parse(historySchema, '/api/history');
    case '/healthz':
      return parse(healthSchema, '/healthz');
    case '/readyz':
      return parse(readySchema.strict(), '/readyz');
    case '/api/export': {
      if (isJson(o)) {
        const answer = json() as { download?: unknown; filename?: unknown };
        if (Object.keys(answer).sort().join() !== 'download,filename') fail(o, 'a handoff answer with other fields');
        if (typeof answer.download !== 'string' || !DOWNLOAD_LINK.test(answer.download)) fail(o, 'a handoff link not of our form');
        if (typeof answer.filename !== 'string') fail(o, 'a handoff answer without a file name');
        checkFilename(o, answer.filename);
        return;
      }
      if (!/^text\/csv\b/.test(header(o, 'content-type') ?? '')) fail(o, 'a download that is not text/csv');
      attachmentName(o);
      if (/<!doctype|<html/i.test(o.body)) fail(o, 'HTML inside a CSV download');
      return;
    }
    default:
      if (endpoint.startsWith('/api/export/file/')) {
        attachmentName(o);
        return;
      }
      fail(o, `${endpoint} answered ${o.status}`);
  }
}

/** Markup that would run in a page; the server never writes any on its own. */
const MARKUP = /<\/?(?:script|img|svg|title|h1)\b/i;

/** A JSON text with every escape sequence blanked: what is left is what was written raw. */
const withoutEscapes = (text: string) => text.replace(/\\(?:u[0-9a-fA-F]{4}|.)/g, '\u0001');

/** No marker of the request comes back in a header, or raw in a body. */
export function checkNoEcho(o: Observed, markers: readonly Marker[]): void {
  if (markers.length === 0) return;
  const headerText = o.headers.map(([k, v]) => `${k}: ${v}`).join('\n');
  const json = isJson(o);
  const body = json ? withoutEscapes(o.body) : o.body;
  for (const m of markers) {
    if (headerText.includes(m.text) || (m.kind === 'markup' && MARKUP.test(headerText))) fail(o, `a header echoes ${JSON.stringify(m.text)}`);
    switch (m.kind) {
      case 'markup':
        if (MARKUP.test(body)) fail(o, `the body echoes markup from ${JSON.stringify(m.text)}`);
        break;
      case 'inert':
        if (!json && body.includes(m.text)) fail(o, `a non-JSON body echoes ${JSON.stringify(m.text)}`);
        break;
      default: {
        // The distinctive raw characters: a quote, CR/LF, or a control character, with what follows.
        const core = m.kind === 'control' ? m.text.slice(0, 2) : m.text;
        if (body.includes(core)) fail(o, `the body echoes ${JSON.stringify(m.text)} raw`);
      }
    }
  }
}

/** The key in no header and no body, in any of its encodings. */
export function checkNoKey(o: Observed, keyForms: readonly string[]): void {
  const text = `${o.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${o.body}\n${o.bodyError ?? ''}`;
  for (const form of keyForms) if (text.includes(form)) fail(o, `the access key (as ${JSON.stringify(form)}) in the answer`);
}

const VENDOR_PARAMS: Record<string, readonly string[]> = {
  getoccupancy: ['action', 'user_access_key', 'timezoneshift_start', 'date_start', 'time_start', 'devicelist'],
  downloadcsv: ['action', 'user_access_key', 'date_start', 'date_end', 'resolution', 'devicelist'],
};

/** A vendor URL in the vendor's terms: known parameters once each, every value well-formed. */
export function checkVendorUrl(url: URL, base: string, key: string): void {
  const bad = (what: string): never => {
    throw new Violation(
      `vendor asked with ${what}: ${url.href.replace(encodeURIComponent(key), '<key>').replace(new URLSearchParams({ k: key }).toString().slice(2), '<key>')}`,
    );
  };
  if (`${url.origin}${url.pathname}` !== base) bad('another address');
  if (url.hash !== '' || url.username !== '' || url.password !== '') bad('a fragment or credentials');
  const action = url.searchParams.get('action') ?? '';
  const allowed = VENDOR_PARAMS[action] ?? bad(`action ${JSON.stringify(action)}`);
  const names = [...url.searchParams.keys()];
  if (new Set(names).size !== names.length) bad('a repeated parameter');
  for (const name of names) if (!allowed.includes(name)) bad(`parameter ${JSON.stringify(name)}`);
  if (url.searchParams.get('user_access_key') !== key) bad('another key');
  for (const [name, value] of url.searchParams) {
    if (name === 'user_access_key') continue;
    if (!/^[0-9A-Za-z,:_+-]*$/.test(value)) bad(`${name}=${JSON.stringify(value)} outside the safe characters`);
  }
  const get = (name: string) => url.searchParams.get(name);
  for (const name of ['date_start', 'date_end']) {
    const v = get(name);
    if (v !== null && !isCalendarDate(v)) bad(`${name}=${JSON.stringify(v)}`);
  }
  const devices = get('devicelist');
  if (devices !== null) {
    if (!/^[1-9]\d{0,8}(?:,[1-9]\d{0,8})*$/.test(devices)) bad(`devicelist=${JSON.stringify(devices)}`);
    const ids = devices.split(',');
    if (ids.length > 500 || new Set(ids).size !== ids.length) bad('a devicelist too long or with repeats');
  }
  if (action === 'downloadcsv') {
    const [from, to, resolution] = [get('date_start'), get('date_end'), get('resolution')];
    if (from === null || to === null || from > to) bad('a missing or reversed range');
    if (resolution === null || !(resolutions as readonly string[]).includes(resolution)) bad(`resolution=${JSON.stringify(resolution)}`);
  } else {
    const shift = get('timezoneshift_start');
    if (shift === null || !/^[+-]?\d{1,2}$/.test(shift)) bad(`timezoneshift_start=${JSON.stringify(shift)}`);
    const time = get('time_start');
    if (time !== null && !/^\d{6}$/.test(time)) bad(`time_start=${JSON.stringify(time)}`);
  }
}

/**
 * The vendor's devicelist for a space of the default tree (no spaces configured), worked out here
 * independently of the server: `site` is every device (no list), `device-<id>` that device. Any
 * other id names no space, so the vendor must never have been asked for it.
 */
export function defaultTreeDevicelist(space: string): string | null {
  if (space === 'site') return null;
  const m = /^device-([1-9]\d{0,8})$/.exec(space);
  if (m === null) throw new Violation(`the vendor was asked for space ${JSON.stringify(space)}, which does not exist`);
  return m[1]!;
}

/**
 * What the vendor must be asked for, worked out here independently of the server: the first value
 * of each parameter (as Hono reads a query), dates trimmed, ids deduplicated in their order; with
 * `space`, the devices of that space (`spaceDevicelist`, the default tree's unless told).
 */
export function expectedCsvParams(q: GeneratedQuery, spaceDevicelist: (space: string) => string | null = defaultTreeDevicelist): Record<string, string | null> {
  const sp = new URLSearchParams(queryString(q));
  const devices = sp.get('devices')?.trim();
  const space = sp.get('space')?.trim();
  const ids = devices === undefined || devices === '' || devices === 'all' ? null : [...new Set(devices.split(',').map((p) => Number(p.trim())))].join(',');
  return {
    date_start: sp.get('from')?.trim() ?? null,
    date_end: sp.get('to')?.trim() ?? null,
    resolution: sp.get('resolution') ?? 'day',
    devicelist: space === undefined || space === '' ? ids : spaceDevicelist(space),
  };
}

/** Whether a downloadcsv URL asks for exactly `expected`. */
export function asksFor(url: URL, expected: Record<string, string | null>): boolean {
  return Object.entries(expected).every(([name, value]) => url.searchParams.get(name) === value);
}
