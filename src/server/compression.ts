// Compressed JSON answers: the encoding a client accepts (br > gzip > none), a middleware for the
// API's JSON above 1 KB, and a one-entry memo for the hot /api/occupancy answer.
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD = 1024;

// Brotli's default quality (11) is meant for build time; 5 is fast and still smaller than gzip.
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };
const GZIP_OPTIONS = { level: 6 };
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function parseEncoding(header: string): Encoding | null {
  let wildcard = 0;
  const q: Partial<Record<Encoding, number>> = {};
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    let weight = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (m?.[1] !== undefined) weight = Number(m[1]) || 0;
    }
    if (name === 'br' || name === 'gzip') q[name] = weight;
    else if (name === '*') wildcard = weight;
  }
  const br = q.br ?? wildcard;
  const gz = q.gzip ?? wildcard;
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

// Every screen sends the same header again and again: remember the last one parsed.
let lastHeader: string | undefined;
let lastChoice: Encoding | null = null;

/** The encoding to answer with for this Accept-Encoding: br before gzip, honouring q=0. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (header === undefined || header === '') return null;
  if (header !== lastHeader) {
    lastChoice = parseEncoding(header);
    lastHeader = header;
  }
  return lastChoice;
}

export function compressSync(text: string, encoding: Encoding): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encoding === 'br' ? brotliCompressSync(text, BROTLI_OPTIONS) : gzipSync(text, GZIP_OPTIONS));
}

/**
 * Compressed bytes of the last answer text seen, per encoding. The occupancy answer changes only
 * when its age does (every tenth of a second at most), so nearly every request reuses the bytes.
 */
export function createAnswerMemo() {
  let text = '';
  let bytes: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>> = {};
  return (answer: string, encoding: Encoding): Uint8Array<ArrayBuffer> => {
    if (answer !== text) {
      text = answer;
      bytes = {};
    }
    return (bytes[encoding] ??= compressSync(answer, encoding));
  };
}

const JSON_TYPE = /^application\/json/i;

/** Adds `Accept-Encoding` to the Vary header unless it is already there. */
export function varyOnEncoding(current: string | null): string {
  if (current === null || current === '') return 'Accept-Encoding';
  return /(^|,)\s*accept-encoding\s*(,|$)/i.test(current) || current.trim() === '*' ? current : `${current}, Accept-Encoding`;
}

/** Compresses JSON answers above the threshold for clients that accept it (never streams). */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || res.body === null || res.headers.has('Content-Encoding') || !JSON_TYPE.test(res.headers.get('Content-Type') ?? '')) return;
    res.headers.set('Vary', varyOnEncoding(res.headers.get('Vary')));
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (encoding === null) return;
    const raw = new Uint8Array(await res.arrayBuffer());
    if (raw.byteLength <= COMPRESS_THRESHOLD) {
      c.res = new Response(raw, res);
      return;
    }
    const body = new Uint8Array(encoding === 'br' ? await brotliAsync(raw, BROTLI_OPTIONS) : await gzipAsync(raw, GZIP_OPTIONS));
    const headers = new Headers(res.headers);
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(body.byteLength));
    c.res = undefined;
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
