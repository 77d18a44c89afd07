// Door health: signs that a counter misses people, from the counts since the day start.
// A door alone may rightly count more OUT than IN (an exit beside an entrance), so drift is judged
// on a space, whose boundary must balance; a door is suspect on its own only when it counts one way.

/** At least this many people one way and nobody the other way makes a door suspect. */
export const ONE_WAY_MIN = 30;
/** A space is suspect when its boundary counted this many more leaving than entering… */
export const DRIFT_MIN = 10;
/** …and at least this share of the people who entered it. */
export const DRIFT_SHARE = 0.1;

export type DoorHealth = { kind: 'one_way'; direction: 'in' | 'out'; count: number } | null;

/** A door that counted people one way only (IN with no OUT, or the reverse) since the day start. */
export function doorHealth(counts: { in: number; out: number }): DoorHealth {
  if (counts.out === 0 && counts.in >= ONE_WAY_MIN) return { kind: 'one_way', direction: 'in', count: counts.in };
  if (counts.in === 0 && counts.out >= ONE_WAY_MIN) return { kind: 'one_way', direction: 'out', count: counts.out };
  return null;
}

/**
 * How many more people left a space through its boundary than entered it, when that is more than
 * counting noise; null otherwise. People cannot leave a space they never entered.
 */
export function spaceDrift(counts: { in: number; out: number }): number | null {
  const deficit = counts.out - counts.in;
  return deficit >= Math.max(DRIFT_MIN, DRIFT_SHARE * counts.in) ? deficit : null;
}
