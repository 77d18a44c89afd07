// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/client/lib/api-client';
import { toProblem } from '@/client/lib/error-text';
import { retryNote } from './status-banner';

const timing = { pollIntervalMs: 5_000, authBackoffSeconds: 300 };

describe('retryNote', () => {
  it('says the page’s own interval while the server keeps trying the vendor', () => {
    expect(retryNote({ code: 'upstream_unavailable', message: '' }, timing)).toBe('Trying again every 5\u00a0s.');
    expect(retryNote({ code: 'network', message: '' }, timing, 'panel')).toBe('This page tries again every 5\u00a0s.');
  });

  it('says the server’s back-off after a rejected key, not the poll interval', () => {
    expect(retryNote({ code: 'upstream_auth', message: '' }, timing)).toBe('The server tries again in about 5\u00a0min.');
  });

  it('prefers the server’s own figure when it sent one', () => {
    expect(retryNote({ code: 'upstream_auth', message: '', retryInSeconds: 42 }, timing)).toBe('The server tries again in about 42\u00a0s.');
    expect(retryNote({ code: 'rate_limited', message: '', retryInSeconds: 3 }, timing)).toBe('The server tries again in about 3\u00a0s.');
  });

  it('falls back to the poll interval when the back-off is unknown (no config)', () => {
    expect(retryNote({ code: 'upstream_auth', message: '' }, { pollIntervalMs: 5_000, authBackoffSeconds: undefined })).toBe('Trying again every 5\u00a0s.');
  });

  it('carries retryInSeconds from an error body into the problem', () => {
    const error = new ApiRequestError({ status: 502, code: 'upstream_auth', message: 'rejected', retryInSeconds: 120 });
    expect(toProblem(error)).toEqual({ code: 'upstream_auth', message: 'rejected', retryInSeconds: 120 });
  });
});
