// The kiosk is set up by typing a link, so its URL parameters are its whole configuration. Every
// parameter is checked; a typo must show a clear message on the wall, never a silently different
// screen (a misspelt `devcies=` would otherwise quietly show every door).
import { spaceIdSchema } from '@/shared/spaces';

export type KioskMode = 'devices' | 'total';
export type KioskTheme = 'dark' | 'light';

export interface KioskSettings {
  /** Device ids in the order given, or every device of the site. */
  devices: number[] | 'all';
  /**
   * Space ids in the order given (`space=cafe` is one, `spaces=cafe,pool` several); null: none
   * chosen (every space when the site has spaces configured, else every door).
   */
  spaces: string[] | null;
  mode: KioskMode;
  theme: KioskTheme;
  /** How long each page of doors stays up. */
  rotateSeconds: number;
  /** After this long without a confirmed count the capacity sign turns neutral. */
  outageSeconds: number;
  /** Site-local HH:MM of the daily safety reload; null: never. */
  reloadAt: string | null;
  /** Poll interval override in ms; null: the server's (config.pollIntervalMs). */
  pollMs: number | null;
}

export interface ParamProblem {
  param: string;
  message: string;
}

export type ParsedKioskParams =
  | { ok: true; settings: KioskSettings }
  /** `theme` is the requested theme when that part was valid, so the message looks right. */
  | { ok: false; problems: ParamProblem[]; theme: KioskTheme };

export const KIOSK_DEFAULTS: KioskSettings = {
  devices: 'all',
  spaces: null,
  mode: 'devices',
  theme: 'dark',
  rotateSeconds: 10,
  outageSeconds: 120,
  reloadAt: '03:30',
  pollMs: null,
};

export const KIOSK_LIMITS = {
  rotateSeconds: { min: 2, max: 3600 },
  outageSeconds: { min: 10, max: 86_400 },
  // Faster than 200 ms is only load on the server; the soak test runs at the floor.
  pollMs: { min: 200, max: 600_000 },
} as const;

const PARAMS = ['space', 'spaces', 'devices', 'mode', 'theme', 'rotate', 'outage', 'reload', 'poll'] as const;
type ParamName = (typeof PARAMS)[number];

/** The whole-number parameters: the setting each one fills, its unit and an example for the message. */
const NUMBER_PARAMS = {
  rotate: { setting: 'rotateSeconds', unit: 'seconds', example: '15' },
  outage: { setting: 'outageSeconds', unit: 'seconds', example: '300' },
  poll: { setting: 'pollMs', unit: 'milliseconds', example: '5000' },
} as const;

const MAX_DEVICE_ID = 2 ** 31 - 1;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function wholeNumber(raw: string, min: number, max: number, unit: string, param: string, example: string): number | ParamProblem {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    return { param, message: `${param}=${raw || '(empty)'}: use a whole number of ${unit} from ${min} to ${max}, e.g. ${param}=${example}.` };
  }
  return n;
}

const isProblem = (v: unknown): v is ParamProblem => typeof v === 'object' && v !== null && 'message' in v;

