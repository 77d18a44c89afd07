// The installable app's files as the server sends them: the service worker and the manifest are
// revalidated on every visit (a cached old sw.js would keep an old build), and the CSP lets this
// origin's worker and manifest in, no other.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compose } from './compose';
import { loadEnv } from './env';
import { memoryStore } from './test/support';

const temp = mkdtempSync(join(tmpdir(), 'occupancy-pwa-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function appWithBuild() {
  const dist = join(temp, 'dist');
  mkdirSync(join(dist, 'icons'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Occupancy Live</title><div id="root"></div>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'manifest.webmanifest'), JSON.stringify({ name: 'Occupancy Live', start_url: '/' }));
  writeFileSync(join(dist, 'icons', 'maskable-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return compose(loadEnv({ SITE_TIMEZONE: 'Europe/Budapest', LOG_LEVEL: 'silent' }), { clientDist: dist, store: memoryStore() }).app;
}

function directives(res: Response): Map<string, string> {
  return new Map(
    (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the service worker and the manifest', () => {
  const app = appWithBuild();

  it('/sw.js is JavaScript, revalidated on every visit', async () => {
    const res = await app.request('/sw.js', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('the manifest is application/manifest+json, revalidated on every visit; its icons are images', async () => {
    const res = await app.request('/manifest.webmanifest');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const icon = await app.request('/icons/maskable-192.png');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/png');
  });

  it('the CSP allows this origin’s worker and manifest on every page', async () => {
    for (const path of ['/', '/kiosk', '/sw.js']) {
      const csp = directives(await app.request(path));
      expect(csp.get('worker-src'), path).toBe("'self'");
      expect(csp.get('manifest-src'), path).toBe("'self'");
    }
  });
});
