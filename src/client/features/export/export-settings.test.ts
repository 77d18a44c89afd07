import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '@/client/test/fixtures';
import { defaultValues, type ExportFormValues } from './export-request';
import { loadSettings, saveSettings, SETTINGS_KEY } from './export-settings';

const site = { siteName: 'Riverside', timezone: 'Europe/Budapest', weekStartsOn: 1, now: new Date(TEST_NOW) };
const defaults = defaultValues(site);

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

const stored = (value: unknown) => memoryStorage({ [SETTINGS_KEY]: typeof value === 'string' ? value : JSON.stringify(value) });

describe('export settings in localStorage', () => {
  it('round-trips a preset, the resolution and chosen devices, but not the file name', () => {
    const storage = memoryStorage();
    const used: ExportFormValues = {
      ...defaults,
      preset: 'lastMonth',
      resolution: '5min',
      deviceMode: 'chosen',
      chosen: [93, 91],
      filename: 'mine.csv',
      filenameEdited: true,
    };
    saveSettings(used, storage);
    expect(loadSettings(defaults, storage)).toEqual({ ...defaults, preset: 'lastMonth', resolution: '5min', deviceMode: 'chosen', chosen: [93, 91] });
  });

  it('round-trips typed dates', () => {
    const storage = memoryStorage();
    saveSettings({ ...defaults, preset: null, from: '2026-01-01', to: '2026-01-31' }, storage);
    expect(loadSettings(defaults, storage)).toMatchObject({ preset: null, from: '2026-01-01', to: '2026-01-31' });
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['another version', { version: 2, preset: 'today', resolution: 'hour' }],
    ['an array', [1, 2, 3]],
  ])('ignores %s', (_label, value) => {
    expect(loadSettings(defaults, stored(value))).toEqual(defaults);
  });

  it('keeps the good settings when others are garbage', () => {
    const got = loadSettings(
      defaults,
      stored({ version: 1, preset: 'someday', range: { from: '2026-02-30', to: 'x' }, resolution: 'hour', devices: [0, -1, 'a'] }),
    );
    expect(got).toEqual({ ...defaults, resolution: 'hour' });
    const typed = loadSettings(
      defaults,
      stored({ version: 1, preset: null, range: { from: '2026-02-01', to: '2026-02-28' }, resolution: 'weekly', devices: 'all' }),
    );
    expect(typed).toEqual({ ...defaults, preset: null, from: '2026-02-01', to: '2026-02-28' });
  });

  it('a storage that throws is the same as an empty one', () => {
    const broken = {
      ...memoryStorage(),
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as Storage;
    expect(() => saveSettings(defaults, broken)).not.toThrow();
    expect(loadSettings(defaults, broken)).toEqual(defaults);
  });
});

describe('export settings: the space', () => {
  it('a space export is remembered as the space (with devices "all", what a version without spaces reads)', () => {
    const storage = memoryStorage();
    saveSettings({ ...defaults, deviceMode: 'space', space: 'pool' }, storage);
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '')).toMatchObject({ devices: 'all', space: 'pool' });
    expect(loadSettings(defaults, storage)).toEqual({ ...defaults, deviceMode: 'space', space: 'pool' });
  });

  it('ticked doors are remembered with the space last chosen, so switching back finds it', () => {
    const storage = memoryStorage();
    saveSettings({ ...defaults, deviceMode: 'chosen', chosen: [93], space: 'pool' }, storage);
    expect(loadSettings(defaults, storage)).toEqual({ ...defaults, deviceMode: 'chosen', chosen: [93], space: 'pool' });
  });

  it('a malformed space id is dropped, the rest kept', () => {
    expect(loadSettings(defaults, stored({ version: 1, resolution: 'hour', devices: 'all', space: '../Pool' }))).toEqual({ ...defaults, resolution: 'hour' });
  });
});
