import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '@/client/test/fixtures';
import { checkExport, defaultFilename, defaultValues, describeSize, effectiveValues, estimateSize, type ExportFormValues, noDoors } from './export-request';
import type { ExportSpace } from './export-spaces';

// TEST_NOW: Thursday 26 November 2026, 11:15 in Budapest.
const site = { siteName: 'Riverside Centre (demo)', timezone: 'Europe/Budapest', weekStartsOn: 1, now: new Date(TEST_NOW) };
const values = (patch: Partial<ExportFormValues> = {}): ExportFormValues => ({ ...defaultValues(site), ...patch });

describe('checkExport', () => {
  it('builds the /api/export URL of a valid form, devices sorted, with the server’s default name', () => {
    const got = checkExport(values({ preset: 'lastWeek', resolution: 'hour', deviceMode: 'chosen', chosen: [95, 91] }), site);
    expect(got.errors).toEqual({});
    expect(got.range).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(got.filename).toBe('riverside-centre-demo_2026-11-16_2026-11-22_hour.csv');
    const url = new URL(got.url, 'http://x');
    expect(url.pathname).toBe('/api/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
      resolution: 'hour',
      devices: '91,95',
      filename: 'riverside-centre-demo_2026-11-16_2026-11-22_hour.csv',
    });
  });

  it('leaves the devices out for all PRO devices (the vendor’s default includes new ones)', () => {
    const url = new URL(checkExport(values(), site).url, 'http://x');
    expect(url.searchParams.has('devices')).toBe(false);
  });

  it('a preset is read on the clock of the moment, not of when it was tapped', () => {
    const v = values({ preset: 'today', from: '2026-11-01', to: '2026-11-01' });
    expect(checkExport(v, site).range).toEqual({ from: '2026-11-26', to: '2026-11-26' });
    expect(checkExport(v, { ...site, now: new Date('2026-11-26T23:30:00Z') }).range).toEqual({ from: '2026-11-27', to: '2026-11-27' });
  });

  it.each([
    ['end before start', { from: '2026-11-20', to: '2026-11-10' }, { to: 'End date is before the start date.' }],
    ['a start in the future', { from: '2026-11-27', to: '2026-11-28' }, { from: 'Start date is in the future (today is 26/11/2026).' }],
    ['no start date', { from: '', to: '2026-11-10' }, { from: 'Start date is required.' }],
    [
      'too long for 5-minute data',
      { from: '2025-01-01', to: '2026-11-26', resolution: '5min' as const },
      { to: 'A 5-minute export covers at most 366 days; this range has 695.' },
    ],
  ])('%s: the shared schema’s refusal, in the form’s words, on the right field', (_label, patch, errors) => {
    expect(checkExport(values({ preset: null, ...patch }), site).errors).toEqual(errors);
  });

  it('an empty device selection is a problem of the devices field', () => {
    expect(checkExport(values({ deviceMode: 'chosen', chosen: [] }), site).errors).toEqual({ devices: 'Choose at least one counter, or export all counters.' });
  });

  it('an edited name is reduced to a safe one; nothing usable falls back to the default', () => {
    expect(checkExport(values({ filename: '../../etc/passwd"; rm -rf', filenameEdited: true }), site).filename).toBe('etc_passwd_ rm -rf.csv');
    expect(checkExport(values({ filename: '///', filenameEdited: true }), site).filename).toBe('riverside-centre-demo_2026-11-20_2026-11-26_day.csv');
    expect(checkExport(values({ filename: 'Weekly report', filenameEdited: true }), site).filename).toBe('Weekly report.csv');
  });
});

describe('defaultFilename', () => {
  it('slugs the site name in any script', () => {
    expect(defaultFilename('Café “Zöld” — Győr', { from: '2026-11-01', to: '2026-11-02' }, '5min')).toBe('café-zöld-győr_2026-11-01_2026-11-02_5min.csv');
    expect(defaultFilename('***', { from: '2026-11-01', to: '2026-11-02' }, 'day')).toBe('occupancy_2026-11-01_2026-11-02_day.csv');
    // A date still being typed stays out of the name.
    expect(defaultFilename('Lido', { from: '27.13.2026', to: '' }, 'day')).toBe('lido_start_end_day.csv');
  });

  it('carries the space id after the site', () => {
    expect(defaultFilename('***', { from: '2026-11-01', to: '2026-11-29' }, 'hour', 'pool')).toBe('occupancy_pool_2026-11-01_2026-11-29_hour.csv');
  });
});

