// Forwarding headers count only behind a trusted proxy; otherwise the socket's own answer does.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, isHttps, requestHeader } from './client-info';

function probe(trustProxy: boolean) {
  return new Hono().get('/', (c) => c.json({ https: isHttps(c, trustProxy), address: clientAddress(c, trustProxy) }));
}

/** What the Node adapter passes as the app's environment. */
const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

async function ask(trustProxy: boolean, url: string, headers: Record<string, string> = {}, env?: unknown) {
  const res = await probe(trustProxy).request(url, { headers }, env);
  return (await res.json()) as { https: boolean; address: string | null };
}

describe('client-info', () => {
  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9, 198.51.100.7' };

  it('without TRUST_PROXY: the socket and the URL decide, forwarding headers are ignored', async () => {
    expect(await ask(false, 'http://localhost/', forwarded, socket('192.0.2.1'))).toEqual({ https: false, address: '192.0.2.1' });
    expect(await ask(false, 'https://localhost/', {}, socket('192.0.2.1'))).toEqual({ https: true, address: '192.0.2.1' });
  });

  it('with TRUST_PROXY: the proxy’s X-Forwarded-Proto, and the address it appended last to X-Forwarded-For', async () => {
    expect(await ask(true, 'http://localhost/', forwarded, socket('127.0.0.1'))).toEqual({ https: true, address: '198.51.100.7' });
    expect(await ask(true, 'http://localhost/', { 'x-forwarded-proto': 'HTTP', 'x-forwarded-for': '203.0.113.9' }, socket('127.0.0.1'))).toEqual({
      https: false,
      address: '203.0.113.9',
    });
  });

  it('with TRUST_PROXY but no forwarding headers: falls back to the socket', async () => {
    expect(await ask(true, 'http://localhost/', {}, socket('192.0.2.1'))).toEqual({ https: false, address: '192.0.2.1' });
  });

  it('no socket (an in-process request): the address is unknown', async () => {
    expect((await ask(false, 'http://localhost/')).address).toBeNull();
  });

  it('under the Node adapter, headers are read from the incoming message (no Headers object built)', async () => {
    const incoming = { headers: { 'accept-encoding': 'br', 'x-forwarded-proto': 'https' }, socket: { remoteAddress: '127.0.0.1' } };
    const app = new Hono().get('/', (c) => c.json({ encoding: requestHeader(c, 'accept-encoding') ?? null, https: isHttps(c, true) }));
    const res = await app.request('http://localhost/', {}, { incoming });
    expect(await res.json()).toEqual({ encoding: 'br', https: true });
  });
});
