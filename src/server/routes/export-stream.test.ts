// GET /api/export as a stream: the vendor produces only as fast as our client reads (backpressure),
// a file of well over 100 MB passes with the server's memory flat, and a client that disconnects
// ends the vendor request. The last runs the BFF (and the vendor) on real loopback sockets.
import { setTimeout as sleep } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { LARGE_ACCESS_KEY } from '@/simulator';
import { type Listening, VENDOR_URL, apiError, eventually, keyedBff, listen, newSimulator, readAll } from '../test/support';
import type { FetchLike } from '../upstream/wellpoint-client';

/** 50 devices × 288 five-minute rows × 179 days ≈ 2.6 million rows, about 150 MB. */
const LARGE_EXPORT = '/api/export?from=2026-06-01&to=2026-11-26&resolution=5min';

/** `gc()` even when vitest runs without --expose-gc. */
function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('GET /api/export: streaming', () => {
  it('pulls from the vendor only as fast as the client reads', async () => {
    const { app, sim } = keyedBff(LARGE_ACCESS_KEY);
    const res = await app.request(LARGE_EXPORT);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let read = 0;
    for (let i = 0; i < 4; i++) read += (await reader.read()).value?.byteLength ?? 0;
    await sleep(200); // a slow client: the vendor must wait for it
    expect(sim.streams.open).toBe(1);
    expect(sim.streams.bytes - read).toBeLessThan(512 * 1024);
    await reader.cancel();
    expect(sim.streams.open).toBe(0);
  });

  it('streams a file of well over 100 MB with the server’s memory flat', async () => {
    const gc = gcFunction();
    const retained = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const { app, sim } = keyedBff(LARGE_ACCESS_KEY);
    const baseline = retained();
    const res = await app.request(LARGE_EXPORT);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let transferred = 0;
    let nextSample = 8 * 1024 * 1024;
    let maxGrowth = 0;
    let firstGrowth: number | null = null;
    let maxChunk = 0;
    let last = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      transferred += value.byteLength;
      maxChunk = Math.max(maxChunk, value.byteLength);
      last = value[value.byteLength - 1] ?? 0;
      if (transferred >= nextSample) {
        nextSample += 16 * 1024 * 1024;
        const growth = retained() - baseline;
        firstGrowth ??= growth;
        maxGrowth = Math.max(maxGrowth, growth);
      }
    }
    expect(transferred).toBeGreaterThan(120_000_000);
    expect(transferred).toBe(sim.streams.bytes); // every byte the vendor produced, and nothing else
    expect(last).toBe(0x0a);
    expect(maxChunk).toBeLessThanOrEqual(1024 * 1024);
    expect(sim.streams.open).toBe(0);
    // Memory retained (after a GC) while the file passes: holding the file, or any growing part of
    // it, would show here. A streaming pipe holds a few 64 KB chunks; the rest is warm-up.
    expect(maxGrowth).toBeLessThan(40 * 1024 * 1024);
    expect(maxGrowth - (firstGrowth ?? 0)).toBeLessThan(16 * 1024 * 1024); // flat from the first 8 MB to the end
  }, 30_000);
});