function parseDevices(raw: string): number[] | 'all' | ParamProblem {
  if (raw.trim().toLowerCase() === 'all') return 'all';
  const parts = raw.split(',').map((p) => p.trim());
  const ids: number[] = [];
  for (const part of parts) {
    const id = /^\d+$/.test(part) ? Number(part) : NaN;
    if (!Number.isSafeInteger(id) || id < 1 || id > MAX_DEVICE_ID) {
      return {
        param: 'devices',
        message: `devices=${raw || '(empty)'}: use device numbers separated by commas, e.g. devices=91,93, or devices=all.`,
      };
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

const SPACE_ID_RULE = 'a space id is lower-case letters, digits, "-" or "_" (up to 40), as in the site configuration';

function parseSpaceIds(param: 'space' | 'spaces', raw: string): string[] | ParamProblem {
  const parts = param === 'space' ? [raw] : raw.split(',').map((p) => p.trim());
  const ids: string[] = [];
  for (const part of parts) {
    if (!spaceIdSchema.safeParse(part).success) {
      const example = param === 'space' ? 'space=cafe' : 'spaces=cafe,pool';
      const which = param === 'spaces' && parts.length > 1 ? ` (“${part || '(empty)'}”)` : '';
      return { param, message: `${param}=${raw || '(empty)'}${which}: ${SPACE_ID_RULE}, e.g. ${example}.` };
    }
    if (!ids.includes(part)) ids.push(part);
  }
  return ids;
}

/** Reads `?space=cafe`, `?spaces=cafe,pool`, `?devices=91,93&mode=total&theme=light&rotate=15&outage=300&reload=04:00&poll=5000`. */
export function parseKioskParams(search: string | URLSearchParams): ParsedKioskParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: ParamProblem[] = [];
  const settings: KioskSettings = { ...KIOSK_DEFAULTS };
  /** The raw value of each setting given once, to name it in a message about a combination. */
  const seen = new Map<string, string>();

  for (const [name, value] of params) {
    if (!(PARAMS as readonly string[]).includes(name)) {
      problems.push({ param: name, message: `“${name}” is not a kiosk setting. The settings are: ${PARAMS.join(', ')}.` });
      continue;
    }
    if (seen.has(name)) {
      problems.push({ param: name, message: `${name} is given more than once; give it once.` });
      continue;
    }
    const raw = value.trim();
    seen.set(name, raw);
    const param = name as ParamName;
    switch (param) {
      case 'space':
      case 'spaces': {
        const ids = parseSpaceIds(param, raw);
        if (isProblem(ids)) problems.push(ids);
        else settings.spaces = ids;
        break;
      }
      case 'devices': {
        const devices = parseDevices(raw);
        if (isProblem(devices)) problems.push(devices);
        else settings.devices = devices;
        break;
      }
      case 'mode':
        if (raw === 'devices' || raw === 'total') settings.mode = raw;
        else
          problems.push({
            param: 'mode',
            message: `mode=${raw || '(empty)'}: use mode=total for one number and the entrance sign (the site's, or a space's with space=cafe), or mode=devices for cards.`,
          });
        break;
      case 'theme':
        if (raw === 'dark' || raw === 'light') settings.theme = raw;
        else problems.push({ param: 'theme', message: `theme=${raw || '(empty)'}: use theme=dark or theme=light.` });
        break;
      case 'rotate':
      case 'outage':
      case 'poll': {
        const { setting, unit, example } = NUMBER_PARAMS[param];
        const { min, max } = KIOSK_LIMITS[setting];
        const n = wholeNumber(raw, min, max, unit, param, example);
        if (isProblem(n)) problems.push(n);
        else settings[setting] = n;
        break;
      }
      case 'reload':
        if (raw === 'off') settings.reloadAt = null;
        else if (TIME_RE.test(raw)) settings.reloadAt = raw;
        else problems.push({ param: 'reload', message: `reload=${raw || '(empty)'}: use a 24-hour time such as reload=03:30, or reload=off.` });
        break;
    }
  }

  const given = (name: ParamName) => `${name}=${seen.get(name) || '(empty)'}`;
  const spacesParam = seen.has('space') ? 'space' : seen.has('spaces') ? 'spaces' : null;
  if (seen.has('space') && seen.has('spaces')) {
    problems.push({
      param: 'spaces',
      message: `${given('space')} and ${given('spaces')} are both given: use space= for one space, or spaces= for several (e.g. spaces=cafe,pool).`,
    });
  } else if (spacesParam !== null && seen.has('devices')) {
    problems.push({
      param: 'devices',
      message: `${given(spacesParam)} and ${given('devices')} are both given: show spaces (space=cafe, spaces=cafe,pool) or doors (devices=91,93), not both.`,
    });
  } else if (settings.mode === 'total' && seen.has('spaces')) {
    problems.push({
      param: 'spaces',
      message: `mode=total shows one number: choose one space with space=, not ${given('spaces')}; or leave it out for the whole site.`,
    });
  } else if (settings.mode === 'total' && settings.devices !== 'all') {
    problems.push({ param: 'devices', message: 'mode=total shows the whole site, or one space with space=cafe; leave out devices, or use mode=devices.' });
  }
  if (problems.length > 0) return { ok: false, problems, theme: settings.theme };
  return { ok: true, settings };
}
