import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

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
});
