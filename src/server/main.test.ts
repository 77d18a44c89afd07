// main.ts as a real process: the plain start line beside the JSON log, a busy port, and crashes
// logged through the (scrubbing) logger. Each child is started here and stopped by its pid.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>, preload: string[] = []): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'src/server/main.ts'], {
    cwd: REPO,
    // Only what the server reads: no inherited WELLPOINT_* or PORT from the shell running the tests.
    // A store of its own in a fresh folder, never the repository's ./data.
    env: {
      PATH: process.env.PATH ?? '',
      SITE_TIMEZONE: 'Europe/Budapest',
      LOG_LEVEL: 'info',
      CLIENT_DIST_DIR: REPO,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'occupancy-main-data-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function until(check: () => boolean, run: Run): Promise<void> {
  while (!check()) {
    if (run.child.exitCode !== null) throw new Error(`the server exited early: ${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

const blockers: Server[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGKILL');
      await once(child, 'exit');
    }
  }
  for (const server of blockers.splice(0)) server.close();
});

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

describe('main.ts', () => {
  it('prints one plain line on stderr (where to open it, demo data); stdout stays JSON lines', async () => {
    const port = await freePort();
    const run = startMain({ PORT: String(port), HOST: '127.0.0.1' });
    await until(() => run.stderr().includes('\n'), run);
    expect(lines(run.stderr())).toEqual([`Occupancy Live: open http://127.0.0.1:${port}/ (demo data: embedded WELLPOINT simulator)`]);
    await until(() => run.stdout().includes('running in demo mode'), run);
    for (const line of lines(run.stdout())) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    process.kill(run.child.pid ?? 0, 'SIGTERM');
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('a port already in use: one line naming HOST:PORT, exit 1, no stack', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as { port: number };

    const run = startMain({ PORT: String(port), HOST: '127.0.0.1' });
    expect(await run.exited).toBe(1);
    expect(lines(run.stderr())).toEqual([`Occupancy Live cannot start: 127.0.0.1:${port} is already in use (set PORT or HOST to another address).`]);
  }, 60_000);

  it('a bad SITE_CONFIG_FILE: stops before listening, exit 1, naming the field and what is wrong, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'occupancy-main-'));
    const file = join(dir, 'site.json');
    const site = { id: 'site', name: 'Building', doors: [{ device: 91, side: 'in' }] };
    writeFileSync(file, JSON.stringify({ spaces: [site, { id: 'cafe', name: 'Café', parent: 'lobby', doors: [{ device: 93, side: 'in' }] }] }));
    try {
      const run = startMain({ PORT: String(await freePort()), HOST: '127.0.0.1', SITE_CONFIG_FILE: file });
      expect(await run.exited).toBe(1);
      expect(lines(run.stderr())).toEqual(['SITE_CONFIG_FILE is not a valid site configuration:', '  spaces.1.parent: names "lobby", which is not a space id']);
      expect(run.stdout()).not.toContain('is running');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a damaged store: stops before listening, exit 1, one line naming the file and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'occupancy-main-'));
    writeFileSync(join(dir, 'occupancy-live.db'), 'not a database\n'.repeat(500));
    const run = startMain({ PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: dir });
    expect(await run.exited).toBe(1);
    expect(lines(run.stderr())).toEqual([
      `The store ${join(dir, 'occupancy-live.db')} is damaged or not a database (SQLITE_NOTADB). Restore it from a backup (npm run backup makes one), or move it away to start empty.`,
    ]);
  }, 60_000);

  it('a real key and no account: the one-time setup code on stderr, for the person who started it', async () => {
    const port = await freePort();
    const run = startMain({ PORT: String(port), HOST: '127.0.0.1', WELLPOINT_ACCESS_KEY: 'a-key-for-this-test', WELLPOINT_BASE_URL: 'http://127.0.0.1:9/' });
    await until(() => lines(run.stderr()).length >= 2, run);
    expect(lines(run.stderr())).toEqual([
      `Occupancy Live: open http://127.0.0.1:${port}/ (live data from WELLPOINT Cloud)`,
      expect.stringMatching(
        /^Occupancy Live: no account exists yet\. Open \/setup and enter the one-time code \d{4}-\d{4} to create the first administrator\.$/,
      ),
    ]);
  }, 60_000);

  it.each([
    ['uncaughtException', 'throw new Error(message)', 'uncaught exception; exiting'],
    ['unhandledRejection', 'void Promise.reject(new Error(message))', 'unhandled promise rejection; exiting'],
  ])(
    '%s: logged as one scrubbed JSON line through the logger, exit 1',
    async (_event, fault, msg) => {
      const key = `test-key-${crypto.randomUUID()}`;
      // Fails once main.ts has set its handlers up (it has when the start line is out).
      const preload = `data:text/javascript,${encodeURIComponent(
        `const message = 'boom with ' + process.env.WELLPOINT_ACCESS_KEY; const t = setInterval(() => { if (process.listenerCount('unhandledRejection') > 0) { clearInterval(t); ${fault}; } }, 20);`,
      )}`;
      const run = startMain({ PORT: String(await freePort()), HOST: '127.0.0.1', WELLPOINT_ACCESS_KEY: key, WELLPOINT_BASE_URL: 'http://127.0.0.1:9/' }, [
        preload,
      ]);
      expect(await run.exited).toBe(1);
      const fatal = lines(run.stdout())
        .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } })
        .find((l) => l.msg === msg);
      expect(fatal?.level).toBe(60);
      expect(fatal?.err?.message).toBe('boom with [REDACTED]');
      expect(run.stdout() + run.stderr()).not.toContain(key);
      expect(run.stderr()).not.toMatch(/^\s+at /m);
    },
    60_000,
  );
});
