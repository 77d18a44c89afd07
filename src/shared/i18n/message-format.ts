// One ICU message formatter for both sides of the wire (the screens' `t`, the server's alert
// texts): formatjs's intl-messageformat with the app's Intl rules, its Intl objects made once.
import { type Formatters, IntlMessageFormat } from 'intl-messageformat';

const memo = <A extends unknown[], T>(make: (...args: A) => T) => {
  const cache = new Map<string, T>();
  return (...args: A): T => {
    const key = JSON.stringify(args);
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(...args)));
    return value;
  };
};

// Numbers inside messages ("{count, number}", a plural's #) group as the app's do everywhere:
// 1 083, 1.083, 1,083 (Hungarian would leave four digits ungrouped).
const formatters: Formatters = {
  getNumberFormat: memo(
    (locales?: string | string[], options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locales, { useGrouping: 'always', ...options }),
  ),
  getDateTimeFormat: memo((locales?: string | string[], options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locales, options)),
  getPluralRules: memo((locales?: string | string[], options?: Intl.PluralRulesOptions) => new Intl.PluralRules(locales, options)),
};

/** A formatter of one message (text, or the AST the build parsed) in an Intl locale ("de-DE"). */
export function messageFormat(message: ConstructorParameters<typeof IntlMessageFormat>[0], locale: string): IntlMessageFormat {
  return new IntlMessageFormat(message, locale, undefined, { formatters });
}
