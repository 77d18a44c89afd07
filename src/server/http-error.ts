// Our JSON error shape, used by every route and by the one onError handler.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ErrorCode } from '@/shared/api-schema';

export class ApiHttpError extends Error {
  override name = 'ApiHttpError';
  /** Sent as Retry-After (a 429). */
  retryAfterSeconds?: number;
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, field?: string) {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: field === undefined ? { code, message } : { code, message, field } }, status);
}

/** A 400 naming the first field zod refused ("spaces.1.parent names …"), or `whole` when it is the value itself. */
export function badRequestFrom(error: z.ZodError, whole: string): ApiHttpError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  return new ApiHttpError(400, 'bad_request', `${field === '' ? whole : field} ${issue?.message ?? 'is not valid'}.`, field === '' ? undefined : field);
}
