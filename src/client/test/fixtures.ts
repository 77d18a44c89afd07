// Realistic API bodies for client tests. Every fixture is parsed with the shared schema, so a
// test can never pass on a shape the real BFF would not send.
import { type Config, configSchema, type DeviceOccupancy, type Occupancy, occupancySchema } from '@/shared/api-schema';
import { doorHealth } from '@/shared/door-health';
import { defaultSpaces, orderSpaces, spaceOccupancies } from '@/shared/spaces';

/** The one fixed instant of the client tests: Thursday 26 Nov 2026, 11:15:03 in Budapest. */
export const TEST_NOW = '2026-11-26T10:15:03Z';

/** A JSON answer as the BFF sends it. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function makeConfig(overrides: Partial<Config> = {}): Config {
  return configSchema.parse({
    siteName: 'Riverside Library',
    timezone: 'Europe/Budapest',
    dayStart: '00:00',
    weekStartsOn: 1,
    pollIntervalMs: 100,
    authBackoffSeconds: 60,
    demo: false,
    siteCapacity: 120,
    devices: [
      { id: 91, label: 'Main entrance', capacity: 40 },
      { id: 92, label: null, capacity: null },
      { id: 93, label: 'Side entrance', capacity: 40 },
    ],
    spaces: null,
    buildId: 'test-build',
    exportMaxDays: { day: 366, month: 1096, hour: 31, '5min': 7 },
    ...overrides,
  });
}

type DeviceInput = Omit<DeviceOccupancy, 'health'> & Partial<Pick<DeviceOccupancy, 'health'>>;
type OccupancyOverrides = Partial<Omit<Occupancy, 'total' | 'devices'>> & { total?: Partial<Occupancy['total']>; devices?: DeviceInput[] };

const DEFAULT_DEVICES: DeviceInput[] = [
  { id: 91, name: 'Main entrance', in: 412, out: 398, raw: 14, occupancy: 14, corrected: 14, capacity: 40 },
  { id: 92, name: 'Garden door', in: 88, out: 100, raw: -12, occupancy: 0, corrected: 0, capacity: null },
  { id: 93, name: 'Side entrance', in: 704, out: 669, raw: 35, occupancy: 35, corrected: 35, capacity: 40 },
];

export function makeOccupancy(overrides: OccupancyOverrides = {}): Occupancy {
  const { total, devices: given = DEFAULT_DEVICES, ...rest } = overrides;
  // Door health and the default spaces (the site, and a space per door) as the server derives them.
  const devices = given.map((d) => ({ health: doorHealth(d), ...d }));
  const siteCapacity = total?.capacity === undefined ? 120 : total.capacity;
  const counts = new Map(devices.map((d) => [d.id, d]));
  const spaces = spaceOccupancies(orderSpaces(defaultSpaces({ name: 'Riverside Library', capacity: siteCapacity }, devices)), counts);
  return occupancySchema.parse({
    generatedUtc: TEST_NOW,
    fetchedAt: TEST_NOW,
    ageSeconds: 2,
    stale: false,
    staleReason: null,
    dayStart: { utc: '2026-11-25T23:00:00Z', local: '2026-11-26T00:00:00+01:00', timezone: 'Europe/Budapest' },
    total: { in: 1204, out: 1167, occupancy: 37, capacity: 120, ...total },
    devices,
    spaces,
    spacesConfigured: false,
    unknownDevices: [],
    notice: null,
    ...rest,
  });
}

export function apiError(code: string, message: string) {
  return { error: { code, message } };
}
