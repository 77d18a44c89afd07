// Door health: signs that a counter misses people, from the counts since the day start.
// A door alone may rightly count more OUT than IN (an exit beside an entrance), so drift is judged
// on a space, whose boundary must balance; a door is suspect on its own only when it counts one way.

/** At least this many people one way and nobody the other way makes a door suspect… */
export const ONE_WAY_MIN = 30;
/** …once it has counted one way only for this long: a morning rush counts IN before anyone leaves. */
export const ONE_WAY_MINUTES = 120;
/** A space is suspect when its boundary counted this many more leaving than entering… */
export const DRIFT_MIN = 10;
/** …and at least this share of the people who entered it. */
export const DRIFT_SHARE = 0.1;

export type DoorHealth = { kind: 'one_way'; direction: 'in' | 'out'; count: number } | null;

/** Which way a door has counted only, since the day start; null when both ways or nobody. */
export function oneWayDirection(counts: { in: number; out: number }): 'in' | 'out' | null {
  if (counts.in > 0 && counts.out === 0) return 'in';
  if (counts.out > 0 && counts.in === 0) return 'out';
  return null;
}

/**
 * A door that counted people one way only (IN with no OUT, or the reverse) since the day start,
 * enough of them, for hours. `oneWayForMs`: how long it has counted one way only (the server
 * watches its answers, and starts again after a restart); left out, the count alone decides.
 */
export function doorHealth(counts: { in: number; out: number }, oneWayForMs = Number.POSITIVE_INFINITY): DoorHealth {
  const direction = oneWayDirection(counts);
  if (direction === null || oneWayForMs < ONE_WAY_MINUTES * 60_000) return null;
  const count = counts[direction];
  return count >= ONE_WAY_MIN ? { kind: 'one_way', direction, count } : null;
}

/**
 * How many more people left a space through its boundary than entered it, when that is more than
 * counting noise; null otherwise. People cannot leave a space they never entered.
 */
export function spaceDrift(counts: { in: number; out: number }): number | null {
  const deficit = counts.out - counts.in;
  return deficit >= Math.max(DRIFT_MIN, DRIFT_SHARE * counts.in) ? deficit : null;
}
