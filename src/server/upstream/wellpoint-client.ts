// The WELLPOINT Cloud API as our server sees it: URL, key, timeouts, and classifying each answer
// (a wrong key is HTTP 200 with an HTML page: docs/decisions/005).
import type { Logger } from 'pino';
import type { Resolution } from '@/shared/api-schema';
import type { VendorStartParams } from '@/shared/day-start';
import { describeFormatIssue, type VendorOccupancy, vendorOccupancySchema } from './occupancy-adapter';
import { createRedactor } from '../logger';
import { UpstreamError } from './upstream-error';

export type FetchLike = (input: URL | Request | string, init?: RequestInit) => Promise<Response>;

export interface WellpointClientOptions {
  baseUrl: URL;
  accessKey: string;
  fetch: FetchLike;
  /** Whole-answer limit for getoccupancy; the time to the first CSV bytes for downloadcsv. */
  timeoutMs: number;
  /** Longest silence while a CSV streams before the download is given up. */
  exportTimeoutMs: number;
  logger: Logger;
  /** Our clock, for a Retry-After given as a date when the answer has no Date header; default the system clock. */
  now?: () => Date;
}

export interface CsvRequest {
  from: string;
  to: string;
  resolution: Resolution;
  devices: number[] | null;
}

/** An open CSV download whose first bytes were already looked at. */
export interface CsvDownload {
  /** The vendor's bytes, unchanged, starting with the ones already read. */
  body: ReadableStream<Uint8Array>;
  contentType: string;
}

const SAMPLE_LENGTH = 160;
const PEEK_LIMIT = 64 * 1024;

export interface WellpointClient {
  getOccupancy(params: VendorStartParams, devices?: number[] | null): Promise<VendorOccupancy>;
  openCsv(request: CsvRequest, signal: AbortSignal): Promise<CsvDownload>;
  /** The vendor URL for a request with the key replaced: the only form a URL may be logged in. */
  redact(text: string): string;
}

