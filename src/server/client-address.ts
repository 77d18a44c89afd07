// Who a request comes from, for per-client limits. The socket's address by default; behind a
// trusted reverse proxy app.ts can pass a function that reads X-Forwarded-For instead.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export type ClientIdOf = (c: Context) => string;

/** Requests without a socket (app.request in tests) all count as one client. */
export const UNKNOWN_CLIENT = 'unknown';

export const socketAddress: ClientIdOf = (c) => {
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_CLIENT;
  } catch {
    return UNKNOWN_CLIENT;
  }
};
