// A display's cut of the occupancy answer and the config: only its spaces and their doors, the
// total its main space; one filter per vendor answer however many polls, and the head kept live.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Config, configSchema, type Occupancy, occupancySchema } from '@/shared/api-schema';
import type { DisplayPrincipal } from '../auth/principal';
import { demoBff } from '../test/support';
import { configFor, createOccupancyScope, scopeConfig, scopeOccupancy } from './display-scope';

const display = (spaces: string[] | null, id = 'd1'): DisplayPrincipal => ({
  kind: 'display',
  id,
  name: 'Wall',
  spaces,
  mode: null,
  theme: null,
  lang: null,
  chime: false,
});

// The demo site's own answers (spaces configured), and the same without spaces (a space per door).
let demo: Occupancy;
let demoConfig: Config;
beforeAll(async () => {
  const { app } = demoBff();
  demo = occupancySchema.parse(await (await app.request('/api/occupancy')).json());
  demoConfig = configSchema.parse(await (await app.request('/api/config')).json());
});
const makeSpacesOccupancy = (): Occupancy => structuredClone(demo);
const makeOccupancy = (overrides: Partial<Occupancy> = {}): Occupancy => {
  const body = structuredClone(demo);
  const devices = body.devices.slice(0, 3);
  const spaces = [
    { ...body.spaces[0]!, doors: devices.map((d) => ({ device: d.id, side: 'in' as const })) },
    ...devices.map((d) => ({ ...body.spaces[1]!, id: `device-${d.id}`, parent: 'site', doors: [{ device: d.id, side: 'in' as const }] })),
  ];
  return { ...body, devices, spaces, spacesConfigured: false, unknownDevices: [], ...overrides };
};
const makeConfig = (): Config => ({ ...structuredClone(demoConfig), spaces: null, siteCapacity: 500 });

function answerOf(body: Occupancy) {
  const { ageSeconds, stale, staleReason, ...snapshot } = body;
  return { body, json: `${JSON.stringify({ ageSeconds, stale, staleReason }).slice(0, -1)},${JSON.stringify(snapshot).slice(1)}` };
}

describe('scopeOccupancy', () => {
  it('keeps the chosen spaces, their doors and their unknown devices; the total is the first chosen space without the root', () => {
    const body = makeSpacesOccupancy();
    const ids = body.spaces.filter((s) => s.parent !== null).map((s) => s.id);
    const [first, second] = [ids[1]!, ids[0]!];
    const scoped = scopeOccupancy(body, [first, second]);
    expect(scoped.spaces.map((s) => s.id)).toEqual(body.spaces.filter((s) => s.id === first || s.id === second).map((s) => s.id));
    const doors = new Set(scoped.spaces.flatMap((s) => s.doors.map((d) => d.device)));
    expect(scoped.devices.map((d) => d.id)).toEqual(body.devices.filter((d) => doors.has(d.id)).map((d) => d.id));
    const main = body.spaces.find((s) => s.id === first)!;
    expect(scoped.total).toEqual({ in: main.in, out: main.out, occupancy: main.occupancy, capacity: main.capacity });
    expect(occupancySchema.strict().safeParse(scoped).success).toBe(true);
  });

  it('the root chosen: the total is the site’s; a space the site lost: nothing at all, no count', () => {
    const body = makeOccupancy();
    expect(scopeOccupancy(body, ['device-92', 'site']).total).toEqual(body.total);
    const gone = scopeOccupancy(body, ['attic']);
    expect(gone).toMatchObject({ spaces: [], devices: [], total: { in: 0, out: 0, occupancy: 0, capacity: null } });
  });
});

describe('createOccupancyScope', () => {
  it('filters once per vendor answer and display, and splices each request’s own age on', () => {
    const scope = createOccupancyScope();
    const body = makeOccupancy();
    const filter = vi.spyOn(body.spaces, 'filter');
    const door = body.devices[2]!.id;
    const lobby = display([`device-${door}`]);
    const first = scope.json(answerOf(body), lobby);
    expect(scope.json(answerOf(body), lobby)).toBe(first);
    const older = { ...body, ageSeconds: 4.2, stale: true, staleReason: { code: 'upstream_timeout' as const, message: 'slow', retryInSeconds: 3 } };
    const aged = JSON.parse(scope.json(answerOf(older), lobby)) as Occupancy;
    expect(aged).toMatchObject({ ageSeconds: 4.2, stale: true, staleReason: { code: 'upstream_timeout' } });
    expect(aged.devices.map((d) => d.id)).toEqual([door]);
    expect(filter).toHaveBeenCalledTimes(1);

    // Another display, or a new vendor answer (new arrays), is filtered anew.
    scope.json(answerOf(body), display(['site'], 'd2'));
    expect(filter).toHaveBeenCalledTimes(2);
    const next = makeOccupancy({ ageSeconds: 0 });
    expect((JSON.parse(scope.json(answerOf(next), lobby)) as Occupancy).spaces.map((s) => s.id)).toEqual([`device-${door}`]);
  });

  it('passes a display of every space the answer as it is', () => {
    const answer = answerOf(makeOccupancy());
    expect(createOccupancyScope().json(answer, display(null))).toBe(answer.json);
  });
});

describe('scopeConfig', () => {
  it('without configured spaces: the doors of the chosen default spaces, the site capacity only with the site', () => {
    const config = makeConfig();
    const door = config.devices[0]!.id;
    expect(scopeConfig(config, [`device-${door}`]).devices.map((d) => d.id)).toEqual([door]);
    expect(scopeConfig(config, [`device-${door}`]).siteCapacity).toBeNull();
    expect(scopeConfig(config, ['site'])).toEqual(config);
  });

  it('is memoised per config and display', () => {
    const config = makeConfig();
    const d = display(['site']);
    expect(configFor(config, d)).toBe(configFor(config, d));
    expect(configFor(config, null)).toBe(config);
  });
});