export function createWellpointClient(options: WellpointClientOptions): WellpointClient {
  const { baseUrl, accessKey, logger } = options;
  // Every form of the key the log scrubber knows (percent-encoded in either case, `+` for space, JSON-escaped).
  const redact = createRedactor([accessKey]);

  function buildUrl(params: Record<string, string | undefined>): URL {
    const url = new URL(baseUrl);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    url.searchParams.set('user_access_key', accessKey);
    return url;
  }

  /** A key-free, shortened look at an unexpected body, for the log. */
  const sample = (text: string) => redact(text).slice(0, SAMPLE_LENGTH).replace(/\s+/g, ' '); // redact first: a cut key would not match

  async function send(url: URL, signal: AbortSignal, action: string): Promise<Response> {
    const started = performance.now();
    let response: Response;
    try {
      response = await options.fetch(url, { signal, headers: { accept: action === 'downloadcsv' ? 'text/csv' : 'application/json' } });
    } catch (error) {
      throw classifyTransportError(error, signal, action);
    }
    if (signal.aborted) {
      // A transport that ignores the signal (the in-process simulator) can still answer after our
      // deadline, with whatever it had by then: that answer is not one we waited for.
      await response.body?.cancel().catch(() => undefined);
      throw classifyTransportError(signal.reason, signal, action);
    }
    logger.debug({ action, status: response.status, ms: Math.round(performance.now() - started) }, 'vendor answered');
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfter(response.headers, options.now?.() ?? new Date());
      throw new UpstreamError('upstream_unavailable', `${action}: HTTP ${response.status}`, { retryAfterMs });
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamError('upstream_auth', `${action}: HTTP ${response.status}`);
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamError('upstream_format', `${action}: unexpected HTTP ${response.status}`);
    }
    return response;
  }

  function classifyTransportError(error: unknown, signal: AbortSignal, action: string): UpstreamError {
    if (signal.aborted && signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError') {
      return new UpstreamError('upstream_timeout', `${action}: no answer within the time limit`);
    }
    if (signal.aborted) return new UpstreamError('upstream_unavailable', `${action}: request aborted`);
    const cause =
      error instanceof Error ? redact(`${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`) : 'unknown';
    return new UpstreamError('upstream_unavailable', `${action}: connection failed: ${cause}`);
  }

  async function getOccupancy(params: VendorStartParams, devices?: number[] | null): Promise<VendorOccupancy> {
    const url = buildUrl({ action: 'getoccupancy', ...params, devicelist: devices?.join(',') });
    const signal = AbortSignal.timeout(options.timeoutMs);
    const response = await send(url, signal, 'getoccupancy');
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw classifyTransportError(error, signal, 'getoccupancy');
    }
    if (signal.aborted) throw classifyTransportError(signal.reason, signal, 'getoccupancy');
    if (looksLikeHtmlPage(text, response.headers.get('content-type'))) {
      logger.warn({ action: 'getoccupancy', sample: sample(text) }, 'vendor answered HTML: access key not accepted');
      throw new UpstreamError('upstream_auth', 'getoccupancy: HTML answer');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      logger.warn({ action: 'getoccupancy', sample: sample(text) }, 'vendor answer is not JSON');
      throw new UpstreamError('upstream_format', 'getoccupancy: body is not JSON');
    }
    const parsed = vendorOccupancySchema.safeParse(json);
    if (!parsed.success) {
      const why = describeFormatIssue(parsed.error);
      logger.warn({ action: 'getoccupancy', why, sample: sample(text) }, 'vendor answer has an unexpected shape');
      throw new UpstreamError('upstream_format', `getoccupancy: ${why}`);
    }
    return parsed.data;
  }

  async function openCsv(request: CsvRequest, clientSignal: AbortSignal): Promise<CsvDownload> {
    const url = buildUrl({
      action: 'downloadcsv',
      date_start: request.from,
      date_end: request.to,
      resolution: request.resolution,
      devicelist: request.devices?.join(','),
    });
    // One controller for the whole download: the client leaving, the first-byte limit and the
    // idle limit while streaming all end the vendor request.
    const controller = new AbortController();
    const abortFromClient = () => controller.abort(clientSignal.reason);
    if (clientSignal.aborted) abortFromClient();
    clientSignal.addEventListener('abort', abortFromClient, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new DOMException('vendor too slow', 'TimeoutError')), ms);
    };
    const disarm = () => {
      clearTimeout(timer);
      clientSignal.removeEventListener('abort', abortFromClient);
    };
    arm(options.timeoutMs);

    try {
      const response = await send(url, controller.signal, 'downloadcsv');
      if (response.body === null) throw new UpstreamError('no_pro_devices', 'downloadcsv: no body');
      const reader = response.body.getReader();
      const head = await peek(reader, controller.signal);
      const text = new TextDecoder().decode(head.bytes);
      // Over a real socket the page that follows a few rows often arrives in the same read as them:
      // look through the whole head, not only its start, while an error can still be JSON.
      // The vendor's rule: an answer that is not CSV means "not allowed". A JSON object or array
      // where CSV belongs is such an answer too, not a one-line file.
      if (looksLikeHtml(text, response.headers.get('content-type')) || containsHtmlMarker(head.bytes) || /^\s*[{[]/.test(text.replace(/^\uFEFF/, ''))) {
        await reader.cancel().catch(() => undefined);
        logger.warn({ action: 'downloadcsv', sample: sample(text) }, 'vendor answered HTML or JSON instead of CSV: access key not accepted');
        throw new UpstreamError('upstream_auth', 'downloadcsv: not a CSV answer');
      }
      if (text.replace(/^\uFEFF/, '').trim() === '') {
        throw new UpstreamError('no_pro_devices', 'downloadcsv: empty CSV');
      }
      if (head.done && countLines(text) < 2) {
        throw new UpstreamError('no_data', 'downloadcsv: header only');
      }
      // From here the clock runs only while we wait for the vendor: a client that reads slowly
      // (a paused browser download) is backpressure, not a silent vendor.
      clearTimeout(timer);
      const waiting = (on: boolean) => (on ? arm(options.exportTimeoutMs) : clearTimeout(timer));
      return {
        body: passThrough(head.bytes, head.done, reader, { waiting, disarm, abort: () => controller.abort() }, logger),
        contentType: 'text/csv; charset=utf-8',
      };
    } catch (error) {
      disarm();
      controller.abort();
      if (error instanceof UpstreamError) throw error;
      throw classifyTransportError(error, controller.signal, 'downloadcsv');
    }
  }

  return { getOccupancy, openCsv, redact };
}

