// Loopback HTTP helpers for the bench: small JSON calls to the simulator's control routes, and a
// streaming download that counts and discards bytes while timing the first one.
import { type Agent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';

/** The session cookie of each BFF the bench signed in to, by origin: every request to it carries it. */
const sessions = new Map<string, string>();

export function rememberSession(origin: string, cookie: string): void {
  sessions.set(new URL(origin).origin, cookie);
}

/** The cookie header for a URL of a BFF the bench signed in to (none for the simulator). */
export function sessionHeaders(url: string): Record<string, string> {
  const cookie = sessions.get(new URL(url).origin);
  return cookie === undefined ? {} : { cookie };
}

export interface SimpleResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

export function request(
  url: string,
  options: { method?: string; json?: unknown; agent?: Agent | false; timeoutMs?: number; headers?: Record<string, string> } = {},
): Promise<SimpleResponse> {
  const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.agent,
        headers: {
          ...sessionHeaders(url),
          ...options.headers,
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(payload.length) }),
        },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${options.method ?? 'GET'} ${url}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export async function json<T>(url: string, options: Parameters<typeof request>[1] = {}): Promise<T> {
  const res = await request(url, options);
  if (res.status < 200 || res.status > 299)
    throw new Error(
      `${options.method ?? 'GET'} ${url.replace(/user_access_key=[^&]*/, 'user_access_key=…')}: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 200)}`,
    );
  return JSON.parse(res.body.toString('utf8')) as T;
}

export interface DownloadResult {
  status: number;
  bytes: number;
  /** Request start to the response headers, ms. */
  headersMs: number;
  /** Request start to the first body byte, ms. */
  firstByteMs: number;
  /** Request start to the last body byte, ms. */
  totalMs: number;
}

/**
 * GET over a fresh connection (no pooled socket, so both sides of a comparison pay the same
 * connect), reading the whole body as fast as it comes and discarding it.
 */
export function download(url: string, onProgress?: (bytes: number) => void): Promise<DownloadResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false, headers: sessionHeaders(url) }, (res) => {
      const headersMs = performance.now() - started;
      let firstByteMs = Number.NaN;
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        onProgress?.(bytes);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, headersMs, firstByteMs, totalMs: performance.now() - started }));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error(`download aborted after ${bytes} bytes`)));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls `url` until it answers 200, or fails when `alive()` turns false or time runs out. */
export async function waitForHttp(url: string, alive: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = '';
  while (performance.now() < deadline) {
    if (!alive()) throw new Error(`the process behind ${url} exited`);
    try {
      const res = await request(url, { agent: false, timeoutMs: 2000 });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms (${last})`);
}
