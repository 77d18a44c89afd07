// fast-check generators for the fuzz suite: requests to every endpoint with valid-looking and
// hostile query strings, methods, paths and headers. Every hostile value carries a "marker" (a
// distinctive fragment) so the checks can tell when the server echoed input back unescaped.
import fc from 'fast-check';

/** Today in the site zone of the test servers (test/support's NOW, 2026-11-26 in Budapest). */
export const TODAY = '2026-11-26';

/**
 * How a hostile fragment is dangerous, which decides where it must never come back:
 * - markup: HTML that would run if a body were read as a page; never in any body or header;
 * - newline: header or log-line injection; never raw (CR/LF) in a header, a JSON body or a file name;
 * - quote: breaks out of a quoted string; never unescaped;
 * - control: invisible or terminal-control characters; never raw;
 * - inert: harmless inside a JSON string (template, path, formula), never in a header.
 */
export type MarkerKind = 'markup' | 'newline' | 'quote' | 'control' | 'inert';

export interface Marker {
  text: string;
  kind: MarkerKind;
}

/** Fragments that are distinctive enough that the server cannot produce them on its own. */
export const HOSTILE_MARKERS: readonly Marker[] = [
  { text: '<script>alert(1)</script>', kind: 'markup' },
  { text: '<img src=x onerror=alert(1)>', kind: 'markup' },
  { text: '"><svg/onload=alert(1)>', kind: 'markup' },
  { text: '</title><h1>x', kind: 'markup' },
  { text: '\r\nX-Injected: 1', kind: 'newline' },
  { text: '\nSet-Cookie: fuzz=1', kind: 'newline' },
  { text: '"; filename="evil.exe', kind: 'quote' },
  { text: "';alert(1)//", kind: 'inert' },
  { text: '{{7*7}}', kind: 'inert' },
  { text: '${7*7}', kind: 'inert' },
  { text: '../../etc/passwd', kind: 'inert' },
  { text: '..\\..\\windows\\win.ini', kind: 'inert' },
  { text: 'javascript:alert(1)', kind: 'inert' },
  { text: '=cmd|"/c calc"!A1', kind: 'inert' },
  { text: '\u0000nul', kind: 'control' },
  { text: '\u001b[31mred', kind: 'control' },
  { text: '\u202eevil\u202c', kind: 'control' },
  { text: '\u2028sep\u2029', kind: 'control' },
  { text: '\ud800lone', kind: 'inert' },
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];
const PARAM_KEYS = ['from', 'to', 'resolution', 'devices', 'space', 'filename', 'handoff'] as const;

/** Any text at all: ASCII, full Unicode (lone surrogates included), and control characters. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: Math.min(maxLength, 8) }),
  );

/** A hostile value: a marker, alone or inside other text. */
export const hostileText = fc
  .tuple(anyText(12), fc.constantFrom(...HOSTILE_MARKERS.map((m) => m.text)), anyText(12))
  .map(([a, marker, b]) => `${a}${marker}${b}`);

/** Long runs the filename cleaner has to walk: dots, spaces, dashes, underscores, letters. */
export const longText = fc
  .tuple(fc.constantFrom('.', ' ', '-', '_', '. ', 'a', 'é', '%2e', '\u00a0'), fc.integer({ min: 100, max: 3000 }), fc.constantFrom('', 'x', '.csv', '!'))
  .map(([unit, n, end]) => `${unit.repeat(n)}${end}`);

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
const dayMs = 86_400_000;
const todayMs = Date.parse(`${TODAY}T00:00:00Z`);

/** A real date, mostly close to today (small ranges keep the simulator's CSVs small and the suite fast). */
const realDate = fc
  .oneof({ weight: 6, arbitrary: fc.integer({ min: -40, max: 3 }) }, { weight: 2, arbitrary: fc.integer({ min: -4000, max: 400 }) })
  .map((offset) => isoDate(new Date(todayMs + offset * dayMs)));

/** A valid-looking or broken date value. */
export const dateValue = fc.oneof(
  { weight: 8, arbitrary: realDate },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      TODAY,
      '2026-11-27',
      '2000-01-01',
      '1999-12-31',
      '2024-02-29',
      '2026-02-29',
      '2026-02-30',
      '2026-11-31',
      '2026-13-01',
      '0000-00-00',
      '9999-12-31',
      '2026-1-5',
      '2026-11-01T00:00',
      '+2026-11-01',
      '2026/11/01',
      '01.11.2026',
      ' 2026-11-20 ',
      '２０２６-１１-２０',
      '٢٠٢٦-١١-٢٠',
      '2026-11-2O',
      '',
      'yesterday',
      'NaN',
      '1e3',
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: anyText(30) },
);

