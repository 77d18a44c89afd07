// Starts Occupancy Live: the API and the built SPA on one port. Without WELLPOINT_ACCESS_KEY it
// runs in demo mode against the embedded simulator.
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLIENT_DIST, compose } from './compose';
import { EnvError, loadEnv } from './env';
import { SiteConfigError } from './site-config';

function start() {
  let composed;
  let env;
  let clientDist;
  try {
    env = loadEnv();
    clientDist = env.CLIENT_DIST_DIR === undefined ? CLIENT_DIST : resolve(env.CLIENT_DIST_DIR);
    composed = compose(env, { clientDist });
  } catch (error) {
    if (error instanceof EnvError || error instanceof SiteConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { app, logger, demo } = composed;
  if (!existsSync(clientDist)) {
    logger.warn({ clientDist }, 'the built client is missing: the API runs, but the dashboard needs `npm run build` first');
  }

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    logger.info({ url: `http://${host}:${info.port}/`, demo, timezone: env.SITE_TIMEZONE }, demo ? 'Occupancy Live is running in demo mode (embedded WELLPOINT simulator)' : 'Occupancy Live is running');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Open CSV streams may take long; give them a moment, then go.
    const force = setTimeout(() => process.exit(0), 10_000);
    force.unref();
    server.close(() => process.exit(0));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start();
