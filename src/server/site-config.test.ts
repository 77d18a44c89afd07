import { describe, expect, it } from 'vitest';
import { parseSiteConfig, SiteConfigError } from './site-config';

const valid = {
  siteName: 'Riverside Centre',
  devices: [{ id: 91, label: 'Main entrance' }],
  spaces: [
    {
      id: 'site',
      name: 'Whole building',
      capacity: 400,
      doors: [
        { device: 91, side: 'in' },
        { device: 92, side: 'in' },
      ],
    },
    { id: 'cafe', name: 'Café', parent: 'site', capacity: 40, nearlyFull: 0.8, doors: [{ device: 93, side: 'in' }] },
  ],
};

function problem(config: unknown): string {
  try {
    parseSiteConfig(JSON.stringify(config));
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('the site configuration file', () => {
  it('accepts spaces bounded by doors, and no spaces at all', () => {
    expect(parseSiteConfig(JSON.stringify(valid)).spaces?.map((s) => s.id)).toEqual(['site', 'cafe']);
    expect(parseSiteConfig('{"siteName":"Shop","siteCapacity":50}').spaces).toBeUndefined();
  });

  it.each([
    [
      'an unknown parent',
      { ...valid, spaces: [valid.spaces[0], { ...valid.spaces[1], parent: 'lobby' }] },
      'spaces.1.parent: names "lobby", which is not a space id',
    ],
    [
      'two roots',
      { ...valid, spaces: [valid.spaces[0], { ...valid.spaces[1], parent: undefined }] },
      'spaces.1.parent: is missing: only one space may be the root',
    ],
    [
      'a cycle',
      { ...valid, spaces: [valid.spaces[0], { ...valid.spaces[1], parent: 'bar' }, { id: 'bar', name: 'Bar', parent: 'cafe', doors: [] }] },
      'spaces.1.parent: makes a cycle: cafe → bar → cafe',
    ],
    [
      'a door twice in one space',
      {
        ...valid,
        spaces: [
          {
            ...valid.spaces[0],
            doors: [
              { device: 91, side: 'in' },
              { device: 91, side: 'out' },
            ],
          },
        ],
      },
      'spaces.0.doors.1.device: device 91 is listed twice',
    ],
    [
      'no root at all (every space has a parent)',
      { ...valid, spaces: [{ ...valid.spaces[0], parent: 'cafe' }, valid.spaces[1]] },
      'spaces: has no root space: exactly one space (the site) must have no parent',
    ],
    ['an empty list of spaces', { ...valid, spaces: [] }, 'spaces: lists no space: give at least the site'],
    ['capacity 0', { ...valid, spaces: [{ ...valid.spaces[0], capacity: 0 }] }, 'spaces.0.capacity: must be a whole number above 0'],
    [
      'a negative capacity of a room',
      { ...valid, spaces: [valid.spaces[0], { ...valid.spaces[1], capacity: -40 }] },
      'spaces.1.capacity: must be a whole number above 0',
    ],
    [
      'the same space id twice',
      { ...valid, spaces: [valid.spaces[0], { ...valid.spaces[1], id: 'site' }] },
      'spaces.1.id: "site" is the id of another space too',
    ],
    ['an unknown side', { ...valid, spaces: [{ ...valid.spaces[0], doors: [{ device: 91, side: 'inwards' }] }] }, 'spaces.0.doors.0.side: must be "in"'],
    ['a site capacity beside spaces', { ...valid, siteCapacity: 300 }, 'siteCapacity: is not used with spaces'],
    ['a door with a capacity beside spaces', { ...valid, devices: [{ id: 91, capacity: 30 }] }, 'devices.0.capacity: is not used with spaces'],
    [
      'a public origin over http',
      { ...valid, public: { enabled: true, allowOrigins: ['http://example.org'] } },
      'public.allowOrigins.0: is not an origin such as https://www.example.org',
    ],
    [
      'a public origin with a path',
      { ...valid, public: { allowOrigins: ['https://example.org/busy'] } },
      'public.allowOrigins.0: is not an origin such as https://www.example.org',
    ],
    ['a public space that is not a space', { ...valid, public: { spaces: ['cafe', 'pool'] } }, 'public.spaces.1: names no space of "spaces" ("pool")'],
    ['an unknown public setting', { ...valid, public: { enabled: true, frame: true } }, 'public: Unrecognized key: "frame"'],
  ])('stops with a message naming the field: %s', (_name, config, message) => {
    const text = problem(config);
    expect(text).toContain('SITE_CONFIG_FILE is not a valid site configuration');
    expect(text).toContain(message);
  });

  it('provisions the public view: off unless enabled, origins as a browser sends them', () => {
    expect(parseSiteConfig(JSON.stringify(valid)).public).toBeUndefined();
    const site = parseSiteConfig(
      JSON.stringify({
        ...valid,
        public: { enabled: true, spaces: ['cafe'], allowOrigins: ['https://example.org/', 'http://localhost:8080', 'http://127.0.0.1:5173'] },
      }),
    );
    expect(site.public).toEqual({
      enabled: true,
      spaces: ['cafe'],
      showNumbers: false,
      allowOrigins: ['https://example.org', 'http://localhost:8080', 'http://127.0.0.1:5173'],
    });
    expect(parseSiteConfig(JSON.stringify({ ...valid, public: {} })).public).toEqual({ enabled: false, spaces: [], showNumbers: false, allowOrigins: [] });
  });

  it('says when the file is not JSON', () => {
    expect(() => parseSiteConfig('{ spaces: [')).toThrow(/SITE_CONFIG_FILE is not valid JSON/);
  });
});