/** Two dates that often form a short, valid range. */
export const dateRange = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(realDate, fc.integer({ min: 0, max: 6 }))
      .map(([from, days]) => [from, isoDate(new Date(Date.parse(`${from}T00:00:00Z`) + days * dayMs))] as const),
  },
  { weight: 3, arbitrary: fc.tuple(dateValue, dateValue) },
);

export const resolutionValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('day', 'hour', '5min', 'month') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('DAY', 'Hour', 'week', 'minute', '5MIN', ' day', 'day ', 'day,hour', '', '0', 'constructor', '__proto__', 'toString'),
  },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: anyText(12) },
);

const deviceId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(91, 92, 93, 94, 95, 97, 98, 101, 103, 105, 108, 110) },
  { weight: 1, arbitrary: fc.constantFrom(96, 99, 100, 107, 109, 201, 301) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 999_999_999 }) },
);

export const devicesValue = fc.oneof(
  { weight: 5, arbitrary: fc.array(deviceId, { minLength: 1, maxLength: 6 }).map((ids) => ids.join(',')) },
  { weight: 1, arbitrary: fc.array(deviceId, { minLength: 1, maxLength: 4 }).map((ids) => ids.map((id) => ` ${id} `).join(',')) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'all',
      'ALL',
      '',
      ' ',
      '0',
      '-91',
      '91.5',
      '1e3',
      '0x5b',
      '91,,92',
      ',91',
      '91,',
      '91;92',
      '91 92',
      '1234567890',
      '٩١',
      '９１',
      'NaN',
      'Infinity',
      '[91]',
      '91%2C92',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 490, max: 520 }).map((n) => Array.from({ length: n }, (_, i) => i + 1).join(',')) },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.array(fc.oneof(deviceId.map(String), hostileText), { minLength: 1, maxLength: 4 }).map((p) => p.join(',')) },
);

/** Ids of the default tree (`site`, `device-<id>`) and of the demo building's spaces. */
export const KNOWN_SPACE_IDS = ['site', 'device-91', 'device-93', 'device-110', 'library', 'cafe', 'pool', 'gym'] as const;

/** A space id that may exist, one of the right form that does not, or a malformed one. */
export const spaceValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_SPACE_IDS) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      // The right form, but no such space (object keys included: the lookup must not find them).
      fc.constantFrom('gym2', 'lobby', 'device-0', 'device-96', 'device-1234567890', 'device-91x', 'site-2', '0', 'constructor', 'tostring', 'hasownproperty'),
      fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      ' pool ',
      'Pool',
      'SITE',
      'pool hall',
      '-pool',
      '_x',
      'x'.repeat(41),
      'pool,gym',
      'pool;gym',
      'device 91',
      'café',
      '__proto__',
      'pool%20',
      '../pool',
    ),
  },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: anyText(20) },
);

export const filenameValue = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'report',
      'report.csv',
      'Résumé "x"',
      'Zürich café.CSV',
      '北京 2026',
      'a/b\\c',
      'CON',
      '.csv',
      '...',
      ' ',
      '',
      '.hidden',
      'name;filename=evil.exe',
      '%2e%2e%2fx',
    ),
  },
  { weight: 2, arbitrary: anyText(60) },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: longText },
);

export const handoffValue = fc.constantFrom('1', '1', '0', 'true', '', ' 1', '01');

/** A query-string part is written one of these ways; the server must cope with every one. */
export type Encoding = 'standard' | 'raw' | 'all-percent' | 'lower-percent' | 'plus' | 'broken-percent' | 'double';

