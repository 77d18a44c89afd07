// The only reader of process.env: every setting is parsed and checked here, once, at start.
// A bad value stops the server with a message naming the variable and what is wrong; values
// are never echoed (one of them is the vendor's access key).
import { z } from 'zod';
import { isValidTimeZone } from '@/shared/day-start';

export const DEFAULT_WELLPOINT_BASE_URL = 'https://wellpoint.cloud/';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const intInRange = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const booleanFlag = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return false;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const envSchema = z.object({
  WELLPOINT_ACCESS_KEY: optionalText,
  WELLPOINT_BASE_URL: optionalText.transform((v, ctx) => {
    if (v === undefined) return new URL(DEFAULT_WELLPOINT_BASE_URL);
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute http(s) URL such as https://wellpoint.cloud/' });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'must use http or https' });
      return z.NEVER;
    }
    if (url.search !== '' || url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: 'must not contain a query string or credentials (the key goes in WELLPOINT_ACCESS_KEY)' });
      return z.NEVER;
    }
    return url;
  }),
  PORT: intInRange(1, 65_535, 8787),
  HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
  SITE_TIMEZONE: optionalText.transform((v, ctx) => {
    const tz = v ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!isValidTimeZone(tz)) {
      ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Europe/Budapest' });
      return z.NEVER;
    }
    return tz;
  }),
  DAY_START: optionalText.transform((v, ctx) => {
    const value = v ?? '00:00';
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a local time written HH:MM, such as 04:00' });
      return z.NEVER;
    }
    return value;
  }),
  WEEK_STARTS_ON: intInRange(0, 6, 1),
  CACHE_SECONDS: intInRange(5, 300, 10),
  POLL_INTERVAL_SECONDS: intInRange(2, 300, 10),
  STALE_MAX_SECONDS: intInRange(0, 86_400, 900),
  AUTH_BACKOFF_SECONDS: intInRange(30, 3_600, 60),
  BACKOFF_MAX_SECONDS: intInRange(10, 3_600, 300),
  HISTORY_CONCURRENCY: intInRange(1, 50, 2),
  HISTORY_CACHE_MB: intInRange(1, 1_024, 32),
  UPSTREAM_TIMEOUT_MS: intInRange(1_000, 120_000, 10_000),
  EXPORT_TIMEOUT_MS: intInRange(1_000, 600_000, 60_000),
  EXPORT_CONCURRENCY: intInRange(1, 50, 4),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? 'info' : v))
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' })),
  SITE_CONFIG_FILE: optionalText,
  CLIENT_DIST_DIR: optionalText,
  SIMULATOR_CONTROL: booleanFlag,
  TRUST_PROXY: booleanFlag,
  DATA_DIR: optionalText.transform((v) => v ?? 'data'),
  ADMIN_EMAIL: optionalText.pipe(z.string().email('must be an email address such as admin@example.org').optional()),
  // Not trimmed: a password is taken as written.
  ADMIN_PASSWORD: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().min(10, 'must have at least 10 characters').max(128, 'may have at most 128 characters').optional()),
  // Alerts: email over SMTP (nodemailer), e.g. smtp://user:pass@mail.example.org:587 or smtps://…:465.
  SMTP_URL: optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a URL such as smtp://user:password@mail.example.org:587' });
      return z.NEVER;
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      ctx.addIssue({ code: 'custom', message: 'must start with smtp:// or smtps://' });
      return z.NEVER;
    }
    return v;
  }),
  ALERT_EMAIL_FROM: optionalText.pipe(z.string().min(3).max(200).optional()),
  ALERT_WEBHOOK_ALLOW_HTTP: booleanFlag,
  AUTH_SECRET: optionalText.pipe(z.string().min(32, 'must have at least 32 characters (e.g. openssl rand -base64 32)').optional()),
});

export type Env = z.output<typeof envSchema> & {
  /** SITE_TIMEZONE was given (not blank); without it demo mode uses the demo site's zone, not the server's. */
  SITE_TIMEZONE_SET: boolean;
  /** DAY_START was given (it then wins over the file and the app's settings). */
  DAY_START_SET: boolean;
};

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses the environment; throws an EnvError listing every bad variable (by name only). */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) {
    if (result.data.SIMULATOR_CONTROL && result.data.WELLPOINT_ACCESS_KEY !== undefined) {
      throw new EnvError('Invalid configuration: SIMULATOR_CONTROL only works in demo mode (without WELLPOINT_ACCESS_KEY).');
    }
    if ((result.data.ADMIN_EMAIL === undefined) !== (result.data.ADMIN_PASSWORD === undefined)) {
      throw new EnvError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD go together (set both, or neither).');
    }
    if (result.data.SMTP_URL !== undefined && result.data.ALERT_EMAIL_FROM === undefined) {
      throw new EnvError('Invalid configuration: SMTP_URL needs ALERT_EMAIL_FROM, the sender of alert emails (e.g. "Occupancy Live <alerts@example.org>").');
    }
    return {
      ...result.data,
      SITE_TIMEZONE_SET: (source.SITE_TIMEZONE ?? '').trim() !== '',
      DAY_START_SET: (source.DAY_START ?? '').trim() !== '',
    };
  }
  const lines = result.error.issues.map((issue) => `  ${String(issue.path[0])} ${issue.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
}
