// The vendor as the fuzz suite sees it: every URL the BFF sends is recorded, and the answer is
// the simulator's (healthy) or one of the ways a vendor fails: error statuses, 429 with
// Retry-After, its HTML page, garbage, truncated bodies, refused connections, and hangs past
// the timeout. Some failures echo the request URL, access key included, as careless vendors do.
import fc from 'fast-check';
import { DEMO_ACCOUNT, NO_PRO_ACCOUNT, type Simulator } from '@/simulator';
import { type Bff, keyedBff, newSimulator, urlOf } from '../test/support';
import type { FetchLike } from '../upstream/wellpoint-client';

const RANDOM = crypto.randomUUID().replaceAll('-', '');
/** Distinctive, with characters that URL and JSON encoders each write differently. */
export const FUZZ_KEY = `fuzz-key-${RANDOM}/+~!"`;

/** Every form in which the key could leak, whole or in a telling part. */
export const KEY_FORMS: readonly string[] = [
  FUZZ_KEY,
  encodeURIComponent(FUZZ_KEY),
  encodeURIComponent(FUZZ_KEY).toLowerCase(),
  new URLSearchParams({ k: FUZZ_KEY }).toString().slice(2),
  JSON.stringify(FUZZ_KEY).slice(1, -1),
  RANDOM.slice(0, 12),
  RANDOM.slice(-12),
];

export type VendorMode =
  | { kind: 'healthy' }
  | { kind: 'no-pro' }
  | { kind: 'status'; status: number; retryAfter: string | null }
  | { kind: 'html-page'; echo: boolean }
  | { kind: 'garbage'; body: string; contentType: string }
  | { kind: 'json-instead'; echo: boolean }
  | { kind: 'empty' }
  | { kind: 'header-only' }
  | { kind: 'truncated' }
  | { kind: 'refused'; echo: boolean }
  | { kind: 'hang' }
  | { kind: 'hang-then-answer' }
  | { kind: 'stall-after-head' };

/** Failures that answer at once (no timeout involved): most of the generated cases. */
export const fastFailure: fc.Arbitrary<VendorMode> = fc.oneof(
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom(500, 502, 503, 504, 429, 401, 403, 404, 400, 418, 301, 204),
    retryAfter: fc.option(fc.constantFrom('0', '1', '120', 'Wed, 21 Oct 2037 07:28:00 GMT', '-5', 'soon'), { nil: null }),
  }),
  fc.record({ kind: fc.constant('html-page' as const), echo: fc.boolean() }),
  fc.record({
    kind: fc.constant('garbage' as const),
    body: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('{', '[1,2', 'null', '{"data":[{"device_id":"x"}]}', '<br />\n<b>Warning</b>: mysql', '\ufeff', 'device_id\n'),
    ),
    contentType: fc.constantFrom('application/json', 'text/csv', 'text/plain', 'application/octet-stream'),
  }),
  fc.record({ kind: fc.constant('json-instead' as const), echo: fc.boolean() }),
  fc.constantFrom<VendorMode>({ kind: 'empty' }, { kind: 'header-only' }, { kind: 'truncated' }, { kind: 'no-pro' }),
  fc.record({ kind: fc.constant('refused' as const), echo: fc.boolean() }),
);

/** Failures that wait for the BFF's own time limit. */
export const slowFailure: fc.Arbitrary<VendorMode> = fc.constantFrom<VendorMode>({ kind: 'hang' }, { kind: 'hang-then-answer' }, { kind: 'stall-after-head' });

export interface RecordingVendor extends Bff {
  /** Every URL the BFF asked the vendor for, in order. */
  urls: URL[];
}

const encoder = new TextEncoder();

/** A body that sends `head` and then neither ends nor fails until the request is aborted. */
function stallingBody(head: string, signal: AbortSignal | null | undefined): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(encoder.encode(head));
        return;
      }
      return new Promise<void>((resolve) => {
        const fail = () => {
          controller.error(signal?.reason ?? new Error('aborted'));
          resolve();
        };
        if (signal?.aborted === true) fail();
        else signal?.addEventListener('abort', fail, { once: true });
      });
    },
  });
}

