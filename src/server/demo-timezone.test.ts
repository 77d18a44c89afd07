// Demo mode is in the demo site's time zone, wherever the server runs: without SITE_TIMEZONE the
// simulated doors' Budapest time, not the server's (a UTC server stamped the demo an hour off).
// The server's zone is given explicitly (America/New_York), so the tests pass on any machine.
import { describe, expect, it } from 'vitest';
import { configSchema, historySchema } from '@/shared/api-schema';
import { createClock } from '@/simulator';
import { compose } from './compose';
import { DEMO_SITE_TIMEZONE } from './demo-site';
import { type Env, loadEnv } from './env';
import { NOW, TEST_ADMIN, VENDOR_URL, memoryStore, newSimulator } from './test/support';

/** The environment of a server whose own zone is New York, with or without SITE_TIMEZONE. */
function envOn(vars: Record<string, string>): Env {
  const env = loadEnv({ LOG_LEVEL: 'silent', ...vars });
  return env.SITE_TIMEZONE_SET ? env : { ...env, SITE_TIMEZONE: 'America/New_York' };
}

function demoApp(env: Env) {
  const clock = createClock();
  clock.setFixed(NOW);
  return compose(env, { clientDist: null, simulator: { authDelayMs: 5, clock }, store: memoryStore() });
}

async function configZone(app: ReturnType<typeof compose>['app']): Promise<string> {
  const res = await app.request('/api/config');
  expect(res.status).toBe(200);
  return configSchema.parse(await res.json()).timezone;
}

describe('SITE_TIMEZONE', () => {
  it('is known to be set only when given a non-blank value; unset, it is the server’s zone', () => {
    expect(loadEnv({}).SITE_TIMEZONE_SET).toBe(false);
    expect(loadEnv({ SITE_TIMEZONE: '  ' }).SITE_TIMEZONE_SET).toBe(false);
    expect(loadEnv({}).SITE_TIMEZONE).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(loadEnv({ SITE_TIMEZONE: 'Europe/London' })).toMatchObject({ SITE_TIMEZONE: 'Europe/London', SITE_TIMEZONE_SET: true });
  });
});

describe('the site time zone compose picks', () => {
  it('demo mode without SITE_TIMEZONE: the demo site’s zone, not the server’s', async () => {
    expect(DEMO_SITE_TIMEZONE).toBe('Europe/Budapest');
    const composed = demoApp(envOn({}));
    expect(composed.timezone).toBe('Europe/Budapest');
    expect(await configZone(composed.app)).toBe('Europe/Budapest');

    // History's instants carry the demo zone's offset (UTC+1 in November).
    const res = await composed.app.request('/api/history?from=2026-11-25&to=2026-11-25&resolution=hour&devices=93,108');
    expect(res.status).toBe(200);
    const body = historySchema.parse(await res.json());
    expect(body.timezone).toBe('Europe/Budapest');
    expect(body.series.map((s) => [s.id, s.points[0]?.start])).toEqual([
      [93, '2026-11-25T00:00:00+01:00'],
      [108, '2026-11-25T00:00:00+01:00'],
    ]);
    expect(body.series.flatMap((s) => s.points).every((p) => p.start.endsWith('+01:00'))).toBe(true);
  });

  it('SITE_TIMEZONE set: it wins, in demo mode too', async () => {
    const composed = demoApp(envOn({ SITE_TIMEZONE: 'Europe/London' }));
    expect(composed.timezone).toBe('Europe/London');
    expect(await configZone(composed.app)).toBe('Europe/London');
  });

  it('with a key and no SITE_TIMEZONE: the server’s zone (a real site is where its server is)', async () => {
    const sim = newSimulator();
    const composed = compose(envOn({ WELLPOINT_ACCESS_KEY: 'sim-key', WELLPOINT_BASE_URL: VENDOR_URL }), {
      clientDist: null,
      fetch: (input, init) => sim.fetch(input, init),
      now: () => sim.clock.now(),
      store: memoryStore(),
      assumePrincipal: TEST_ADMIN,
    });
    expect(composed.timezone).toBe('America/New_York');
    expect(await configZone(composed.app)).toBe('America/New_York');
  });
});
