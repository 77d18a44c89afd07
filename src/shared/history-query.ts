// The validation of a history request (`/api/history`): the range of range-query.ts, with
// shorter limits than an export (a chart needs fewer points than a file).
import { z } from 'zod';
import type { Resolution } from './api-schema';
import { rangeChecks, type RangeQueryOptions, rangeShape } from './range-query';

/**
 * Longest chart range per resolution, in days: a chart needs far fewer points than a file, and
 * the answer is held whole as JSON. Today's curve needs 5-minute data since the day start; the
 * peak-hour heatmap four weeks of hours; visitors per day 30 days plus a week for comparison.
 */
export const HISTORY_MAX_DAYS: Record<Resolution, number> = {
  '5min': 3,
  hour: 62,
  day: 400,
  month: 3660,
};

/** `/api/history`: a range, a resolution and optionally some devices or one space. */
export function historyQuerySchema(opts: RangeQueryOptions) {
  return z.object(rangeShape).superRefine(rangeChecks(opts, HISTORY_MAX_DAYS, 'chart'));
}

export type HistoryQuery = z.output<ReturnType<typeof historyQuerySchema>>;