/** Resolves when `signal` aborts: a vendor that never answers on its own. */
function untilAborted(signal: AbortSignal | null | undefined): Promise<unknown> {
  return new Promise((resolve) => {
    if (signal === null || signal === undefined) return; // never: the BFF always sets a signal
    if (signal.aborted) resolve(signal.reason);
    else signal.addEventListener('abort', () => resolve(signal.reason), { once: true });
  });
}

const CSV_HEAD = 'device_id,device_name,period_start,in,out\n91,Main entrance,2026-11-26 00:00,1,0\n';

function transport(sim: Simulator, urls: URL[], mode: () => VendorMode): FetchLike {
  return async (input, init) => {
    const url = urlOf(input);
    urls.push(new URL(url)); // a copy: some modes below change `url`
    const signal = init?.signal;
    const echo = `${url.href} user_access_key=${url.searchParams.get('user_access_key') ?? ''}`;
    const m = mode();
    switch (m.kind) {
      case 'healthy':
        return sim.fetch(url, init);
      case 'no-pro': {
        url.searchParams.set('user_access_key', `${FUZZ_KEY}-nopro`);
        return sim.fetch(url, init);
      }
      case 'status': {
        const headers: Record<string, string> = { 'content-type': 'text/html' };
        if (m.retryAfter !== null) headers['retry-after'] = m.retryAfter;
        const nullBody = m.status === 204 || m.status === 301;
        if (m.status === 301) headers.location = 'https://elsewhere.example/';
        return new Response(nullBody ? null : `<html><body>Error ${m.status}</body></html>`, { status: m.status, headers });
      }
      case 'html-page':
        return new Response(`<!DOCTYPE html><html><body>Access denied ${m.echo ? echo : ''}</body></html>`, {
          headers: { 'content-type': 'text/html; charset=UTF-8' },
        });
      case 'garbage':
        return new Response(m.body, { headers: { 'content-type': m.contentType } });
      case 'json-instead':
        return Response.json({ error: 'not allowed', detail: m.echo ? echo : null });
      case 'empty':
        return new Response('', { headers: { 'content-type': 'text/csv' } });
      case 'header-only':
        return new Response('device_id,device_name,period_start,in,out\n', { headers: { 'content-type': 'text/csv' } });
      case 'truncated': {
        const head = url.searchParams.get('action') === 'getoccupancy' ? '{"data":[{"device_id":91,"IN":3' : CSV_HEAD;
        let sent = false;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent) controller.error(new TypeError('terminated'));
            else {
              sent = true;
              controller.enqueue(encoder.encode(head));
            }
          },
        });
        return new Response(body, { headers: { 'content-type': url.searchParams.get('action') === 'getoccupancy' ? 'application/json' : 'text/csv' } });
      }
      case 'refused':
        throw new TypeError(`fetch failed${m.echo ? ` for ${echo}` : ''}`, { cause: new Error(`connect ECONNREFUSED${m.echo ? ` ${echo}` : ''}`) });
      case 'hang': {
        const reason = await untilAborted(signal);
        throw reason instanceof Error ? reason : new DOMException('aborted', 'AbortError');
      }
      case 'hang-then-answer':
        // A transport that ignores the signal and answers after the deadline anyway.
        await untilAborted(signal);
        return sim.fetch(url);
      case 'stall-after-head':
        if (url.searchParams.get('action') === 'getoccupancy') {
          return new Response(stallingBody('{"data":[', signal), { headers: { 'content-type': 'application/json' } });
        }
        return new Response(stallingBody(CSV_HEAD, signal), { headers: { 'content-type': 'text/csv' } });
    }
  };
}

/** A BFF with a configured (distinctive) key, whose vendor answers as `mode()` says at each call. */
export function recordingVendor(mode: () => VendorMode, env: Record<string, string> = {}): RecordingVendor {
  const sim = newSimulator({
    accounts: [
      { ...DEMO_ACCOUNT, key: FUZZ_KEY },
      { ...NO_PRO_ACCOUNT, key: `${FUZZ_KEY}-nopro` },
    ],
  });
  const urls: URL[] = [];
  const bff = keyedBff(FUZZ_KEY, {
    sim,
    fetch: transport(sim, urls, mode),
    env: { LOG_LEVEL: 'warn', UPSTREAM_TIMEOUT_MS: '1000', EXPORT_TIMEOUT_MS: '1000', ...env },
  });
  return { ...bff, urls };
}
