// GET /api/export: the vendor's CSV for a validated range, checked at its first bytes, then streamed
// through unchanged (docs/decisions/008); `handoff=1` parks it behind a one-time link (009).
import contentDisposition from 'content-disposition';
import { type Context, Hono } from 'hono';
import type { Logger } from 'pino';
import { exportQuerySchema } from '@/shared/export-query';
import { fieldErrors } from '@/shared/range-query';
import { todayIn } from '@/shared/zoned';
import type { AppDeps } from '../app-deps';
import { principalOf } from '../access';
import { clientAddress } from '../client-info';
import { ApiHttpError, errorResponse } from '../http-error';
import { recordAudit } from '../store/audit';
import { UpstreamError } from '../upstream/upstream-error';
import { blockedError } from '../upstream/vendor-backoff';

/**
 * RFC 6266: a plain-ASCII `filename` for old clients and the exact UTF-8 name in `filename*`.
 * safeFilename already removed quotes, separators and control characters and cut the name to 100
 * characters; both expressions here match single characters or unanchored runs (linear).
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]/g, '_');
  return contentDisposition(filename, { type: 'attachment', fallback: ascii });
}

/** The default name: the site, the space if one was chosen (its id), the range and the resolution. */
export function defaultExportFilename(siteName: string, from: string, to: string, resolution: string, space: string | null = null): string {
  // Runs become one space, trimmed, then dashes: no anchored run for a regex to backtrack over.
  const site =
    siteName
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .replaceAll(' ', '-')
      .toLowerCase() || 'occupancy';
  // A space id is already lower-case letters, digits, "-" and "_" (spaceIdSchema).
  return `${site}${space === null ? '' : `_${space}`}_${from}_${to}_${resolution}.csv`;
}

/**
 * How long a prepared download waits for the browser to fetch it before the vendor stream is
 * dropped and its export slot freed. The form's browser fetches it at once; a link nobody fetches
 * must not hold a slot for long (issue 10: at most 10 s).
 */
export const HANDOFF_TTL_MS = 8_000;
/** Links one client may hold unfetched at once; one more is refused with 429. */
export const MAX_UNCLAIMED_PER_CLIENT = 2;

interface Prepared {
  body: ReadableStream<Uint8Array>;
  headers: Record<string, string>;
  timer: NodeJS.Timeout;
  client: string;
  /** performance.now() when the link lapses. */
  expiresAt: number;
}

