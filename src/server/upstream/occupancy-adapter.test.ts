import { describe, expect, it } from 'vitest';
import { vendorOccupancySchema } from './occupancy-adapter';

const canonical = {
  meta: { datetime_start: '2026-11-25 23:00:00', generated_utc: '2026-11-26 10:15:03' },
  data: [{ device_id: 91, device_name: 'Main entrance', IN: 412, OUT: 398, Occupancy: 14, CorrectedOccupancy: 14 }],
};

const expected91 = { id: 91, name: 'Main entrance', in: 412, out: 398, raw: 14, corrected: 14 };

describe('vendor getoccupancy adapter', () => {
  it('reads the canonical answer, meta as UTC', () => {
    expect(vendorOccupancySchema.parse(canonical)).toEqual({
      datetimeStart: new Date('2026-11-25T23:00:00Z'),
      generatedUtc: new Date('2026-11-26T10:15:03Z'),
      devices: [expected91],
    });
  });

  it.each(['data', 'devices', 'rows', 'result', 'DATA', 'Rows'])('finds the rows under %s', (key) => {
    expect(vendorOccupancySchema.parse({ meta: canonical.meta, [key]: canonical.data }).devices).toEqual([expected91]);
  });

  it('reads a bare array, and [] as no devices', () => {
    expect(vendorOccupancySchema.parse(canonical.data)).toEqual({ datetimeStart: null, generatedUtc: null, devices: [expected91] });
    expect(vendorOccupancySchema.parse([]).devices).toEqual([]);
  });

  it.each([
    { device_id: 91, device_name: 'Main entrance', in: 412, out: 398, occupancy: 14, correctedoccupancy: 14 },
    { DEVICE_ID: 91, DEVICE_NAME: 'Main entrance', IN: 412, OUT: 398, OCCUPANCY: 14, CORRECTED_OCCUPANCY: 14 },
    { deviceid: 91, devicename: 'Main entrance', In: 412, Out: 398, Occupancy: 14, CorrectedOccupancy: 14 },
    { id: 91, name: 'Main entrance', in_count: 412, out_count: 398 },
    { device: 91, label: 'Main entrance', count_in: 412, count_out: 398 },
    { Device_Id: '91', Name: 'Main entrance', Total_In: '412', Total_Out: '398', Occupancy: '14', CorrectedOccupancy: '14' },
  ])('accepts key and number variants %#', (row) => {
    expect(vendorOccupancySchema.parse({ data: [row] }).devices).toEqual([expected91]);
  });

  it('fills a missing name, raw and corrected value', () => {
    expect(vendorOccupancySchema.parse([{ device_id: 92, IN: 3, OUT: 10 }]).devices).toEqual([
      { id: 92, name: 'Device 92', in: 3, out: 10, raw: -7, corrected: 0 },
    ]);
  });

  it('accepts ISO instants in meta and ignores an unreadable one', () => {
    const parsed = vendorOccupancySchema.parse({ meta: { datetime_start: '2026-11-25T23:00:00Z', generated_utc: 'soon' }, data: [] });
    expect(parsed.datetimeStart).toEqual(new Date('2026-11-25T23:00:00Z'));
    expect(parsed.generatedUtc).toBeNull();
  });

  it.each([
    ['no id', [{ device_name: 'x', IN: 1, OUT: 1 }]],
    ['a non-numeric count', [{ device_id: 1, IN: 'many', OUT: 1 }]],
    ['a negative count', [{ device_id: 1, IN: -1, OUT: 1 }]],
    ['a fractional count', [{ device_id: 1, IN: 1.5, OUT: 1 }]],
    ['no rows at all', { meta: canonical.meta }],
    ['a string', 'OK'],
    ['null', null],
    ['rows that are not objects', [1, 2]],
  ])('rejects %s', (_label, body) => {
    expect(vendorOccupancySchema.safeParse(body).success).toBe(false);
  });
});
