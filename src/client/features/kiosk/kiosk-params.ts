// The kiosk is set up by typing a link, so its URL parameters are its whole configuration. Every
// parameter is checked; a typo must show a clear message on the wall, never a silently different
// screen (a misspelt `devcies=` would otherwise quietly show every door).
import { t } from '@/client/i18n/i18n';
import { isLanguage, type Language } from '@/shared/i18n/languages';
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
  /** `?lang=`: the screen's language over the display link's and the site's; null: theirs. */
  lang: Language | null;
}

export interface ParamProblem {
  param: string;
  message: string;
}

export type ParsedKioskParams =
  | { ok: true; settings: KioskSettings }
  /** `theme` and `lang` are the requested ones when those parts were valid, so the message looks right. */
  | { ok: false; problems: ParamProblem[]; theme: KioskTheme; lang: Language | null };

export const KIOSK_DEFAULTS: KioskSettings = {
  devices: 'all',
  spaces: null,
  mode: 'devices',
  theme: 'dark',
  rotateSeconds: 10,
  outageSeconds: 120,
  reloadAt: '03:30',
  pollMs: null,
  lang: null,
};

export const KIOSK_LIMITS = {
  rotateSeconds: { min: 2, max: 3600 },
  outageSeconds: { min: 10, max: 86_400 },
  // Faster than 200 ms is only load on the server; the soak test runs at the floor.
  pollMs: { min: 200, max: 600_000 },
} as const;

const PARAMS = ['space', 'spaces', 'devices', 'mode', 'theme', 'rotate', 'outage', 'reload', 'poll', 'lang'] as const;
type ParamName = (typeof PARAMS)[number];

/** The whole-number parameters: the setting each one fills, its unit and an example for the message. */
const NUMBER_PARAMS = {
  rotate: { setting: 'rotateSeconds', unit: 'seconds', example: '15' },
  outage: { setting: 'outageSeconds', unit: 'seconds', example: '300' },
  poll: { setting: 'pollMs', unit: 'milliseconds', example: '5000' },
} as const;

/** A raw value as a message quotes it; "(empty)" said in the screen's language. */
const shown = (raw: string) => raw || t('kiosk.params.empty');

const MAX_DEVICE_ID = 2 ** 31 - 1;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function wholeNumber(raw: string, min: number, max: number, unit: 'seconds' | 'milliseconds', param: string, example: string): number | ParamProblem {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    // The limits as typed in a link (no grouping: "86400", not "86,400").
    return { param, message: t('kiosk.params.number', { param, raw: shown(raw), unit, min: String(min), max: String(max), example }) };
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
      return { param: 'devices', message: t('kiosk.params.devices', { raw: shown(raw) }) };
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function parseSpaceIds(param: 'space' | 'spaces', raw: string): string[] | ParamProblem {
  const parts = param === 'space' ? [raw] : raw.split(',').map((p) => p.trim());
  const ids: string[] = [];
  for (const part of parts) {
    if (!spaceIdSchema.safeParse(part).success) {
      const example = param === 'space' ? 'space=cafe' : 'spaces=cafe,pool';
      const given = `${param}=${shown(raw)}`;
      const message =
        param === 'spaces' && parts.length > 1
          ? t('kiosk.params.spaceIdIn', { given, part: shown(part), example })
          : t('kiosk.params.spaceId', { given, example });
      return { param, message };
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
      problems.push({ param: name, message: t('kiosk.params.unknown', { name, list: PARAMS.join(', ') }) });
      continue;
    }
    if (seen.has(name)) {
      problems.push({ param: name, message: t('kiosk.params.twice', { name }) });
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
        else problems.push({ param: 'mode', message: t('kiosk.params.mode', { raw: shown(raw) }) });
        break;
      case 'theme':
        if (raw === 'dark' || raw === 'light') settings.theme = raw;
        else problems.push({ param: 'theme', message: t('kiosk.params.theme', { raw: shown(raw) }) });
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
        else problems.push({ param: 'reload', message: t('kiosk.params.reload', { raw: shown(raw) }) });
        break;
      case 'lang':
        if (isLanguage(raw)) settings.lang = raw;
        else problems.push({ param: 'lang', message: t('kiosk.params.lang', { raw: shown(raw) }) });
        break;
    }
  }

  const given = (name: ParamName) => `${name}=${shown(seen.get(name) ?? '')}`;
  const spacesParam = seen.has('space') ? 'space' : seen.has('spaces') ? 'spaces' : null;
  if (seen.has('space') && seen.has('spaces')) {
    problems.push({ param: 'spaces', message: t('kiosk.params.spaceAndSpaces', { space: given('space'), spaces: given('spaces') }) });
  } else if (spacesParam !== null && seen.has('devices')) {
    problems.push({ param: 'devices', message: t('kiosk.params.spacesAndDevices', { spaces: given(spacesParam), devices: given('devices') }) });
  } else if (settings.mode === 'total' && seen.has('spaces')) {
    problems.push({ param: 'spaces', message: t('kiosk.params.totalSpaces', { spaces: given('spaces') }) });
  } else if (settings.mode === 'total' && settings.devices !== 'all') {
    problems.push({ param: 'devices', message: t('kiosk.params.totalDevices') });
  }
  if (problems.length > 0) return { ok: false, problems, theme: settings.theme, lang: settings.lang };
  return { ok: true, settings };
}