export function exportRoutes(deps: AppDeps) {
  let running = 0;
  const prepared = new Map<string, Prepared>();
  // Unfetched links per client, counted from the moment one is asked for (so parallel requests
  // cannot slip past the limit while the vendor is being asked).
  const unclaimed = new Map<string, number>();
  const claim = (client: string, delta: number) => {
    const n = (unclaimed.get(client) ?? 0) + delta;
    if (n > 0) unclaimed.set(client, n);
    else unclaimed.delete(client);
  };
  /** Whole seconds until one of this client's links lapses. */
  const retryAfter = (client: string) => {
    const soonest = Math.min(...[...prepared.values()].filter((p) => p.client === client).map((p) => p.expiresAt));
    const ms = Number.isFinite(soonest) ? soonest - performance.now() : HANDOFF_TTL_MS;
    return Math.max(1, Math.ceil(ms / 1000));
  };

  // Hono answers HEAD by running the GET handler and dropping its body uncancelled, which would
  // keep a vendor stream and an export slot taken for good: refuse it in the handlers.
  const isHead = (c: Context) => c.req.method === 'HEAD';
  const refuseHead = (c: Context) => c.body(null, 405, { Allow: 'GET' });

  return new Hono()
    .get('/', async (c) => {
      if (isHead(c)) return refuseHead(c);
      const view = deps.site();
      const parsed = exportQuerySchema({ today: todayIn(view.timezone, deps.now()) }).safeParse(c.req.query());
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        const [field, message] = Object.entries(errors)[0] ?? ['form', 'The export request is not valid.'];
        throw new ApiHttpError(400, 'bad_request', message, field);
      }
      const q = parsed.data;
      // A space's boundary doors are the devices asked for; an unknown space is a 400 before any vendor call.
      const space = q.space === null ? null : view.resolveSpace(q.space);
      const devices = space === null ? q.devices : space.devices;
      if (space !== null && devices !== null && devices.length === 0) {
        throw new ApiHttpError(404, 'no_data', `The space "${space.name}" has no doors in the site configuration, so there is nothing to export.`, 'space');
      }
      // `handoff=1` (the export form): check and open the vendor's CSV now, answer with a one-time
      // link, and let the browser's own download manager fetch that link. The vendor is asked once,
      // errors arrive as JSON the form can show, and the file never passes through page script.
      const handoff = c.req.query('handoff') === '1';
      // Who asks, for the per-client limit (the proxy's X-Forwarded-For with TRUST_PROXY); requests
      // without a socket (app.request in tests) count as one client.
      const client = clientAddress(c, deps.trustProxy ?? false) ?? 'unknown';
      if (handoff && (unclaimed.get(client) ?? 0) >= MAX_UNCLAIMED_PER_CLIENT) {
        const seconds = retryAfter(client);
        c.header('Retry-After', String(seconds));
        return errorResponse(
          c,
          429,
          'rate_limited',
          `${MAX_UNCLAIMED_PER_CLIENT} downloads prepared from this address have not started yet; try again in ${seconds} s.`,
        );
      }
      // The vendor's back-off holds for exports too: a rejected key or a failing downloadcsv is not asked again meanwhile.
      const block = deps.backoff.blocked('downloadcsv', deps.now().getTime());
      if (block !== null) throw blockedError(block, deps.now().getTime());
      if (running >= deps.exportConcurrency) {
        throw new ApiHttpError(429, 'rate_limited', `${deps.exportConcurrency} exports are already running; try again when one has finished.`);
      }
      running += 1;
      if (handoff) claim(client, +1);
      let released = false;
      const release = () => {
        if (!released) {
          released = true;
          running -= 1;
        }
      };
      // A client gone while the vendor is asked ends the request. Once the body is handed over, its
      // cancellation ends the vendor stream instead (so a closed download reads as one, not as a
      // vendor failure); a handed-off download outlives this request altogether.
      const vendor = new AbortController();
      const clientGone = () => vendor.abort(c.req.raw.signal.reason);
      if (!handoff) {
        if (c.req.raw.signal.aborted) clientGone();
        else c.req.raw.signal.addEventListener('abort', clientGone, { once: true });
      }
      let download;
      try {
        download = await deps.client.openCsv({ from: q.from, to: q.to, resolution: q.resolution, devices }, vendor.signal);
        deps.backoff.succeeded('downloadcsv');
      } catch (error) {
        release();
        if (handoff) claim(client, -1);
        if (error instanceof UpstreamError && error.code === 'no_pro_devices' && space !== null && devices !== null) {
          throw new ApiHttpError(
            404,
            'no_data',
            `None of the doors of the space "${space.name}" is a PRO-plan device of this WELLPOINT account, so there is nothing to export.`,
            'space',
          );
        }
        if (error instanceof UpstreamError && error.code === 'no_pro_devices' && q.devices !== null) {
          // An empty answer for chosen devices: they are unknown or not PRO devices of this account.
          throw new ApiHttpError(
            404,
            'no_data',
            'None of the chosen devices is a PRO-plan device of this WELLPOINT account, so there is nothing to export.',
            'devices',
          );
        }
        // A client that went away is not a vendor failure.
        if (error instanceof UpstreamError && !vendor.signal.aborted) {
          const waitMs = deps.backoff.failed('downloadcsv', error);
          throw error.withRetryIn(waitMs > 0 ? Math.ceil(waitMs / 1000) : null);
        }
        throw error;
      } finally {
        c.req.raw.signal.removeEventListener('abort', clientGone);
      }
      const body = releasingOnEnd(download.body, release, deps.logger);
      const filename = q.filename ?? defaultExportFilename(view.siteName, q.from, q.to, q.resolution, space?.id ?? null);
      const headers = {
        'Content-Type': download.contentType,
        'Content-Disposition': attachmentHeader(filename),
        'Cache-Control': 'no-store',
      };
      deps.logger.info(
        { from: q.from, to: q.to, resolution: q.resolution, devices: devices?.length ?? 'all', space: space?.id ?? null, handoff },
        'export started',
      );
      // Who exported which range: written once the vendor's file is on its way (a refused export is not one).
      await recordAudit(deps.store, {
        actor: principalOf(c),
        action: 'export',
        target: space?.id ?? null,
        detail: { from: q.from, to: q.to, resolution: q.resolution, devices, space: space === null ? null : { id: space.id, name: space.name } },
      }).catch((error: unknown) => deps.logger.error({ err: { message: (error as Error).message } }, 'the export could not be written to the audit log'));
      if (!handoff) return c.body(served(c, body), 200, headers);

      const token = crypto.randomUUID();
      const timer = setTimeout(() => {
        // Never fetched: free the slot and end the vendor request.
        if (prepared.delete(token)) {
          claim(client, -1);
          deps.logger.info({ handoff: true }, 'download link lapsed unfetched; vendor stream closed');
          void body.cancel(LAPSED).catch(() => undefined);
        }
      }, HANDOFF_TTL_MS);
      timer.unref();
      prepared.set(token, { body, headers, timer, client, expiresAt: performance.now() + HANDOFF_TTL_MS });
      return c.json({ download: `/api/export/file/${token}`, filename }, 200);
    })
    .get('/file/:token', (c) => {
      if (isHead(c)) return refuseHead(c);
      const entry = prepared.get(c.req.param('token'));
      if (entry === undefined) {
        throw new ApiHttpError(404, 'not_found', 'This download link has expired or was already used. Start the export again.');
      }
      prepared.delete(c.req.param('token'));
      claim(entry.client, -1);
      clearTimeout(entry.timer);
      return c.body(served(c, entry.body), 200, entry.headers);
    });
}

