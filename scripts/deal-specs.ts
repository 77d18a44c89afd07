// Which spec files each end-to-end shard runs (scripts/e2e.ts): dealt by their seconds in a CI run
// (e2e/durations.json), longest first, each to the shard with the least so far.

/** What a spec file not in the list counts as, in seconds. */
export const UNLISTED_SECONDS = 10;

export function dealSpecs(files: readonly string[], seconds: Readonly<Record<string, number>>, count: number): string[][] {
  const shards = Array.from({ length: count }, () => ({ seconds: 0, files: [] as string[] }));
  const weight = (file: string) => seconds[file] ?? UNLISTED_SECONDS;
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = shards.reduce((best, shard) => (shard.seconds < best.seconds ? shard : best));
    lightest.files.push(file);
    lightest.seconds += weight(file);
  }
  return shards.map((shard) => shard.files.sort());
}
