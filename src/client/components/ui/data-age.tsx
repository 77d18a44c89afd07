// "8 s ago", ticking. The age is the server's age at receipt plus the time since receipt on
// this device's own clock, so a wrong client clock does not matter.
import { formatAgo, formatDuration } from '@/client/lib/format';
import { useNow } from '@/client/lib/use-now';

export interface DataAgeInput {
  /** This device's Date.now() when the answer arrived. */
  receivedAt: number;
  /** The server's age of the answer at that moment, in seconds. */
  ageAtReceipt: number;
}

export function ageSecondsAt(now: number, { receivedAt, ageAtReceipt }: DataAgeInput): number {
  return ageAtReceipt + Math.max(0, now - receivedAt) / 1000;
}

/** `bare`: "8 s" instead of "8 s ago", for tight spots that say "old" by other means. */
export function DataAge({ bare = false, ...input }: DataAgeInput & { bare?: boolean }) {
  const seconds = ageSecondsAt(useNow(), input);
  return <time dateTime={`PT${Math.floor(seconds)}S`}>{bare ? formatDuration(seconds) : formatAgo(seconds)}</time>;
}
