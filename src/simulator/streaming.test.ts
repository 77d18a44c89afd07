// The CSV body is produced as the consumer reads: a slow reader holds production back, a
// cancelled one stops it, and nothing close to the whole file is ever held in memory.
import { describe, expect, it } from 'vitest';
import { LARGE_ACCESS_KEY } from './accounts';
import { csvParams, eventually } from './test-server';
import { sharedTestServer } from './test/shared-server';

const shared = sharedTestServer();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;

/** A year of 5-minute rows for 50 devices: about 5.3 million rows, over 300 MB. */
const hugeExport = csvParams({ user_access_key: LARGE_ACCESS_KEY, resolution: '5min', date_start: '2025-11-26', date_end: '2026-11-26' });

describe('streaming', () => {
  it('holds production back while the reader waits, and stops it when the reader cancels (HTTP)', async () => {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const bytesBefore = shared.server.sim.streams.bytes;
    const res = await shared.server.get(hugeExport);
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let head = '';
    while (head.length < 16 * 1024) {
      const { value, done } = await reader.read();
      if (done) break;
      head += decoder.decode(value, { stream: true });
    }
    const lines = head.split('\n');
    expect(lines[0]).toBe('device_id,device_name,period_start,IN,OUT');
    expect(lines[1]).toMatch(/^1001,Westgate Mall - Gate 1 \(north\),2025-11-26 00:00,\d+,\d+$/);
    expect(lines[51]).toMatch(/^1001,Westgate Mall - Gate 1 \(north\),2025-11-26 00:05,\d+,\d+$/);

    // The reader now waits: once the socket buffers are full, the shared.server must wait too. Without
    // backpressure production would run on through the whole 300 MB.
    let previous = -1;
    const stalled = await eventually(
      () => {
        const now = shared.server.sim.streams.bytes;
        const same = now === previous;
        previous = now;
        return same;
      },
      5000,
      250,
    );
    expect(stalled).toBe(true);
    expect(shared.server.sim.streams.bytes - bytesBefore).toBeLessThan(64 * MB);
    expect(shared.server.sim.streams.open).toBe(1);

    await reader.cancel();
    expect(await eventually(() => shared.server.sim.streams.open === 0)).toBe(true);
    const stoppedAt = shared.server.sim.streams.bytes;
    await pause(200);
    expect(shared.server.sim.streams.bytes).toBe(stoppedAt);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * MB);
  });

  it('delivers a mid-size export in many chunks, all rows present', async () => {
    const res = await shared.server.get(csvParams({ user_access_key: LARGE_ACCESS_KEY, resolution: '5min', date_start: '2026-11-18', date_end: '2026-11-24' }));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let chunks = 0;
    let newlines = 0;
    let bytes = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks++;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) newlines++;
    }
    expect(newlines).toBe(1 + 50 * 7 * 288);
    expect(bytes).toBeGreaterThan(5 * MB);
    expect(chunks).toBeGreaterThan(50);
  });

  it('produces at most a chunk ahead in-process, and stops on cancel or abort', async () => {
    const before = shared.server.sim.streams.bytes;
    const res = await shared.server.sim.fetch(shared.server.url(hugeExport));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBeGreaterThan(1000);
    await pause(100);
    expect(shared.server.sim.streams.bytes - before).toBeLessThan(512 * 1024);
    await reader.cancel();
    expect(shared.server.sim.streams.open).toBe(0);

    const controller = new AbortController();
    const aborted = await shared.server.sim.fetch(shared.server.url(hugeExport), { signal: controller.signal });
    const abortedReader = (aborted.body as ReadableStream<Uint8Array>).getReader();
    await abortedReader.read();
    controller.abort();
    await expect(abortedReader.read()).rejects.toThrow();
    expect(shared.server.sim.streams.open).toBe(0);
  });
});