function percentAll(text: string, lower: boolean): string {
  const hex = Array.from(new TextEncoder().encode(text), (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return lower ? hex : hex.toUpperCase();
}

export function encodePart(text: string, encoding: Encoding): string {
  switch (encoding) {
    case 'standard':
      return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'));
    case 'raw':
      return text;
    case 'all-percent':
      return percentAll(text, false);
    case 'lower-percent':
      return percentAll(text, true);
    case 'plus':
      return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')).replaceAll('%20', '+');
    case 'broken-percent':
      return `${text}%${['', 'G1', 'e9', 'c3%28', 'ff', '2'][text.length % 6]}`;
    case 'double':
      return encodeURIComponent(encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')));
  }
}

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('standard' as const) },
  { weight: 1, arbitrary: fc.constantFrom<Encoding>('raw', 'all-percent', 'lower-percent', 'plus', 'broken-percent', 'double') },
);

/** One key=value pair as generated: the decoded key and value, and how they are written. */
export interface QueryPair {
  key: string;
  value: string | null;
  encoding: Encoding;
}

export interface GeneratedQuery {
  pairs: QueryPair[];
  separator: string;
  /** A huge filler pair appended at the end (tens of KB). */
  filler: number;
}

const pair = (key: fc.Arbitrary<string>, value: fc.Arbitrary<string | null>) => fc.record({ key, value, encoding });

/** The parameters of an export or history request, each present or not, plus strange extras. */
export const rangeQuery: fc.Arbitrary<GeneratedQuery> = fc
  .record({
    range: dateRange,
    resolution: fc.option(resolutionValue, { freq: 3 }),
    devices: fc.option(devicesValue, { freq: 2 }),
    space: fc.option(spaceValue, { freq: 3 }),
    filename: fc.option(filenameValue, { freq: 2 }),
    handoff: fc.option(handoffValue, { freq: 2 }),
    drop: fc.subarray(['from', 'to'] as const, { maxLength: 2 }),
    dropWeight: fc.integer({ min: 0, max: 9 }),
    extras: fc.array(
      fc.oneof(
        pair(fc.constantFrom(...PROTO_KEYS), fc.option(anyText(10), { nil: null })),
        pair(fc.constantFrom(...PARAM_KEYS), fc.option(fc.oneof(dateValue, resolutionValue, devicesValue, spaceValue, hostileText), { nil: null })),
        pair(fc.constantFrom('from[]', 'to[0]', 'devices[]', 'FROM', 'From', 'from ', ' from', 'fr%6fm', ''), fc.option(dateValue, { nil: null })),
        pair(anyText(8), fc.option(anyText(16), { nil: null })),
        pair(hostileText, fc.option(hostileText, { nil: null })),
      ),
      { maxLength: 3 },
    ),
    extrasFirst: fc.boolean(),
    separator: fc.constantFrom('&', '&', '&', '&&', ';', '&amp;'),
    filler: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 40_000 }) }),
    encodings: fc.array(encoding, { minLength: 7, maxLength: 7 }),
  })
  .map((r) => {
    const [from, to] = r.range;
    // Mostly both dates, sometimes one or none of them (dropWeight keeps "missing" rare).
    const dropped = r.dropWeight === 0 ? new Set<string>(r.drop) : new Set<string>();
    const named: QueryPair[] = [];
    const e = r.encodings;
    if (!dropped.has('from')) named.push({ key: 'from', value: from, encoding: e[0]! });
    if (!dropped.has('to')) named.push({ key: 'to', value: to, encoding: e[1]! });
    if (r.resolution !== null) named.push({ key: 'resolution', value: r.resolution, encoding: e[2]! });
    if (r.devices !== null) named.push({ key: 'devices', value: r.devices, encoding: e[3]! });
    if (r.filename !== null) named.push({ key: 'filename', value: r.filename, encoding: e[4]! });
    if (r.handoff !== null) named.push({ key: 'handoff', value: r.handoff, encoding: e[5]! });
    if (r.space !== null) named.push({ key: 'space', value: r.space, encoding: e[6]! });
    const pairs = r.extrasFirst ? [...r.extras, ...named] : [...named, ...r.extras];
    return { pairs, separator: r.separator, filler: r.filler };
  });

/**
 * A request that is valid but for one hostile part, so that part reaches the code that reads it
 * (a bad date first would hide a bad device list: the first field's error is the one answered).
 */
export const hostileQuery: fc.Arbitrary<GeneratedQuery> = fc
  .record({
    target: fc.constantFrom('from', 'to', 'resolution', 'devices', 'devices-mixed', 'space', 'filename', 'handoff', 'extra-key', 'extra-value'),
    hostile: hostileText,
    ids: fc.array(deviceId, { minLength: 0, maxLength: 3 }),
    at: fc.nat(3),
    handoff: fc.boolean(),
    encoding,
  })
  .map(({ target, hostile, ids, at, handoff, encoding: enc }) => {
    const values: Record<string, string> = { from: '2026-11-20', to: '2026-11-26', resolution: 'day' };
    if (handoff) values.handoff = '1';
    const extras: QueryPair[] = [];
    if (target === 'devices-mixed') {
      const list = ids.map(String);
      list.splice(Math.min(at, list.length), 0, hostile);
      values.devices = list.join(',');
    } else if (target === 'extra-key') extras.push({ key: hostile, value: '1', encoding: enc });
    else if (target === 'extra-value') extras.push({ key: 'note', value: hostile, encoding: enc });
    else values[target] = hostile;
    const pairs: QueryPair[] = Object.entries(values).map(([key, value]) => ({
      key,
      value,
      encoding: key === target || (key === 'devices' && target === 'devices-mixed') ? enc : 'standard',
    }));
    return { pairs: [...pairs, ...extras], separator: '&', filler: 0 };
  });

