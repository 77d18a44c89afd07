// The one way the SPA talks to its BFF: fetch a JSON path, parse it with the shared zod schema,
// and turn every kind of failure into an ApiRequestError the UI can explain in plain words.
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
  /** The server's wait before its next attempt at the vendor, when its error body says. */
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
  { signal, timeoutMs = DEFAULT_TIMEOUT_MS, fetch: fetchImpl = globalThis.fetch }: FetchJsonOptions = {},
): Promise<z.output<S>> {
  const timeout = timeoutMs === null ? undefined : AbortSignal.timeout(timeoutMs);
  const signals = [signal, timeout].filter((s) => s !== undefined);
  let response: Response;
  try {
    response = await fetchImpl(path, {
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      headers: { accept: 'application/json' },
      cache: 'no-store',
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
      throw new ApiRequestError({ status: response.status, ...parsed.data.error });
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

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}
