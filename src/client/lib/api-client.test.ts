// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiRequestError, fetchJson, retryAfterSeconds } from './api-client';

const schema = z.object({ siteName: z.string() });

function stubFetch(impl: () => Promise<Response>) {
  const fetchMock = vi.fn(impl);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function json(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiRequestError);
  return error as ApiRequestError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('returns the body parsed with the schema', async () => {
    const fetchMock = stubFetch(() => json({ siteName: 'Riverside', extra: 1 }));
    await expect(fetchJson('/api/config', schema)).resolves.toEqual({ siteName: 'Riverside' });
    expect(fetchMock).toHaveBeenCalledWith('/api/config', expect.objectContaining({ cache: 'no-store' }));
  });

  it('throws the API error of a non-OK answer with its status, code and message', async () => {
    stubFetch(() => json({ error: { code: 'upstream_auth', message: 'WELLPOINT rejected the access key' } }, 502));
    const error = await failure(fetchJson('/api/occupancy', schema));
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth', message: 'WELLPOINT rejected the access key' });
  });

  it('keeps the field of a bad request', async () => {
    stubFetch(() => json({ error: { code: 'bad_request', message: 'from is not a date', field: 'from' } }, 400));
    const error = await failure(fetchJson('/api/history', schema));
    expect(error).toMatchObject({ status: 400, code: 'bad_request', field: 'from' });
  });

  it('reports a network failure as "network" (the BFF is unreachable)', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failure(fetchJson('/api/occupancy', schema));
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('reports a gateway error page without our JSON as "network"', async () => {
    stubFetch(() => Promise.resolve(new Response('<html>Bad Gateway</html>', { status: 502 })));
    const error = await failure(fetchJson('/api/occupancy', schema));
    expect(error).toMatchObject({ status: 502, code: 'network' });
  });

  it('reports any other unreadable error as "invalid_response"', async () => {
    stubFetch(() => Promise.resolve(new Response('Internal oops', { status: 500 })));
    expect(await failure(fetchJson('/api/occupancy', schema))).toMatchObject({ status: 500, code: 'invalid_response' });
  });

  it('rejects a body that does not fit the schema, saying where', async () => {
    stubFetch(() => json({ siteName: 42 }));
    const error = await failure(fetchJson('/api/config', schema));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/\/api\/config.*siteName/);
  });

  it('rejects a 200 that is not JSON at all', async () => {
    stubFetch(() => Promise.resolve(new Response('<html>hello</html>', { status: 200 })));
    expect(await failure(fetchJson('/api/config', schema))).toMatchObject({ code: 'invalid_response' });
  });

  it('lets a cancelled request stay a cancellation, not an error to show', async () => {
    const controller = new AbortController();
    stubFetch(() => {
      controller.abort();
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    });
    const error: unknown = await fetchJson('/api/config', schema, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiRequestError);
  });

  it('gives up on a request that hangs', async () => {
    stubFetch(() => new Promise<Response>(() => {}));
    vi.stubGlobal(
      'fetch',
      (_: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError')));
        }),
    );
    const error = await failure(fetchJson('/api/occupancy', schema, { timeoutMs: 20 }));
    expect(error).toMatchObject({ code: 'network' });
    expect(error.message).toMatch(/did not answer/);
  });
});

describe('fetchJson sending JSON', () => {
  it('sends the method and a JSON body, same origin, and accepts an empty answer', async () => {
    const fetchMock = stubFetch(() => Promise.resolve(new Response(null, { status: 204 })));
    await expect(fetchJson('/api/session', z.unknown(), { method: 'POST', body: { email: 'a@b.c', password: 'x' } })).resolves.toBeUndefined();
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/session',
      expect.objectContaining({
        method: 'POST',
        body: '{"email":"a@b.c","password":"x"}',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
      }),
    );
  });

  it('sends no body and no content type when there is none (DELETE)', async () => {
    const fetchMock = stubFetch(() => Promise.resolve(new Response(null, { status: 204 })));
    await fetchJson('/api/session', z.unknown(), { method: 'DELETE' });
    const init = (fetchMock.mock.calls[0] as unknown[] | undefined)?.[1];
    expect(init).toMatchObject({ method: 'DELETE', headers: { accept: 'application/json' } });
    expect(init).not.toHaveProperty('body');
  });

  it('reads the wait of a 429 from Retry-After when the body does not say', async () => {
    stubFetch(() =>
      Promise.resolve(
        new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many attempts' } }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '90' },
        }),
      ),
    );
    const error = await failure(fetchJson('/api/session', schema, { method: 'POST', body: {} }));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryInSeconds: 90 });
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 10:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
  });
});