describe('GET /api/export: a client that disconnects', () => {
  it.each(['in-process', 'over HTTP'] as const)('ends the vendor request (vendor %s, BFF on a real port)', async (mode) => {
    const sim = newSimulator();
    let vendor: Listening | null = null;
    let bff: Listening | null = null;
    try {
      if (mode === 'over HTTP') vendor = await listen(sim.app.fetch);
      const transport: FetchLike = vendor === null ? (input, init) => sim.fetch(input, init) : (input, init) => fetch(input, init);
      // Watches the vendor request from the BFF's side: its signal, and its body being cancelled.
      const seen = { signal: null as AbortSignal | null, cancelled: false, ended: false };
      const watched: FetchLike = async (input, init) => {
        seen.signal = init?.signal ?? null;
        const res = await transport(input, init);
        const source = res.body!.getReader();
        const body = new ReadableStream<Uint8Array>(
          {
            async pull(controller) {
              const { value, done } = await source.read();
              if (done) {
                seen.ended = true;
                controller.close();
              } else controller.enqueue(value);
            },
            cancel(reason) {
              seen.cancelled = true;
              return source.cancel(reason);
            },
          },
          { highWaterMark: 0 },
        );
        return new Response(body, { status: res.status, headers: res.headers });
      };
      const { app } = keyedBff(LARGE_ACCESS_KEY, {
        sim,
        fetch: watched,
        env: { WELLPOINT_BASE_URL: vendor === null ? VENDOR_URL : `${vendor.base}/`, EXPORT_CONCURRENCY: '1' },
      });
      bff = await listen(app.fetch);

      const client = new AbortController();
      const res = await fetch(`${bff.base}${LARGE_EXPORT}`, { signal: client.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      let got = 0;
      while (got < 1_000_000) got += (await reader.read()).value?.byteLength ?? 0;
      expect(sim.streams.open).toBe(1);
      client.abort();

      expect(await eventually(() => sim.streams.open === 0)).toBe(true);
      expect(seen.signal?.aborted === true || seen.cancelled).toBe(true);
      expect(seen.ended).toBe(false);
      const produced = sim.streams.bytes;
      await sleep(100);
      expect(sim.streams.bytes).toBe(produced); // the vendor stopped producing
      expect(produced).toBeLessThan(40_000_000); // of a file of about 150 MB

      // The export slot was given back: the next download is not refused.
      const next = await fetch(`${bff.base}/api/export?from=2026-11-25&to=2026-11-26`);
      expect(next.status).toBe(200);
      expect((await next.text()).startsWith('device_id,')).toBe(true);
    } finally {
      await bff?.close();
      await vendor?.close();
    }
  });
});

describe('GET /api/export: failures half-way, vendor over a real socket', () => {
  it.each([
    ['an HTML page half-way', { htmlMidway: true }, [502, 'upstream_auth']],
    ['a connection cut half-way', { truncate: true }, [503, 'upstream_unavailable']],
  ] as const)('%s: a JSON error if it shows before the first byte is sent, else a failed body; never HTML in the file', async (_label, faults, early) => {
    const sim = newSimulator();
    const vendor = await listen(sim.app.fetch);
    try {
      const { app } = keyedBff(LARGE_ACCESS_KEY, { sim, fetch: (input, init) => fetch(input, init), env: { WELLPOINT_BASE_URL: `${vendor.base}/` } });
      sim.setFaults(faults);
      // How the bytes are split into reads over a socket decides which of the two a client sees.
      for (let i = 0; i < 5; i++) {
        const res = await app.request('/api/export?from=2026-11-01&to=2026-11-26&resolution=hour');
        if (res.status === 200) {
          const { bytes, error } = await readAll(res);
          expect(error).toBeInstanceOf(Error);
          expect(new TextDecoder().decode(bytes)).not.toMatch(/<!doctype|<html/i);
        } else {
          expect([res.status, (await apiError(res)).code]).toEqual(early);
        }
      }
      expect(await eventually(() => sim.streams.open === 0)).toBe(true);
    } finally {
      await vendor.close();
    }
  });
});

describe('GET /api/export: every failure goes through the logger', () => {
  /** Runs `fn` with stderr and console.error watched; returns what they were given. */
  async function watchingStderr(fn: () => Promise<void>): Promise<string[]> {
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      written.push(args.map(String).join(' '));
    });
    const consoleInfo = vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => {
      written.push(args.map(String).join(' '));
    });
    try {
      await fn();
      await sleep(100); // anything printed late (after the socket closes) is caught too
    } finally {
      stderr.mockRestore();
      consoleError.mockRestore();
      consoleInfo.mockRestore();
    }
    return written;
  }

  const warnings = (bff: { logs: { entries(): Record<string, unknown>[] } }) => bff.logs.entries().filter((e) => (e.level as number) >= 40);

  it.each(['direct', 'handoff'] as const)(
    'a vendor CSV cut half-way (%s): the client’s download fails, one warning in the log, nothing on stderr',
    async (mode) => {
      const sim = newSimulator();
      const vendor = await listen(sim.app.fetch);
      const composed = keyedBff(LARGE_ACCESS_KEY, { sim, fetch: (input, init) => fetch(input, init), env: { WELLPOINT_BASE_URL: `${vendor.base}/` } });
      const bff = await listen(composed.app.fetch);
      try {
        const printed = await watchingStderr(async () => {
          sim.setFaults({ truncate: true });
          let url = `${bff.base}${LARGE_EXPORT}`;
          if (mode === 'handoff') {
            const prepared = await fetch(`${url}&handoff=1`);
            expect(prepared.status).toBe(200);
            url = `${bff.base}${((await prepared.json()) as { download: string }).download}`;
          }
          const res = await fetch(url);
          expect(res.status).toBe(200);
          const { error } = await readAll(res);
          expect(error).toBeInstanceOf(Error); // a failed download, not a short file
          expect(await eventually(() => sim.streams.open === 0)).toBe(true);
          expect(await eventually(() => warnings(composed).length > 0)).toBe(true);
        });
        expect(printed).toEqual([]);
        expect(warnings(composed).map((e) => e.msg)).toEqual(['vendor CSV stream failed half-way']);
      } finally {
        await bff.close();
        await vendor.close();
      }
    },
  );

  it('a browser that cancels the download: "client closed the download" at info, no warning, nothing on stderr', async () => {
    const sim = newSimulator();
    const composed = keyedBff(LARGE_ACCESS_KEY, { sim });
    const bff = await listen(composed.app.fetch);
    try {
      const printed = await watchingStderr(async () => {
        const client = new AbortController();
        const res = await fetch(`${bff.base}${LARGE_EXPORT}`, { signal: client.signal });
        const reader = res.body!.getReader();
        let got = 0;
        while (got < 1_000_000) got += (await reader.read()).value?.byteLength ?? 0;
        client.abort();
        expect(await eventually(() => sim.streams.open === 0)).toBe(true);
        expect(await eventually(() => composed.logs.entries().some((e) => e.msg === 'client closed the download'))).toBe(true);
      });
      expect(printed).toEqual([]);
      expect(warnings(composed)).toEqual([]);
      expect(
        composed.logs
          .entries()
          .filter((e) => e.msg === 'client closed the download')
          .map((e) => e.level),
      ).toEqual([30]);
    } finally {
      await bff.close();
    }
  });

  it('in process: a cancelled body is logged as closed by the client, a vendor failure as a warning', async () => {
    const cancelled = keyedBff(LARGE_ACCESS_KEY);
    const res = await cancelled.app.request(LARGE_EXPORT);
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(await eventually(() => cancelled.logs.entries().some((e) => e.msg === 'client closed the download'))).toBe(true);
    expect(warnings(cancelled)).toEqual([]);

    const failed = keyedBff(LARGE_ACCESS_KEY);
    failed.sim.setFaults({ truncate: true });
    const broken = await failed.app.request(LARGE_EXPORT);
    expect((await readAll(broken)).error).toBeInstanceOf(Error);
    expect(await eventually(() => warnings(failed).length > 0)).toBe(true);
    expect(warnings(failed).map((e) => e.msg)).toEqual(['vendor CSV stream failed half-way']);
    expect(failed.logs.entries().some((e) => e.msg === 'client closed the download')).toBe(false);
  });
});
