// Child processes of the benchmark: each runs in its own process group (detached), is stopped by
// signalling that group, and every group still alive is killed when the bench ends for any
// reason (normal end, error, Ctrl-C, SIGTERM). Only processes started here are ever signalled.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Child {
  name: string;
  pid: number;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
  hasExited(): boolean;
  /** The last lines the process wrote (stdout and stderr), for error messages. */
  tail(): string;
  /** Resolves with the first output line matching `pattern`, rejects if the process exits first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** SIGTERM to the group, SIGKILL after a grace period. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<Child>();
const started: Child[] = [];
const tempDirs = new Set<string>();
const TAIL_LINES = 200;

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the whole group is gone already.
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
}

/** Starts `command args` as the leader of a new process group, with a minimal environment. */
export function spawnChild(name: string, command: string, args: string[], options: SpawnOptions): Child {
  const base: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  const proc: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...base, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = proc.pid;
  const lines: string[] = [];
  const watchers = new Set<{ pattern: RegExp; resolve: (m: RegExpExecArray) => void }>();
  let exitedWith: number | string | null = null;

  const onText = (stream: NodeJS.ReadableStream | null) => {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (text: string) => {
      pending += text;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > TAIL_LINES) lines.shift();
        for (const w of watchers) {
          const m = w.pattern.exec(line);
          if (m !== null) {
            watchers.delete(w);
            w.resolve(m);
          }
        }
      }
    });
  };
  onText(proc.stdout);
  onText(proc.stderr);

  const exited = new Promise<number | string>((resolve) => {
    proc.once('exit', (code, signal) => {
      exitedWith = code ?? signal ?? 'unknown';
      live.delete(child);
      resolve(exitedWith);
    });
    proc.once('error', (error) => {
      lines.push(`spawn error: ${error.message}`);
      exitedWith = 'spawn-error';
      live.delete(child);
      resolve(exitedWith);
    });
  });

  const child: Child = {
    name,
    pid,
    exited,
    hasExited: () => exitedWith !== null,
    tail: () => lines.join('\n'),
    waitForLine(pattern, timeoutMs) {
      return new Promise<RegExpExecArray>((resolve, reject) => {
        for (const line of lines) {
          const m = pattern.exec(line);
          if (m !== null) return resolve(m);
        }
        const watcher = { pattern, resolve: (m: RegExpExecArray) => done(() => resolve(m)) };
        const timer = setTimeout(() => done(() => reject(new Error(`${name}: no "${pattern.source}" within ${timeoutMs} ms\n${child.tail()}`))), timeoutMs);
        let settled = false;
        function done(fn: () => void) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          watchers.delete(watcher);
          fn();
        }
        watchers.add(watcher);
        void exited.then((code) => done(() => reject(new Error(`${name} exited (${code}) before it was ready:\n${child.tail()}`))));
      });
    },
    async stop(graceMs = 3000) {
      if (exitedWith === null) {
        signalGroup(pid, 'SIGTERM');
        await Promise.race([exited, sleep(graceMs)]);
      }
      // The leader may be gone while a helper it started (e.g. tsx's esbuild service) lingers.
      signalGroup(pid, 'SIGKILL');
      await Promise.race([exited, sleep(2000)]);
    },
  };
  live.add(child);
  started.push(child);
  return child;
}

/** How many child processes were started, and how many are still running. */
export function childCounts(): { started: number; running: number } {
  return { started: started.length, running: started.filter((c) => !c.hasExited()).length };
}

/** Stops every child still running, in parallel. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((c) => c.stop(1500)));
}

/** A temporary directory removed when the bench ends. */
export function trackTempDir(path: string): string {
  tempDirs.add(path);
  return path;
}

function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Whatever happens, nothing the bench started survives it. */
export function installCleanup(): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping everything the bench started...`);
    void stopAll()
      .catch(() => undefined)
      .finally(() => {
        removeTempDirs();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', () => {
    for (const c of live) signalGroup(c.pid, 'SIGKILL');
    removeTempDirs();
  });
}

/** Removes the temporary directories now (also done on exit). */
export function cleanupTempDirs(): void {
  removeTempDirs();
}

/** A port that was free on 127.0.0.1 a moment ago (for servers that cannot listen on port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * True when process `pid` itself holds a listening TCP socket on `port` (Linux /proc): proves the
 * server answering on that port is our child, not another process that took the port meanwhile.
 */
export function listensOn(pid: number, port: number): boolean {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1] !== undefined) inodes.add(m[1]);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  } catch {
    return false;
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is "IP:PORT" in hex, st 0A = LISTEN, inode is column 9.
      if (cols.length > 9 && cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && inodes.has(cols[9] ?? '')) return true;
    }
  }
  return false;
}

/** VmRSS of a process in bytes, from /proc/<pid>/status; null when unreadable. */
/** The CPU time (user + system) a process has used, in ms; null where /proc cannot tell. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command's name in parentheses: utime and stime are the 12th and 13th fields, in
    // clock ticks (USER_HZ, 100 on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export function rssBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] === undefined ? null : Number(m[1]) * 1024;
  } catch {
    return null;
  }
}
