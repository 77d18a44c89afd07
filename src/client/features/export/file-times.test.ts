// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeFileTimes } from './file-times';

describe('describeFileTimes', () => {
  it('names the site’s zone when every counter is on it', () => {
    expect(describeFileTimes({ timezone: 'Europe/Budapest', devices: [{ id: 91, label: 'Main entrance', capacity: null }] })).toBe(
      'Dates are the site’s; times in the file are each counter’s local time (Europe/Budapest).',
    );
  });

  it('names the counters on another zone, grouped by zone', () => {
    const devices = [
      { id: 91, label: 'Main entrance', capacity: null },
      { id: 108, label: 'London shop', capacity: null, timezone: 'Europe/London' },
      { id: 109, label: null, capacity: null, timezone: 'Europe/London' },
      { id: 110, label: 'Café', capacity: null, timezone: 'Europe/Budapest' },
    ];
    expect(describeFileTimes({ timezone: 'Europe/Budapest', devices })).toBe(
      'Dates are the site’s; times in the file are each counter’s local time (Europe/Budapest; London shop, Device 109: Europe/London).',
    );
  });

  it('calls a counter by its live name (the vendor’s, or the site’s label) when it has no label here', () => {
    const devices = [{ id: 108, label: null, capacity: null, timezone: 'Europe/London' }];
    expect(describeFileTimes({ timezone: 'Europe/Budapest', devices }, new Map([[108, 'Covent Garden shop']]))).toBe(
      'Dates are the site’s; times in the file are each counter’s local time (Europe/Budapest; Covent Garden shop: Europe/London).',
    );
  });
});
