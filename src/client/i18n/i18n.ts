// The active language and its messages, shared by every screen: `t` formats a message (ICU,
// through formatjs's intl-messageformat). No React here (the public page has none): the hook is
// use-t.ts. Catalogs arrive parsed (scripts/vite-icu-messages.ts), so no parser is shipped.
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { IntlMessageFormat } from 'intl-messageformat';
import { INTL_LOCALES, type Language } from '@/shared/i18n/languages';
import type { MessageKey, MessageValues } from '@/shared/i18n/message-key';
import { messageFormat } from '@/shared/i18n/message-format';

/** A message as a catalog module holds it: a plain sentence, or a parsed ICU message. */
export type CompiledMessage = string | MessageFormatElement[];
export type Catalog = Readonly<Record<string, CompiledMessage>>;

interface Active {
  lang: Language;
  locale: string;
  messages: Catalog;
}

let active: Active | null = null;
const listeners = new Set<() => void>();
const formats = new Map<string, IntlMessageFormat>();

/** Makes a language the active one: every `useT` re-renders, and `<html lang>` follows. */
export function activate(lang: Language, messages: Catalog): void {
  active = { lang, locale: INTL_LOCALES[lang], messages };
  formats.clear();
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

/** The active language; English until one is activated (tests of pure modules). */
export function activeLanguage(): Language {
  return active?.lang ?? 'en';
}

/** The Intl locale of the active language ("de-DE"), for Intl's formatters. */
export function activeLocale(): string {
  return active?.locale ?? INTL_LOCALES.en;
}

export function formatOf(key: MessageKey, message: MessageFormatElement[], locale: string): IntlMessageFormat {
  let format = formats.get(key);
  if (!format) {
    format = messageFormat(message, locale);
    formats.set(key, format);
  }
  return format;
}

export function messageOf(key: MessageKey): CompiledMessage | undefined {
  return active?.messages[key];
}

/** The message `key` in the active language, its {arguments} filled in. */
export function t(key: MessageKey, values?: MessageValues): string {
  const message = messageOf(key);
  // A missing key is caught by `npm run check:messages`; the key itself is the least bad fallback.
  if (message === undefined) return key;
  if (typeof message === 'string') return message;
  return String(formatOf(key, message, activeLocale()).format(values));
}

/** Calls `listener` whenever the language changes; returns the unsubscribe. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The active state, for React's useSyncExternalStore. */
export const snapshot = () => active;