describe('estimateSize and describeSize', () => {
  it('rows = periods × devices, about 40 bytes a row', () => {
    expect(estimateSize({ from: '2026-11-20', to: '2026-11-26' }, 'day', 12)).toEqual({ rows: 84, bytes: 3360, perDevice: false });
    expect(estimateSize({ from: '2026-11-20', to: '2026-11-26' }, 'hour', 2)?.rows).toBe(336);
    expect(estimateSize({ from: '2026-08-28', to: '2026-11-25' }, '5min', 12)?.rows).toBe(90 * 288 * 12);
    // Month: every month the range touches.
    expect(estimateSize({ from: '2025-12-31', to: '2026-02-01' }, 'month', 5)?.rows).toBe(15);
  });

  it('is for one device when the device count is unknown, and absent for an invalid range', () => {
    expect(estimateSize({ from: '2026-11-20', to: '2026-11-26' }, 'day', null)).toEqual({ rows: 7, bytes: 280, perDevice: true });
    expect(estimateSize({ from: '2026-11-26', to: '2026-11-20' }, 'day', 1)).toBeNull();
    expect(estimateSize({ from: '', to: '2026-11-20' }, 'day', 1)).toBeNull();
  });

  it.each([
    [{ rows: 7, bytes: 280, perDevice: false }, '7 rows, under 1 kB.'],
    [{ rows: 1, bytes: 40, perDevice: true }, '1 row, under 1 kB per device.'],
    [{ rows: 8640, bytes: 345_600, perDevice: false }, 'About 8,600 rows, roughly 350 kB.'],
    [{ rows: 3_400_000, bytes: 136_000_000, perDevice: false }, 'About 3.4 million rows, roughly 140 MB.'],
    [{ rows: 31_000_000, bytes: 1_240_000_000, perDevice: false }, 'About 31 million rows, roughly 1.2 GB.'],
  ])('%o reads “%s”', (estimate, words) => {
    expect(describeSize(estimate)).toBe(words);
  });
});

describe('a space or single doors (configured spaces)', () => {
  const spaces: ExportSpace[] = [
    {
      id: 'site',
      name: 'Riverside Leisure Centre',
      depth: 0,
      doors: [
        { device: 91, label: 'Main entrance', side: 'in' },
        { device: 95, label: 'Side door', side: 'out' },
      ],
    },
    {
      id: 'pool',
      name: 'Pool hall',
      depth: 1,
      doors: [
        { device: 93, label: 'Pool entrance', side: 'in' },
        { device: 94, label: 'Pool exit', side: 'out' },
      ],
    },
    { id: 'sauna', name: 'Sauna', depth: 2, doors: [] },
  ];
  const devices = [91, 93, 94, 95].map((id) => ({ id, label: `Door ${id}` }));

  it('a space is sent as space=<id>, never with devices, and its id is in the default name', () => {
    const got = checkExport(values({ preset: 'lastMonth', resolution: 'hour', deviceMode: 'space', space: 'pool', chosen: [91] }), site, spaces);
    expect(got.errors).toEqual({});
    expect(got.filename).toBe('riverside-centre-demo_pool_2026-10-01_2026-10-31_hour.csv');
    expect(Object.fromEntries(new URL(got.url, 'http://x').searchParams)).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      resolution: 'hour',
      space: 'pool',
      filename: 'riverside-centre-demo_pool_2026-10-01_2026-10-31_hour.csv',
    });
  });

  it('single doors are sent as devices, without a space', () => {
    const url = new URL(checkExport(values({ deviceMode: 'chosen', space: 'pool', chosen: [94, 93] }), site, spaces).url, 'http://x');
    expect(url.searchParams.get('devices')).toBe('93,94');
    expect(url.searchParams.has('space')).toBe(false);
  });

  it('no door ticked, or a space without exportable doors: said on its own field', () => {
    expect(checkExport(values({ deviceMode: 'chosen', chosen: [] }), site, spaces).errors).toEqual({ devices: 'Tick at least one door, or export a space.' });
    expect(checkExport(values({ deviceMode: 'space', space: 'sauna' }), site, spaces).errors).toEqual({ space: noDoors('Sauna') });
  });

  it('effectiveValues: with spaces, "all" is the site and a space that is gone is the site; ticked doors stay doors', () => {
    expect(effectiveValues(values(), devices, spaces)).toMatchObject({ deviceMode: 'space', space: 'site' });
    expect(effectiveValues(values({ deviceMode: 'space', space: 'gone' }), devices, spaces)).toMatchObject({ deviceMode: 'space', space: 'site' });
    expect(effectiveValues(values({ deviceMode: 'space', space: 'pool' }), devices, spaces)).toMatchObject({ deviceMode: 'space', space: 'pool' });
    expect(effectiveValues(values({ deviceMode: 'chosen', chosen: [93, 4242], space: 'pool' }), devices, spaces)).toMatchObject({
      deviceMode: 'chosen',
      chosen: [93],
      space: 'pool',
    });
    // Without the device list no door can be ticked.
    expect(effectiveValues(values({ deviceMode: 'chosen', chosen: [93] }), null, spaces)).toMatchObject({ deviceMode: 'space', space: 'site' });
  });

  it('effectiveValues: without spaces, a remembered space is all counters again', () => {
    expect(effectiveValues(values({ deviceMode: 'space', space: 'pool' }), devices, null)).toMatchObject({ deviceMode: 'all', space: '' });
    expect(checkExport(effectiveValues(values({ deviceMode: 'space', space: 'pool' }), devices, null), site).url).not.toContain('space=');
  });
});
