// The server's words: alert texts (webhook, e-mail) in the site's language, from the same
// catalogs as the screens (src/shared/i18n/locales), formatted by formatjs's intl-messageformat.
import { IntlMessageFormat } from 'intl-messageformat';
import { INTL_LOCALES, type Language } from '@/shared/i18n/languages';
import type { MessageKey, MessageValues } from '@/shared/i18n/message-key';
import alertsDe from '@/shared/i18n/locales/de/alerts.json';
import commonDe from '@/shared/i18n/locales/de/common.json';
import alertsEn from '@/shared/i18n/locales/en/alerts.json';
import commonEn from '@/shared/i18n/locales/en/common.json';
import alertsHu from '@/shared/i18n/locales/hu/alerts.json';
import commonHu from '@/shared/i18n/locales/hu/common.json';

/** What the server says: the alerts' words and the shared ones (levels, sign words). */
type ServerKey = Extract<MessageKey, `alerts.${string}` | `common.${string}`>;

// Under Vitest the catalogs arrive parsed (scripts/vite-icu-messages.ts); under Node as text:
// intl-messageformat takes either.
type Message = ConstructorParameters<typeof IntlMessageFormat>[0];
const catalogs: Record<Language, Record<string, Message>> = {
  en: { ...commonEn, ...alertsEn },
  de: { ...commonDe, ...alertsDe },
  hu: { ...commonHu, ...alertsHu },
};

const formats = new Map<string, IntlMessageFormat>();

/** The message `key` in `lang`, its {arguments} filled in; English when the language lacks it. */
export function serverT(lang: Language, key: ServerKey, values?: MessageValues): string {
  const id = `${lang}|${key}`;
  let format = formats.get(id);
  if (!format) {
    const message = catalogs[lang][key] ?? catalogs.en[key];
    if (message === undefined) return key;
    // Grouped as the screens group: 1 083, 1.083, 1,083.
    format = new IntlMessageFormat(message, INTL_LOCALES[lang], undefined, {
      formatters: {
        getNumberFormat: (locales, options) => new Intl.NumberFormat(locales, { useGrouping: 'always', ...options }),
        getDateTimeFormat: (locales, options) => new Intl.DateTimeFormat(locales, options),
        getPluralRules: (locales, options) => new Intl.PluralRules(locales, options),
      },
    });
    formats.set(id, format);
  }
  return String(format.format(values));
}