/**
 * The vendor's Retry-After (RFC 9110: whole seconds, or an HTTP-date) in ms from now; null when
 * absent or unreadable. A date is measured against the answer's own Date header when it has one,
 * so a skewed clock on either side does not stretch or cut the wait.
 */
export function parseRetryAfter(headers: Headers, now: Date): number | null {
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/[a-z]/i.test(value)) return null;
  const sent = Date.parse(headers.get('date') ?? '');
  return Math.max(0, at - (Number.isNaN(sent) ? now.getTime() : sent));
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType !== null && /text\/html/i.test(contentType)) return true;
  return /^\s*</.test(text.replace(/^\uFEFF/, ''));
}

/**
 * For a JSON answer, only a real page is the vendor's "not allowed" answer: an HTML content type or
 * a document start. A PHP warning printed instead of JSON (`<br />\n<b>Warning</b>…`, its database
 * down) is an unreadable answer, not a rejected key, and must not start the auth back-off.
 */
function looksLikeHtmlPage(text: string, contentType: string | null): boolean {
  if (contentType !== null && /text\/html/i.test(contentType)) return true;
  return /^\s*<(?:!doctype|html[\s>])/i.test(text.replace(/^\uFEFF/, ''));
}

function countLines(text: string): number {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
}

/** Reads until the header and one data line are in hand, the body ends, or 64 KB are read. */
async function peek(reader: ReadableStreamDefaultReader<Uint8Array>, signal: AbortSignal): Promise<{ bytes: Uint8Array; done: boolean }> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let newlines = 0;
  for (;;) {
    signal.throwIfAborted();
    const { value, done } = await reader.read();
    if (done) return { bytes: concat(chunks, length), done: true };
    chunks.push(value);
    length += value.length;
    for (const byte of value) if (byte === 0x0a) newlines += 1;
    if (newlines >= 2 || length >= PEEK_LIMIT) return { bytes: concat(chunks, length), done: false };
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

const HTML_MARKERS = ['<!DOCTYPE', '<!doctype', '<html', '<HTML'].map((m) => Buffer.from(m));
/** Bytes kept from the previous chunk, so a marker split between two reads is still found. */
const MARKER_OVERLAP = Math.max(...HTML_MARKERS.map((m) => m.length)) - 1;

function containsHtmlMarker(chunk: Uint8Array): boolean {
  const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return HTML_MARKERS.some((m) => buf.includes(m));
}

/**
 * The vendor's bytes, pulled only as fast as our client reads them (backpressure): memory stays
 * constant whatever the file size. An HTML page appearing half-way fails the stream, so the
 * browser marks the download failed instead of saving an error page inside a CSV.
 */
function passThrough(
  head: Uint8Array,
  headIsAll: boolean,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  timers: { waiting: (on: boolean) => void; disarm: () => void; abort: () => void },
  logger: Logger,
): ReadableStream<Uint8Array> {
  const { waiting, disarm, abort } = timers;
  let first: Uint8Array | null = head;
  let cancelled = false;
  let tail = head.subarray(Math.max(0, head.length - MARKER_OVERLAP));
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (first !== null) {
          const chunk = first;
          first = null;
          controller.enqueue(chunk);
          if (headIsAll) {
            disarm();
            controller.close();
          }
          return;
        }
        try {
          waiting(true);
          const { value, done } = await reader.read();
          waiting(false);
          if (done) {
            disarm();
            controller.close();
            return;
          }
          const seam = value.subarray(0, MARKER_OVERLAP);
          const split = concat([tail, seam], tail.length + seam.length);
          tail = value.subarray(Math.max(0, value.length - MARKER_OVERLAP));
          if (containsHtmlMarker(value) || containsHtmlMarker(split)) {
            logger.warn({ action: 'downloadcsv' }, 'vendor CSV turned into an HTML page half-way; download failed');
            disarm();
            abort();
            controller.error(new Error('vendor CSV turned into HTML half-way'));
            return;
          }
          controller.enqueue(value);
        } catch (error) {
          disarm();
          // A read cut short by our own cancel is not a vendor failure (the route logs the cancel).
          if (!cancelled) logger.warn({ action: 'downloadcsv', error: (error as Error).name }, 'vendor CSV stream failed half-way');
          controller.error(error);
        }
      },
      async cancel(reason) {
        cancelled = true;
        disarm();
        abort();
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
