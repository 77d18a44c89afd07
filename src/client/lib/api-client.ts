// The one way the SPA talks to its BFF: fetch a JSON path (or send JSON to it), parse the answer
// with the shared zod schema, and turn every kind of failure into an ApiRequestError the UI can
// explain in plain words.
import type { z } from 'zod';
import { apiErrorSchema, type ErrorCode } from '@/shared/api-schema';

/**
 * `network`: the BFF could not be reached (or a gateway in front of it said so).
 * `invalid_response`: the BFF answered, but not in the shape this build of the page expects.
 */
export type ClientErrorCode = 'network' | 'invalid_response';
export type RequestErrorCode = ErrorCode | ClientErrorCode;

export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  /** HTTP status; 0 when no answer arrived at all. */
  readonly status: number;
  readonly code: RequestErrorCode;
  /** The query parameter a `bad_request` is about. */
  readonly field: string | undefined;
  /** The server's wait before its next attempt at the vendor (error body), or before it takes another try (Retry-After). */
  readonly retryInSeconds: number | undefined;

  constructor({
    status,
    code,
    message,
    field,
    retryInSeconds,
  }: {
    status: number;
    code: RequestErrorCode;
    message: string;
    field?: string;
    retryInSeconds?: number;
  }) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryInSeconds = retryInSeconds;
  }
}

export interface FetchJsonOptions {
  /** GET unless given; a state-changing method sends `body` as JSON (same origin, so the session cookie goes along). */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** A hanging request must not freeze a wall screen on an old number; null: the server's own limits apply. */
  timeoutMs?: number | null;
  /** For tests. */
  fetch?: typeof globalThis.fetch;
}

const DEFAULT_TIMEOUT_MS = 15_000;
// A gateway (dev proxy, load balancer) answering these without our JSON means the BFF behind it
// is down or unreachable, which the user should hear as "cannot reach the server".
const GATEWAY_STATUSES = new Set([502, 503, 504]);

export async function fetchJson<S extends z.ZodType>(
  path: string,
  schema: S,
  { method = 'GET', body: payload, signal, timeoutMs = DEFAULT_TIMEOUT_MS, fetch: fetchImpl = globalThis.fetch }: FetchJsonOptions = {},
): Promise<z.output<S>> {
  const timeout = timeoutMs === null ? undefined : AbortSignal.timeout(timeoutMs);
  const signals = [signal, timeout].filter((s) => s !== undefined);
  let response: Response;
  try {
    response = await fetchImpl(path, {
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      cache: 'no-store',
      ...(method === 'GET'
        ? { headers: { accept: 'application/json' } }
        : {
            method,
            headers: { accept: 'application/json', ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
            ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
          }),
    });
  } catch (error) {
    // A cancelled query (unmount, key change) is not a failure: let TanStack Query see the abort.
    if (signal?.aborted) throw error;
    throw new ApiRequestError({
      status: 0,
      code: 'network',
      message: timeout?.aborted ? `The server did not answer within ${Math.round((timeoutMs ?? 0) / 1000)} s.` : 'The server could not be reached.',
    });
  }

  const body = await readJson(response);

  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    if (parsed.success) {
      const retryInSeconds = parsed.data.error.retryInSeconds ?? retryAfterSeconds(response.headers.get('retry-after'));
      throw new ApiRequestError({ status: response.status, ...parsed.data.error, ...(retryInSeconds === undefined ? {} : { retryInSeconds }) });
    }
    throw new ApiRequestError({
      status: response.status,
      code: GATEWAY_STATUSES.has(response.status) ? 'network' : 'invalid_response',
      message: `The server answered ${path} with HTTP ${response.status} and no readable explanation.`,
    });
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'body'}: ${first.message})` : '';
    throw new ApiRequestError({
      status: response.status,
      code: 'invalid_response',
      message: `The server's answer to ${path} does not have the expected shape${where}.`,
    });
  }
  return parsed.data;
}

/** Retry-After in seconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}
