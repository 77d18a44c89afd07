// The failures of the vendor, classified into the codes our API and UI act on.
import type { ErrorCode } from '@/shared/api-schema';

export type UpstreamErrorCode = Extract<
  ErrorCode,
  'upstream_auth' | 'upstream_unavailable' | 'upstream_timeout' | 'upstream_format' | 'no_pro_devices' | 'no_data'
>;

const STATUS: Record<UpstreamErrorCode, 404 | 502 | 503 | 504> = {
  upstream_auth: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
  upstream_format: 502,
  no_pro_devices: 404,
  no_data: 404,
};

/** Plain words for a person; never the key, the vendor URL or the vendor's body. */
export const UPSTREAM_MESSAGES: Record<UpstreamErrorCode, string> = {
  upstream_auth: "The WELLPOINT cloud did not accept this server's access key. Ask your administrator to check WELLPOINT_ACCESS_KEY.",
  upstream_unavailable: 'The WELLPOINT cloud is not answering right now.',
  upstream_timeout: 'The WELLPOINT cloud took too long to answer.',
  upstream_format: 'The WELLPOINT cloud sent an answer this dashboard cannot read.',
  no_pro_devices: 'The WELLPOINT account has no PRO-plan devices; only PRO devices are available through the WELLPOINT API.',
  no_data: 'The WELLPOINT cloud has no counts for this range and these devices.',
};

export interface UpstreamErrorExtras {
  /** The vendor's Retry-After, in ms from its answer (null when it sent none or an unreadable one). */
  retryAfterMs?: number | null;
  /** For our answer: seconds until this server asks the vendor again (set during a back-off). */
  retryInSeconds?: number | null;
}

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly status: 404 | 502 | 503 | 504;
  readonly retryAfterMs: number | null;
  readonly retryInSeconds: number | null;

  constructor(
    readonly code: UpstreamErrorCode,
    /** Internal detail for the log (key-free); the public message is UPSTREAM_MESSAGES[code]. */
    readonly detail: string,
    extras: UpstreamErrorExtras = {},
  ) {
    super(UPSTREAM_MESSAGES[code]);
    this.status = STATUS[code];
    this.retryAfterMs = extras.retryAfterMs ?? null;
    this.retryInSeconds = extras.retryInSeconds ?? null;
  }

  /** The same failure, saying when the server will next try the vendor (errors are shared: never mutated). */
  withRetryIn(seconds: number | null): UpstreamError {
    return new UpstreamError(this.code, this.detail, { retryAfterMs: this.retryAfterMs, retryInSeconds: seconds });
  }
}
