// Settings shared by the BFF and the Settings screens: the public view's shape, languages, and
// the admin settings answer (values plus which are provisioned by the file or the environment).
import { z } from 'zod';
import { LANGUAGES, type Language } from './i18n/languages';

/** The languages a site, a person or a display link may choose (src/shared/i18n/languages.ts). */
export const LOCALES = LANGUAGES;
export type Locale = Language;

/** An origin a page may be embedded from: https, or http on localhost (for trying it out). */
export const embedOriginSchema = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const url = new URL(v);
      const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
      // Only scheme, host and port: no path, query, fragment or credentials.
      const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '' && !/\/\/.*\/./.test(v);
      return bare && !v.endsWith('?') && !v.endsWith('#') && (url.protocol === 'https:' || (url.protocol === 'http:' && local));
    } catch {
      return false;
    }
  }, 'is not an origin such as https://www.example.org (https, no path)')
  // As browsers send it in Origin: lower-case scheme and host, no trailing slash.
  .transform((v) => new URL(v).origin);

export const publicSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    spaces: z.array(z.string().min(1).max(64)).max(50).default([]),
    showNumbers: z.boolean().default(false),
    allowOrigins: z.array(embedOriginSchema).max(20).default([]),
  })
  .strict();
export type PublicSettings = z.output<typeof publicSettingsSchema>;

export const DEFAULT_PUBLIC: PublicSettings = { enabled: false, spaces: [], showNumbers: false, allowOrigins: [] };

/** Where a setting comes from when it cannot be changed in the app. */
export const lockSourceSchema = z.enum(['env', 'file']);
export type LockSource = z.infer<typeof lockSourceSchema>;

/** The settings an admin can change, and the locks; keys of `locked` are the fields below. */
export const SETTING_FIELDS = ['siteName', 'timezone', 'dayStart', 'locale', 'spaces', 'public', 'openingHours', 'alerts'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
