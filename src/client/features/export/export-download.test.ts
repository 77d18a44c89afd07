import { afterEach, describe, expect, it, vi } from 'vitest';
import { clickDownloadLink, startExport } from './export-download';

const URL_ = '/api/export?from=2026-11-20&to=2026-11-26&resolution=day&filename=a.csv';

const LINK = '/api/export/file/0b9d6f7e-4c1e-4a57-9d1a-2f6b8c0e1a23';

const prepared = (body: unknown = { download: LINK, filename: 'a.csv' }) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const jsonError = (status: number, error: Record<string, string>) =>
  new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('startExport', () => {
  it('a prepared file: the browser downloads the one-time link, the vendor asked once', async () => {
    const fetch = vi.fn(() => Promise.resolve(prepared()));
    const download = vi.fn();
    await expect(startExport(URL_, 'a.csv', { fetch, download })).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(`${URL_}&handoff=1`, expect.objectContaining({ cache: 'no-store' }));
    expect(download).toHaveBeenCalledWith(LINK, 'a.csv');
  });

  it.each([
    [502, { code: 'upstream_auth', message: 'The vendor rejected the access key.' }],
    [503, { code: 'upstream_unavailable', message: 'WELLPOINT is not answering.' }],
    [404, { code: 'no_data', message: 'No rows.' }],
    [400, { code: 'bad_request', message: 'End date is before the start date.', field: 'to' }],
  ])('HTTP %i: the JSON error comes back, nothing is downloaded', async (status, error) => {
    const download = vi.fn();
    const got = await startExport(URL_, 'a.csv', { fetch: () => Promise.resolve(jsonError(status, error)), download });
    expect(got).toMatchObject({ ok: false, error: { status, ...error } });
    expect(download).not.toHaveBeenCalled();
  });

  it('a gateway’s HTML error is "cannot reach the server"; another unreadable error is said as such', async () => {
    const html = (status: number) => () => Promise.resolve(new Response('<html>Bad gateway</html>', { status, headers: { 'content-type': 'text/html' } }));
    expect(await startExport(URL_, 'a.csv', { fetch: html(502), download: vi.fn() })).toMatchObject({ ok: false, error: { code: 'network', status: 502 } });
    expect(await startExport(URL_, 'a.csv', { fetch: html(500), download: vi.fn() })).toMatchObject({
      ok: false,
      error: { code: 'invalid_response', status: 500 },
    });
  });

  it.each([
    ['a file instead of a link', new Response('device_id,IN\n', { status: 200, headers: { 'content-type': 'text/csv' } })],
    ['a link elsewhere', prepared({ download: 'https://example.com/x.csv', filename: 'a.csv' })],
  ])('a 200 with %s is not handed to the browser', async (_label, response) => {
    const download = vi.fn();
    expect(await startExport(URL_, 'a.csv', { fetch: () => Promise.resolve(response), download })).toMatchObject({
      ok: false,
      error: { code: 'invalid_response' },
    });
    expect(download).not.toHaveBeenCalled();
  });

  it('an unreachable server is a network failure', async () => {
    const got = await startExport(URL_, 'a.csv', { fetch: () => Promise.reject(new TypeError('Failed to fetch')), download: vi.fn() });
    expect(got).toMatchObject({ ok: false, error: { status: 0, code: 'network', message: 'The server could not be reached.' } });
  });

  it('cancelling while the server prepares aborts the check and downloads nothing', async () => {
    const controller = new AbortController();
    let seenSignal: AbortSignal | undefined;
    const fetch = vi.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          seenSignal = init?.signal ?? undefined;
          seenSignal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const download = vi.fn();
    const pending = startExport(URL_, 'a.csv', { fetch, download, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(seenSignal?.aborted).toBe(true);
    expect(download).not.toHaveBeenCalled();
  });
});

describe('clickDownloadLink', () => {
  it('clicks a same-origin link with the download attribute and leaves nothing behind', () => {
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    clickDownloadLink(URL_, 'a.csv');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.getAttribute('href')).toBe(URL_);
    expect(clicks[0]?.getAttribute('download')).toBe('a.csv');
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
