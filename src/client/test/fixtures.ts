// Realistic API bodies for client tests. Every fixture is parsed with the shared schema, so a
// test can never pass on a shape the real BFF would not send.
import { type AdminSettings, adminSettingsSchema } from '@/shared/admin-settings-schema';
import { type Config, configSchema, type DeviceOccupancy, type Occupancy, occupancySchema } from '@/shared/api-schema';
import { type DisplayInfo, displaySchema } from '@/shared/display-schema';
import { DEFAULT_PUBLIC } from '@/shared/settings-schema';
import { doorHealth, spaceDrift } from '@/shared/door-health';
import { defaultSpaces, orderSpaces, spaceOccupancies, spacesSchema, spaceState } from '@/shared/spaces';
import type { z } from 'zod';

/** The one fixed instant of the client tests: Thursday 26 Nov 2026, 11:15:03 in Budapest. */
export const TEST_NOW = '2026-11-26T10:15:03Z';

/** A JSON answer as the BFF sends it. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** An administrator's settings (/api/admin/settings): Riverside in Budapest, no spaces, always open, nothing locked; `values` as given. */
export function makeAdminSettings(values: Partial<z.input<typeof adminSettingsSchema>['values']> = {}, locked: AdminSettings['locked'] = {}): AdminSettings {
  return adminSettingsSchema.parse({
    values: {
      siteName: 'Riverside',
      shownName: 'Riverside',
      timezone: 'Europe/Budapest',
      dayStart: '00:00',
      locale: 'en',
      spaces: { devices: [] },
      public: DEFAULT_PUBLIC,
      openingHours: null,
      alerts: { channels: [], rules: [] },
      ...values,
    },
    locked,
  });
}

/** A display link as Settings lists it: made a day before TEST_NOW, never seen, the kiosk's defaults; as given otherwise. */
export function makeDisplay(overrides: Partial<z.input<typeof displaySchema>> = {}): DisplayInfo {
  return displaySchema.parse({
    id: 'd',
    name: 'Display',
    spaces: null,
    mode: null,
    theme: null,
    lang: null,
    chime: false,
    createdAt: new Date(Date.parse(TEST_NOW) - 86_400_000).toISOString(),
    lastSeen: null,
    revokedAt: null,
    ...overrides,
  });
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
  // `total` equals the root space, as the server sends it: a test that sets the total sets the root.
  const root = spaces[0]!;
  const site = { in: root.in, out: root.out, occupancy: root.occupancy, capacity: siteCapacity, ...total };
  spaces[0] = {
    ...root,
    ...site,
    raw: site.in - site.out,
    state: spaceState(site.occupancy, { capacity: site.capacity, nearlyFull: root.nearlyFull }, true),
    drift: spaceDrift(site),
  };
  return occupancySchema.parse({
    generatedUtc: TEST_NOW,
    fetchedAt: TEST_NOW,
    ageSeconds: 2,
    stale: false,
    staleReason: null,
    dayStart: { utc: '2026-11-25T23:00:00Z', local: '2026-11-26T00:00:00+01:00', timezone: 'Europe/Budapest' },
    total: site,
    devices,
    spaces,
    spacesConfigured: false,
    unknownDevices: [],
    notice: null,
    ...rest,
  });
}

/** A leisure centre's doors for configured spaces (see LEISURE_SPACES); 999 is named there but missing. */
export const LEISURE_DEVICES: DeviceInput[] = [
  { id: 91, name: 'Main entrance', in: 600, out: 480, raw: 120, occupancy: 120, corrected: 120, capacity: null },
  { id: 92, name: 'Gym street door', in: 90, out: 70, raw: 20, occupancy: 20, corrected: 20, capacity: null },
  { id: 93, name: 'Library door', in: 150, out: 200, raw: -50, occupancy: 0, corrected: 0, capacity: null },
  { id: 94, name: 'Café door', in: 200, out: 170, raw: 30, occupancy: 30, corrected: 30, capacity: null },
  { id: 95, name: 'Pool entrance', in: 120, out: 0, raw: 120, occupancy: 120, corrected: 120, capacity: null },
  { id: 96, name: 'Pool exit', in: 70, out: 3, raw: 67, occupancy: 67, corrected: 67, capacity: null },
  { id: 97, name: 'Sauna door', in: 30, out: 25, raw: 5, occupancy: 5, corrected: 5, capacity: null },
  { id: 98, name: 'Gym inner door', in: 40, out: 50, raw: -10, occupancy: 0, corrected: 0, capacity: null },
];

/** Three levels: the site; the library (drifting), café (nearly full at its own 70 %), pool hall (with the sauna, full), gym and an office without a live count. */
export const LEISURE_SPACES: z.input<typeof spacesSchema> = [
  {
    id: 'site',
    name: 'Riverside Leisure Centre',
    capacity: 400,
    doors: [
      { device: 91, side: 'in' },
      { device: 92, side: 'in' },
    ],
  },
  { id: 'library', name: 'Library', parent: 'site', capacity: 60, doors: [{ device: 93, side: 'in' }] },
  { id: 'cafe', name: 'Café', parent: 'site', capacity: 40, nearlyFull: 0.7, doors: [{ device: 94, side: 'in' }] },
  {
    id: 'pool',
    name: 'Pool hall',
    parent: 'site',
    capacity: 150,
    doors: [
      { device: 95, side: 'in' },
      { device: 96, side: 'out' },
    ],
  },
  { id: 'sauna', name: 'Sauna', parent: 'pool', capacity: 5, doors: [{ device: 97, side: 'in' }] },
  {
    id: 'gym',
    name: 'Gym',
    parent: 'site',
    capacity: 80,
    doors: [
      { device: 92, side: 'in' },
      { device: 98, side: 'in' },
    ],
  },
  { id: 'office', name: 'Office', parent: 'site', capacity: 10, doors: [{ device: 999, side: 'in' }] },
];

/**
 * An answer with configured spaces, computed from the doors as the server does: `total` is the
 * root, and `unknownDevices` the configured devices the answer lacks.
 */
export function makeSpacesOccupancy(
  spaces: z.input<typeof spacesSchema> = LEISURE_SPACES,
  overrides: Omit<OccupancyOverrides, 'spaces' | 'spacesConfigured' | 'total'> = {},
): Occupancy {
  const { devices = LEISURE_DEVICES, ...rest } = overrides;
  const base = makeOccupancy({ devices, ...rest });
  const counts = new Map(base.devices.map((d) => [d.id, d]));
  const tree = orderSpaces(spacesSchema.parse(spaces));
  const computed = spaceOccupancies(tree, counts);
  const root = computed[0]!;
  const named = [...new Set(tree.flatMap((s) => s.doors.map((d) => d.device)))];
  return occupancySchema.parse({
    ...base,
    total: { in: root.in, out: root.out, occupancy: root.occupancy, capacity: root.capacity },
    spaces: computed,
    spacesConfigured: true,
    unknownDevices: named.filter((id) => !counts.has(id)),
    ...rest,
  });
}

export function apiError(code: string, message: string) {
  return { error: { code, message } };
}
