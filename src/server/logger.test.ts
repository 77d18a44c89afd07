import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, createRedactor, logProcessErrors } from './logger';

function collect() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('scrubs the key in every form, wherever it appears in a line', async () => {
    const key = 'k3y/with+odd"chars&more';
    const { lines, destination } = collect();
    const logger = createLogger({ level: 'info', secrets: [key], destination });
    logger.info({ url: `https://wellpoint.cloud/?action=getoccupancy&user_access_key=${encodeURIComponent(key)}` }, 'calling');
    logger.info({ nested: { note: `plain ${key}` } }, `message with ${key}`);
    logger.error(new Error(`failed for ${key}`));
    logger.info({ accessKey: 'short' }, 'redacted path');
    await new Promise((r) => setImmediate(r));
    const all = lines.join('');
    expect(lines).toHaveLength(4);
    expect(all).not.toContain(key);
    expect(all).not.toContain(encodeURIComponent(key));
    expect(all).not.toContain(JSON.stringify(key).slice(1, -1));
    expect(all).not.toContain('short');
    expect(all.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(5);
  });

  // Spaces, `+`, `/`, `%`, quotes, a backslash, accented and astral characters, and a `%2f` that
  // is part of the key itself.
  const KEY = 'a b+c/d%2fe"f\\g\'h é 😀 ~!*()&=?#';
  const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  const mixedHex = (s: string) => s.replace(/%([0-9A-F])([0-9A-F])/g, (_m, a: string, b: string) => `%${a}${b.toLowerCase()}`);
  const form = new URLSearchParams({ k: KEY }).toString().slice(2);
  const json = JSON.stringify(KEY).slice(1, -1);
  const written: [string, string][] = [
    ['plain', KEY],
    ['encodeURIComponent, upper-case hex', encodeURIComponent(KEY)],
    ['encodeURIComponent, lower-case hex', lowerHex(encodeURIComponent(KEY))],
    ['encodeURIComponent, mixed-case hex', mixedHex(encodeURIComponent(KEY))],
    ['encodeURI', encodeURI(KEY)],
    ['form-encoded (+ for space)', form],
    ['form-encoded, lower-case hex', lowerHex(form)],
    ['form-encoded with %20', form.replaceAll('+', '%20')],
    ['encodeURIComponent with + for space', encodeURIComponent(KEY).replaceAll('%20', '+')],
    ['JSON-escaped', json],
    ['JSON-escaped twice', JSON.stringify(json).slice(1, -1)],
    ['JSON, non-ASCII as \\uXXXX', json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['JSON, non-ASCII as \\uXXXX upper case', json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`)],
  ];

  it.each(written)('redacts the key written %s', (_label, text) => {
    const redact = createRedactor([KEY]);
    expect(redact(`before ${text} after`)).toBe('before [REDACTED] after');
  });

  it.each(written)('keeps the key written %s out of every log line', async (_label, text) => {
    const { lines, destination } = collect();
    const logger = createLogger({ level: 'info', secrets: [KEY], destination });
    logger.info({ url: `https://wellpoint.cloud/?user_access_key=${text}&x=1`, nested: { body: JSON.stringify({ text }) } }, `message ${text}`);
    logger.error(new Error(`failed for ${text}`));
    await new Promise((r) => setImmediate(r));
    const all = lines.join('');
    expect(lines).toHaveLength(2);
    for (const fragment of ['b+c/d', 'b%2Bc', 'b%2bc', 'f\\\\g', '😀', 'e\\"f', '\\ud83d', '\\uD83D']) expect(all).not.toContain(fragment);
    expect(all.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow(); // still one JSON object a line
  });

  it('leaves text without the key alone, and an empty key redacts nothing', () => {
    expect(createRedactor([KEY])('a b c/d %2F é 😀')).toBe('a b c/d %2F é 😀');
    expect(createRedactor([''])('anything')).toBe('anything');
  });
});

describe('logProcessErrors', () => {
  it.each([
    ['uncaughtException', 'uncaught exception; exiting'],
    ['unhandledRejection', 'unhandled promise rejection; exiting'],
  ] as const)('%s: one fatal line through the scrubber, nothing on stderr, exit code 1', async (event, msg) => {
    const key = 'k3y/with+odd"chars';
    const { lines, destination } = collect();
    const logger = createLogger({ level: 'info', secrets: [key], destination });
    const proc = new EventEmitter() as EventEmitter & { exit: (code?: number) => never };
    const exit = vi.fn();
    proc.exit = exit as never;
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      logProcessErrors(logger, proc as unknown as Parameters<typeof logProcessErrors>[1]);
      proc.emit(event, new TypeError(`terminated (key ${encodeURIComponent(key).toLowerCase()})`));
      await new Promise((r) => setImmediate(r));
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
    }
    expect(exit).toHaveBeenCalledWith(1);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { level: number; msg: string; err: { type: string; message: string; stack: string } };
    expect(entry).toMatchObject({ level: 60, msg, err: { type: 'TypeError', message: 'terminated (key [REDACTED])' } });
    expect(entry.err.stack).toContain('[REDACTED]');
    expect(lines[0]).not.toMatch(/k3y/i);
  });
});
