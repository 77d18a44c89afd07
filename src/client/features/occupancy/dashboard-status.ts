// What the dashboard is showing, derived from the occupancy query: one of four states, and for
// the unhappy ones the problem (its words are in lib/error-text.ts).
import { type Problem, toProblem } from '@/client/lib/error-text';
import type { Occupancy } from '@/shared/api-schema';

export type DashboardStatus =
  | { kind: 'loading' }
  | { kind: 'live'; data: Occupancy }
  /** Numbers kept from an earlier answer: the BFF's (vendor down) or ours (BFF unreachable). */
  | { kind: 'stale'; data: Occupancy; problem: Problem }
  /** Nothing good to show yet. */
  | { kind: 'unavailable'; problem: Problem };

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
