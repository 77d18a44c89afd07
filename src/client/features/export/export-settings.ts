// The export form remembers its last used settings in this browser. What comes back from
// localStorage is untrusted (another version of the app, a hand edit, a full or disabled
// storage): each setting is checked on its own, and one that does not pass falls back to the
// default without taking the good ones with it.
//
// The file name is not remembered: the default one names the range, and an edited one usually
// does too, so reusing it next time would mislabel a different range.
import { z } from 'zod';
import { resolutionSchema } from '@/shared/api-schema';
import { DATE_PRESETS } from '@/shared/date-presets';
import { isCalendarDate } from '@/shared/range-query';
import { spaceIdSchema } from '@/shared/spaces';
import type { ExportFormValues } from './export-request';

export const SETTINGS_KEY = 'occupancy-live:export-settings';

const calendarDate = z.string().refine(isCalendarDate);

const storedSchema = z.object({
  version: z.literal(1),
  preset: z.enum(DATE_PRESETS).nullable().catch(null),
  range: z.object({ from: calendarDate, to: calendarDate }).nullable().catch(null),
  resolution: resolutionSchema.nullable().catch(null),
  devices: z
    .union([z.literal('all'), z.array(z.number().int().positive()).min(1).max(500)])
    .nullable()
    .catch(null),
  /** The space exported last (the form falls back to the site when it is gone). */
  space: spaceIdSchema.nullable().optional().catch(null),
});

export type StoredSettings = Pick<ExportFormValues, 'preset' | 'from' | 'to' | 'resolution' | 'deviceMode' | 'chosen' | 'space'>;

/** The remembered settings laid over `defaults`; `defaults` alone when nothing usable is stored. */
export function loadSettings(defaults: ExportFormValues, storage: Storage | undefined = safeLocalStorage()): ExportFormValues {
  let raw: unknown;
  try {
    const text = storage?.getItem(SETTINGS_KEY);
    if (!text) return defaults;
    raw = JSON.parse(text);
  } catch {
    return defaults;
  }
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success) return defaults;
  const s = parsed.data;
  const values = { ...defaults };
  if (s.preset) {
    values.preset = s.preset;
  } else if (s.range) {
    values.preset = null;
    values.from = s.range.from;
    values.to = s.range.to;
  }
  if (s.resolution) values.resolution = s.resolution;
  if (s.devices === 'all') {
    values.deviceMode = 'all';
    values.chosen = [];
  } else if (s.devices) {
    values.deviceMode = 'chosen';
    values.chosen = [...new Set(s.devices)];
  }
  // The space is kept beside the ticked doors too, so switching back finds it. A space export is
  // stored with `devices: 'all'`, which is what a version of the app without spaces reads.
  if (s.space) {
    values.space = s.space;
    if (s.devices === 'all') values.deviceMode = 'space';
  }
  return values;
}

export function saveSettings(values: ExportFormValues, storage: Storage | undefined = safeLocalStorage()): void {
  const stored: z.input<typeof storedSchema> = {
    version: 1,
    preset: values.preset,
    range: values.preset ? null : { from: values.from, to: values.to },
    resolution: values.resolution,
    devices: values.deviceMode === 'chosen' ? values.chosen : 'all',
    space: values.space === '' ? null : values.space,
  };
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(stored));
  } catch {
    // Full or disabled storage (private mode): the form simply starts from its defaults next time.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Reading localStorage throws where site data is blocked.
    return undefined;
  }
}
