// The JSON error answer for a vendor failure: our usual shape, plus, during a back-off, when the
// server will next ask the vendor (in the body for the UI, and as Retry-After for any client).
import type { Context } from 'hono';
import type { ApiError } from '@/shared/api-schema';
import type { UpstreamError } from './upstream/upstream-error';

export function upstreamErrorResponse(c: Context, error: UpstreamError) {
  c.header('Cache-Control', 'no-store');
  const body: ApiError = { error: { code: error.code, message: error.message } };
  if (error.retryInSeconds !== null) {
    body.error.retryInSeconds = error.retryInSeconds;
    c.header('Retry-After', String(error.retryInSeconds));
  }
  return c.json(body, error.status);
}
