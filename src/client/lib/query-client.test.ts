// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client';
import { createQueryClient, retryDelay, shouldRetry } from './query-client';

const error = (status: number, code: ApiRequestError['code']) => new ApiRequestError({ status, code, message: code });

describe('query client defaults', () => {
  it('retries what may pass by itself, a bounded number of times', () => {
    expect(shouldRetry(0, error(0, 'network'))).toBe(true);
    expect(shouldRetry(1, error(503, 'upstream_unavailable'))).toBe(true);
    expect(shouldRetry(0, error(504, 'upstream_timeout'))).toBe(true);
    expect(shouldRetry(2, error(503, 'upstream_unavailable'))).toBe(false);
  });

  it('never retries a 4xx, a rejected vendor key, or an answer this page cannot read', () => {
    expect(shouldRetry(0, error(400, 'bad_request'))).toBe(false);
    expect(shouldRetry(0, error(401, 'unauthorized'))).toBe(false);
    expect(shouldRetry(0, error(429, 'rate_limited'))).toBe(false);
    expect(shouldRetry(0, error(502, 'upstream_auth'))).toBe(false);
    expect(shouldRetry(0, error(200, 'invalid_response'))).toBe(false);
  });

  it('backs off exponentially, with a cap', () => {
    expect([0, 1, 2, 3, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 8000]);
  });

  it('does not refetch on focus and never pauses silently while "offline"', () => {
    const queries = createQueryClient().getDefaultOptions().queries;
    expect(queries?.refetchOnWindowFocus).toBe(false);
    expect(queries?.networkMode).toBe('always');
  });
});