/** Whatever might be sent to an endpoint that takes no parameters. */
export const anyQuery: fc.Arbitrary<GeneratedQuery> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<GeneratedQuery>({ pairs: [], separator: '&', filler: 0 }) },
  { weight: 3, arbitrary: rangeQuery },
);

/** The query string exactly as it goes on the wire (after `?`), or '' for none. */
export function queryString(q: GeneratedQuery): string {
  const parts = q.pairs.map((p) => {
    const key = encodePart(p.key, p.encoding);
    return p.value === null ? key : `${key}=${encodePart(p.value, p.encoding)}`;
  });
  if (q.filler > 0) parts.push(`pad=${'A%41'.repeat(Math.ceil(q.filler / 4))}`);
  return parts.join(q.separator);
}

/** `path?query`, or the path alone for an empty query. */
export function withQuery(path: string, q: GeneratedQuery): string {
  const qs = queryString(q);
  return qs === '' ? path : `${path}?${qs}`;
}

/** The markers a generated query carries (in keys or values, however encoded). */
export function markersIn(q: GeneratedQuery): Marker[] {
  return markersInText(q.pairs.map((p) => `${p.key}\u0001${p.value ?? ''}`).join('\u0001'));
}

/** The markers in a text, e.g. a path (decode it first). */
export function markersInText(text: string): Marker[] {
  return HOSTILE_MARKERS.filter((m) => text.includes(m.text));
}

export const ENDPOINTS = ['/api/occupancy', '/api/config', '/api/history', '/api/export', '/healthz', '/readyz'] as const;

/** Paths under /api that are not endpoints, or are endpoints written oddly. */
export const oddApiPath = fc.oneof(
  fc.constantFrom(
    '/api',
    '/api/',
    '/api/nope',
    '/api/occupancy/',
    '/api/occupancy/extra',
    '/api/OCCUPANCY',
    '/api/%6Fccupancy',
    '/api/occupancy%00',
    '/api/occupancy;x=1',
    '/api/./config',
    '/api/x/../config',
    '/api/%2e%2e/healthz',
    '/api/export/file',
    '/api/export/file/',
    '/api/export/file/00000000-0000-4000-8000-000000000000',
    '/api/export/file/..%2f..%2fetc%2fpasswd',
    '/api/history/1',
    '/api/__proto__',
    '/api/constructor',
    '/api/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  ),
  fc
    .array(
      fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/),
        anyText(10).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((segs) => `/api/${segs.join('/')}`),
  hostileText.map((s) => `/api/export/file/${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))}`),
);

/** Methods a client can send through fetch (CONNECT, TRACE and TRACK are refused by Request itself). */
export const method = fc.oneof(
  { weight: 10, arbitrary: fc.constant('GET') },
  { weight: 3, arbitrary: fc.constantFrom('HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
  { weight: 1, arbitrary: fc.constantFrom('get', 'post', 'patch', 'PROPFIND', 'PURGE', 'X-FUZZ', 'QUERY', 'M-SEARCH') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,9}$/).filter((m) => !['CONNECT', 'TRACE', 'TRACK'].includes(m)) },
);

/** A header value that fetch accepts: Latin-1 without CR, LF or NUL (Headers rejects those). */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.constantFrom(...HOSTILE_MARKERS.map((m) => m.text).filter((m) => /^[\x20-\x7e]+$/.test(m))),
  fc.constantFrom(
    'gzip, deflate, br',
    'br;q=1.0, gzip;q=0.5, *;q=0',
    'identity',
    'bytes=0-10',
    'bytes=-1',
    'https',
    'http',
    '127.0.0.1, 10.0.0.1',
    '*/*',
    'text/html',
    'application/json',
  ),
);

export const HEADER_NAMES = [
  'accept',
  'accept-encoding',
  'accept-language',
  'range',
  'if-none-match',
  'if-modified-since',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'forwarded',
  'origin',
  'referer',
  'cookie',
  'content-type',
  'user-agent',
  'authorization',
  'x-http-method-override',
] as const;

export const headers = fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 4 });

/** The markers a set of generated headers carries. */
export function markersInHeaders(h: Record<string, string>): Marker[] {
  const text = Object.values(h).join('\u0001');
  return HOSTILE_MARKERS.filter((m) => text.includes(m.text));
}

/** A body for methods that may carry one. */
export const body = fc.option(fc.oneof(anyText(40), hostileText, fc.constant('{"from":"2026-11-01","__proto__":{"x":1}}')), { freq: 3 });
