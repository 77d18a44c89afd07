// `npm run simulator`: the WELLPOINT simulator as a server of its own, for running the BFF
// against a separate "vendor" and for benchmarks. The only reader of process.env in this folder.
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { BUILT_IN_ACCOUNTS, DEFAULT_AUTH_DELAY_MS, DEFAULT_SEED, createSimulator } from './index';

const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? String(fallback) : v))
    .pipe(
      z
        .string()
        .regex(/^-?\d+$/, 'must be a whole number')
        .transform(Number)
        .pipe(z.number().int().min(min).max(max)),
    );

const envSchema = z.object({
  SIMULATOR_PORT: integer(0, 65_535, 8790),
  SIMULATOR_HOST: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? '127.0.0.1' : v)),
  SIMULATOR_SEED: integer(-(2 ** 31), 2 ** 31 - 1, DEFAULT_SEED),
  SIMULATOR_AUTH_DELAY_MS: integer(0, 600_000, DEFAULT_AUTH_DELAY_MS),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  // Name the variable, never echo its value.
  for (const issue of parsed.error.issues) console.error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const env = parsed.data;

const simulator = createSimulator({ seed: env.SIMULATOR_SEED, authDelayMs: env.SIMULATOR_AUTH_DELAY_MS });

const server = serve({ fetch: simulator.app.fetch, port: env.SIMULATOR_PORT, hostname: env.SIMULATOR_HOST }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  // Simulator keys are not secrets, but print only enough to tell the accounts apart.
  const keys = BUILT_IN_ACCOUNTS.map((a) => `${a.label} account key: ${a.key.replace(/[^-]+$/, '...')}`).join(', ');
  console.log(`WELLPOINT simulator listening on http://${host}:${info.port}/ (seed ${env.SIMULATOR_SEED}); ${keys}`);
});

function shutdown(signal: string): void {
  console.log(`WELLPOINT simulator: ${signal}, shutting down`);
  server.close(() => process.exit(0));
  // Streaming downloads may hold connections open; do not wait for them.
  if ('closeAllConnections' in server) server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}

process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
