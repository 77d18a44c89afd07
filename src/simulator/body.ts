// Streaming response bodies and abortable waits. A body is produced piece by piece only when the
// consumer pulls (so a slow reader holds the producer back and a cancelled one stops it), and can
// be told to break its connection half-way, the way a crashed upstream does.
import type { Socket } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A piece that ends the body by breaking the connection instead of closing it. */
export const CUT: unique symbol = Symbol('cut');
export type BodyPiece = string | typeof CUT;

export interface StreamStats {
  /** Bodies currently being produced. */
  open: number;
  /** Bytes produced by all bodies so far. */
  bytes: number;
}

export interface BodyContext {
  stats: StreamStats;
  /** The client's socket when served by @hono/node-server; null in-process. */
  socket: Socket | null;
  /** The request's signal: the client went away. */
  signal: AbortSignal;
}

/** Longest stretch of work before giving other requests a turn of the event loop. */
const TURN_MS = 20;

/** Waits `ms`, or less if `signal` aborts; returns whether the full time passed. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(signal?.aborted !== true);
  if (signal?.aborted === true) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Mimics undici's error when a server closes the connection mid-body. */
export function connectionError(message: string): TypeError {
  const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  return new TypeError(message, { cause });
}

/**
 * A byte stream over `pieces`, produced on demand: one piece per pull, so at most one piece is
 * buffered ahead of the consumer. Stops (and releases the generator) when the consumer cancels
 * or the request is aborted.
 */
export function streamBody(pieces: Iterator<BodyPiece>, ctx: BodyContext): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let finished = false;
  let lastTurn = performance.now();
  let releaseCut: (() => void) | null = null;

  ctx.stats.open++;
  const finish = () => {
    if (finished) return;
    finished = true;
    ctx.stats.open--;
    ctx.signal.removeEventListener('abort', onAbort);
    releaseCut?.();
    pieces.return?.();
  };

  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  const onAbort = () => {
    if (finished) return;
    const reason: unknown = ctx.signal.reason;
    finish();
    try {
      // In-process the consumer sees the abort as fetch would show it; over HTTP the server is
      // the consumer, has lost the client already and would only log the error.
      if (ctx.socket === null) controllerRef?.error(reason);
      else controllerRef?.close();
    } catch {
      // Already closed or errored: nothing left to tell the consumer.
    }
  };
  ctx.signal.addEventListener('abort', onAbort, { once: true });

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        if (ctx.signal.aborted) onAbort();
      },
      async pull(controller) {
        if (finished) return;
        if (performance.now() - lastTurn > TURN_MS) {
          await nextTurn();
          lastTurn = performance.now();
          if (finished) return;
        }
        for (;;) {
          const next = pieces.next();
          if (next.done === true) {
            finish();
            controller.close();
            return;
          }
          if (next.value === CUT) {
            await cut(controller);
            return;
          }
          if (next.value.length === 0) continue;
          const bytes = encoder.encode(next.value);
          ctx.stats.bytes += bytes.byteLength;
          controller.enqueue(bytes);
          return;
        }
      },
      cancel() {
        finish();
      },
    },
    { highWaterMark: 1 },
  );

  async function cut(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    const socket = ctx.socket;
    if (socket === null) {
      finish();
      controller.error(connectionError('terminated'));
      return;
    }
    // Over HTTP the connection itself must break: give the server a moment to write what was
    // enqueued, then close the socket once that is flushed. The server then cancels this stream.
    await sleep(20);
    const cancelled = new Promise<void>((resolve) => {
      releaseCut = resolve;
    });
    if (!finished) socket.destroySoon();
    const giveUp = new AbortController();
    await Promise.race([cancelled, sleep(2000, giveUp.signal)]);
    giveUp.abort();
    if (!finished) {
      finish();
      try {
        controller.error(connectionError('terminated'));
      } catch {
        // The server already gave up on the stream.
      }
    }
  }
}
