// Starts Occupancy Live: the API and the built SPA on one port. Without WELLPOINT_ACCESS_KEY it
// runs in demo mode against the embedded simulator.
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serverWithFastPath } from './app';
import { CLIENT_DIST, compose } from './compose';
import { EnvError, loadEnv } from './env';
import { logProcessErrors } from './logger';
import { SiteConfigError } from './site-config';
import { StoreError } from './store/store';

function start() {
  let composed;
  let env;
  let clientDist;
  try {
    env = loadEnv();
    clientDist = env.CLIENT_DIST_DIR === undefined ? CLIENT_DIST : resolve(env.CLIENT_DIST_DIR);
    composed = compose(env, { clientDist });
  } catch (error) {
    if (error instanceof EnvError || error instanceof SiteConfigError || error instanceof StoreError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { app, logger, demo } = composed;
  if (!existsSync(clientDist)) {
    logger.warn({ clientDist }, 'the built client is missing: the API runs, but the dashboard needs `npm run build` first');
  }

  // A crash still goes through the logger (scrubbed, one JSON line), never a raw stack on stderr.
  logProcessErrors(logger);

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST, createServer: serverWithFastPath(app) }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    logger.info(
      { url: `http://${host}:${info.port}/`, demo, timezone: composed.timezone },
      demo ? 'Occupancy Live is running in demo mode (embedded WELLPOINT simulator)' : 'Occupancy Live is running',
    );
    // For the person who started it; on stderr, so stdout stays pure JSON lines for a log shipper.
    process.stderr.write(`${startLine(info.address, info.port, demo)}\n`);
    void composed.ready.then(() => {
      const code = composed.setupCode();
      if (code !== null)
        process.stderr.write(`Occupancy Live: no account exists yet. Open /setup and enter the one-time code ${code} to create the first administrator.\n`);
    });
  });
  const { HOST: listenHost, PORT: listenPort } = env;
  server.once('error', (error: NodeJS.ErrnoException) => {
    const where = `${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${listenPort}`;
    if (error.code === 'EADDRINUSE') console.error(`Occupancy Live cannot start: ${where} is already in use (set PORT or HOST to another address).`);
    else if (error.code === 'EACCES') console.error(`Occupancy Live cannot start: no permission to listen on ${where}.`);
    else if (error.code === 'EADDRNOTAVAIL') console.error(`Occupancy Live cannot start: ${where} is not an address of this machine.`);
    else logger.fatal({ err: error }, 'server error');
    process.exit(1);
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

/** The one plain line printed on start: where to open the dashboard and on what data. */
function startLine(address: string, port: number, demo: boolean): string {
  // A wildcard address is not something to type into a browser: this machine answers on loopback.
  const open = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : address.includes(':') ? `[${address}]` : address;
  return `Occupancy Live: open http://${open}:${port}/ (${demo ? 'demo data: embedded WELLPOINT simulator' : 'live data from WELLPOINT Cloud'})`;
}

start();
