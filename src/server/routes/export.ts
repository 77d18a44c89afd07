// GET /api/export: the vendor's CSV for a validated range, streamed through unchanged.
// Nothing is sent before the vendor's first bytes have been checked, so a rejected key, an empty
// account or an empty range becomes a JSON error the form can show, never a saved error file.
import contentDisposition from 'content-disposition';
import { Hono } from 'hono';
import { exportQuerySchema, fieldErrors } from '@/shared/export-query';
import { todayIn } from '@/shared/zoned';
import type { AppDeps } from '../app-deps';
import { ApiHttpError } from '../http-error';
import { UpstreamError } from '../upstream/upstream-error';

/**
 * RFC 6266: a plain-ASCII `filename` for old clients and the exact UTF-8 name in `filename*`.
 * safeFilename already removed quotes, separators and control characters.
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]/g, '_');
  return contentDisposition(filename, { type: 'attachment', fallback: ascii });
}

export function defaultExportFilename(siteName: string, from: string, to: string, resolution: string): string {
  const site = siteName.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'occupancy';
  return `${site}_${from}_${to}_${resolution}.csv`;
}

export function exportRoutes(deps: AppDeps) {
  let running = 0;
  return new Hono().get('/', async (c) => {
    const parsed = exportQuerySchema({ today: todayIn(deps.timezone, deps.now()) }).safeParse(c.req.query());
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      const [field, message] = Object.entries(errors)[0] ?? ['form', 'The export request is not valid.'];
      throw new ApiHttpError(400, 'bad_request', message, field);
    }
    const q = parsed.data;
    if (running >= deps.exportConcurrency) {
      throw new ApiHttpError(429, 'rate_limited', `${deps.exportConcurrency} exports are already running; try again when one has finished.`);
    }
    running += 1;
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        running -= 1;
      }
    };
    let download;
    try {
      download = await deps.client.openCsv({ from: q.from, to: q.to, resolution: q.resolution, devices: q.devices }, c.req.raw.signal);
    } catch (error) {
      release();
      if (error instanceof UpstreamError && error.code === 'no_pro_devices' && q.devices !== null) {
        // An empty answer for chosen devices: they are unknown or not PRO devices of this account.
        throw new ApiHttpError(404, 'no_data', 'None of the chosen devices is a PRO-plan device of this WELLPOINT account, so there is nothing to export.', 'devices');
      }
      throw error;
    }
    const source = download.body.getReader();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            const { value, done } = await source.read();
            if (done) {
              release();
              controller.close();
            } else controller.enqueue(value);
          } catch (error) {
            release();
            controller.error(error);
          }
        },
        async cancel(reason) {
          release();
          await source.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    const filename = q.filename ?? defaultExportFilename(deps.site.siteName ?? 'occupancy', q.from, q.to, q.resolution);
    deps.logger.info({ from: q.from, to: q.to, resolution: q.resolution, devices: q.devices?.length ?? 'all' }, 'export started');
    return c.body(body, 200, {
      'Content-Type': download.contentType,
      'Content-Disposition': attachmentHeader(filename),
      'Cache-Control': 'no-store',
    });
  });
}
