// `npm run simulator` as a process: it listens where the environment says, refuses a bad
// variable by name, and shuts down cleanly on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('simulator main', () => {
  it('serves on the configured host and port, names the accounts without their keys, and stops on SIGTERM', async () => {
    const proc = start({ SIMULATOR_PORT: '0', SIMULATOR_HOST: '127.0.0.1', SIMULATOR_SEED: '5', SIMULATOR_AUTH_DELAY_MS: '10' });
    try {
      const until = Date.now() + 15_000;
      while (!/listening on http:\/\/127\.0\.0\.1:\d+\//.test(proc.output()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const line = proc.output();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(line)?.[0];
      expect(url).toBeDefined();
      expect(line).toContain('seed 5');
      expect(line).toContain('demo account key: sim-demo-...');
      expect(line).not.toContain('sim-demo-key');
      const res = await fetch(`${url ?? ''}?action=getoccupancy&user_access_key=wrong`);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
    } finally {
      proc.child.kill('SIGKILL');
    }
  }, 20_000);

  it('refuses an invalid variable, naming it but not echoing its value', async () => {
    const proc = start({ SIMULATOR_PORT: 'eighty-eighty' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('SIMULATOR_PORT');
    expect(proc.output()).not.toContain('eighty-eighty');
  }, 20_000);
});
