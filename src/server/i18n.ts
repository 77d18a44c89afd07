// The server's words: alert texts (webhook, e-mail) in the site's language, from the same
// catalogs as the screens (src/shared/i18n/locales), formatted by formatjs's intl-messageformat.
import { readFileSync } from 'node:fs';
import type { IntlMessageFormat } from 'intl-messageformat';
import { INTL_LOCALES, LANGUAGES, type Language } from '@/shared/i18n/languages';
import type { MessageKey, MessageValues } from '@/shared/i18n/message-key';
import { messageFormat } from '@/shared/i18n/message-format';

/** What the server says: the alerts' words and the shared ones (levels, sign words). */
type ServerKey = Extract<MessageKey, `alerts.${string}` | `common.${string}`>;

// Read as files, not imported: every loader that runs the server (tsx, Vitest, Playwright's for
// the e2e helpers) reads a file alike, where a JSON import needs each one's own rules.
const read = (lang: Language, namespace: 'alerts' | 'common') =>
  JSON.parse(readFileSync(new URL(`../shared/i18n/locales/${lang}/${namespace}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const catalogs = Object.fromEntries(LANGUAGES.map((lang) => [lang, { ...read(lang, 'common'), ...read(lang, 'alerts') }])) as Record<
  Language,
  Record<string, string>
>;

const formats = new Map<string, IntlMessageFormat>();

/** The message `key` in `lang`, its {arguments} filled in; English when the language lacks it. */
export function serverT(lang: Language, key: ServerKey, values?: MessageValues): string {
  const id = `${lang}|${key}`;
  let format = formats.get(id);
  if (!format) {
    const message = catalogs[lang][key] ?? catalogs.en[key];
    if (message === undefined) return key;
    format = messageFormat(message, INTL_LOCALES[lang]);
    formats.set(id, format);
  }
  return String(format.format(values));
}
