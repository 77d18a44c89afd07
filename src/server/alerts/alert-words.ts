// The sentences of alert messages, in one place so issue 15 can translate them (English for now).
// They name spaces, doors and displays only: never a URL, a key, a session or a vendor message.

const count = (n: number) => String(n);
const minutesText = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);

export const alertWords = {
  nearlyFull: (space: string, occupancy: number, capacity: number) => `${space} is nearly full: ${count(occupancy)} of ${count(capacity)}.`,
  full: (space: string, occupancy: number, capacity: number) => `${space} is full: ${count(occupancy)} of ${count(capacity)}.`,
  nearlyFullResolved: (space: string, occupancy: number, capacity: number) => `${space} is no longer nearly full: ${count(occupancy)} of ${count(capacity)}.`,
  fullResolved: (space: string, occupancy: number, capacity: number) => `${space} is no longer full: ${count(occupancy)} of ${count(capacity)}.`,
  doorSilent: (door: string, minutes: number) => `${door} has counted nobody for ${minutesText(minutes)} of opening time.`,
  doorSilentResolved: (door: string) => `${door} is counting again.`,
  dataStale: (minutes: number) => `No live count for ${minutesText(minutes)}: the counting service is not answering.`,
  dataStaleResolved: () => 'Live counts are back.',
  displayOffline: (display: string, minutes: number) => `Display "${display}" has not been seen for ${minutesText(minutes)} of opening time.`,
  displayOfflineResolved: (display: string) => `Display "${display}" is showing again.`,
  door: (name: string | null, id: number) => (name === null ? `Door ${id}` : `Door "${name}"`),
  test: (siteName: string) => `Test message from Occupancy Live (${siteName}): this channel works.`,
  emailSubject: (text: string) => `[Occupancy Live] ${text}`,
} as const;