/** The cancel reason of a hand-off link nobody fetched (logged where it lapses). */
const LAPSED = Symbol('download link lapsed');

/**
 * The vendor's stream, passed on as it is read; the export slot is freed when it ends, fails or is
 * cancelled. The vendor client logs a failure; a cancel by our client is logged here.
 */
function releasingOnEnd(source: ReadableStream<Uint8Array>, release: () => void, logger: Logger): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let failed = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await reader.read();
          if (done) {
            release();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          failed = true;
          release();
          controller.error(error);
        }
      },
      async cancel(reason) {
        release();
        if (reason !== LAPSED && !failed) logger.info({ action: 'downloadcsv' }, 'client closed the download');
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

interface NodeOutgoing {
  destroy(): void;
}

/** The Node response being written, when @hono/node-server serves the request (not app.request). */
function nodeOutgoing(c: Context): NodeOutgoing | null {
  const outgoing = (c.env as { outgoing?: Partial<NodeOutgoing> } | undefined)?.outgoing;
  return typeof outgoing?.destroy === 'function' ? (outgoing as NodeOutgoing) : null;
}

/**
 * The body as handed to the server. A stream that errors makes @hono/node-server print the error's
 * stack with console.error, past the logger and its scrubber. So over Node a failure (already
 * logged by the vendor client) closes the connection instead: the download still fails, since the
 * chunked answer never ends, and the server's own cancel on close ends the stream quietly.
 */
function served(c: Context, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const outgoing = nodeOutgoing(c);
  if (outgoing === null) return body;
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk;
        try {
          chunk = await reader.read();
        } catch {
          outgoing.destroy();
          // Wait for the server's cancel (it follows the close) rather than end the file cleanly.
          return new Promise<void>(() => undefined);
        }
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel(reason) {
        return reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
