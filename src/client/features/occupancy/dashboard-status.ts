// What the dashboard is showing, derived from the occupancy query: one of four states, and for
// the unhappy ones a problem described in words a front-desk user can act on.
import type { RequestErrorCode } from '@/client/lib/api-client';
import { ApiRequestError } from '@/client/lib/api-client';
import type { Occupancy } from '@/shared/api-schema';

export interface Problem {
  code: RequestErrorCode;
  message: string;
  /** The server's own wait before its next attempt, when it said (error body or staleReason). */
  retryInSeconds?: number | null | undefined;
}

export type DashboardStatus =
  | { kind: 'loading' }
  | { kind: 'live'; data: Occupancy }
  /** Numbers kept from an earlier answer: the BFF's (vendor down) or ours (BFF unreachable). */
  | { kind: 'stale'; data: Occupancy; problem: Problem }
  /** Nothing good to show yet. */
  | { kind: 'unavailable'; problem: Problem };

export function toProblem(error: unknown): Problem {
  if (error instanceof ApiRequestError) return { code: error.code, message: error.message, retryInSeconds: error.retryInSeconds };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function deriveStatus({ data, error }: { data: Occupancy | undefined; error: unknown }): DashboardStatus {
  if (data) {
    // The latest request failing is more recent news than the staleness the BFF reported earlier.
    if (error) return { kind: 'stale', data, problem: toProblem(error) };
    if (data.stale) {
      return {
        kind: 'stale',
        data,
        problem: data.staleReason ?? { code: 'upstream_unavailable', message: 'The vendor did not answer.' },
      };
    }
    return { kind: 'live', data };
  }
  if (error) return { kind: 'unavailable', problem: toProblem(error) };
  return { kind: 'loading' };
}

export interface ProblemText {
  /** One sentence, ending in a full stop: what is wrong. */
  title: string;
  /** What it means or what to do; may be empty. */
  detail: string;
  tone: 'offline' | 'config' | 'vendor';
}

export function describeProblem({ code, message }: Problem): ProblemText {
  switch (code) {
    case 'network':
      return {
        title: 'This screen cannot reach the Occupancy Live server.',
        detail: "Check this device's network connection. The numbers come back by themselves once the server answers.",
        tone: 'offline',
      };
    case 'upstream_unavailable':
      return {
        title: 'The WELLPOINT cloud is not answering.',
        detail: "The people counters' cloud service is down or cannot be reached from our server.",
        tone: 'vendor',
      };
    case 'upstream_timeout':
      return {
        title: 'The WELLPOINT cloud is answering too slowly.',
        detail: "The people counters' cloud service did not answer in time.",
        tone: 'vendor',
      };
    case 'upstream_format':
      return {
        title: 'The WELLPOINT cloud sent an answer that could not be read.',
        detail: 'If this lasts, ask your administrator to look at the server log.',
        tone: 'vendor',
      };
    case 'upstream_auth':
      return {
        title: "The server's WELLPOINT access key is not accepted.",
        detail: 'Ask your administrator to check WELLPOINT_ACCESS_KEY.',
        tone: 'config',
      };
    case 'rate_limited':
      return {
        title: 'The server is receiving too many requests.',
        detail: 'It will answer again in a moment.',
        tone: 'vendor',
      };
    case 'unauthorized':
      return {
        title: 'This screen is not allowed to read the live numbers.',
        detail: 'Ask your administrator for access.',
        tone: 'config',
      };
    case 'invalid_response':
      return {
        title: "This page could not read the server's answer.",
        detail: 'This page may be out of date: reload it. If that does not help, ask your administrator.',
        tone: 'config',
      };
    default:
      return {
        title: 'The server could not deliver the live numbers.',
        detail: message,
        tone: 'vendor',
      };
  }
}
