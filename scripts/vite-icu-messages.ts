// Vite plugin: the message catalogs (src/shared/i18n/locales/<lang>/<namespace>.json) reach the
// browser parsed. Each ICU message becomes formatjs's AST (a plain sentence stays a string), so
// the bundle carries intl-messageformat without its parser: formatjs's own advice for browsers.
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const CATALOG = /[\\/]i18n[\\/]locales[\\/][a-z]{2}[\\/][a-z-]+\.json$/;

/** A catalog's messages, each parsed; throws naming the key whose message is not valid ICU. */
export function compileCatalog(source: string, file: string): Record<string, unknown> {
  const messages = JSON.parse(source) as Record<string, string>;
  const out: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(messages)) {
    try {
      const ast = parse(message);
      const only = ast[0];
      // A sentence without arguments needs no formatter at all.
      out[key] = ast.length === 0 ? '' : ast.length === 1 && only?.type === TYPE.literal ? only.value : ast;
    } catch (error) {
      throw new Error(`${file}: message "${key}" is not valid ICU MessageFormat: ${(error as Error).message}`, { cause: error });
    }
  }
  return out;
}

export function icuMessages({ dropParser }: { dropParser: boolean }): Plugin {
  return {
    name: 'occupancy:icu-messages',
    enforce: 'pre',
    config: () =>
      dropParser
        ? // Nothing in the browser parses a message: every one arrives parsed.
          { resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] } }
        : {},
    transform(code, id) {
      if (!CATALOG.test(id.split('?')[0] ?? '')) return null;
      // Still JSON: Vite's own JSON plugin makes the module of it.
      return { code: JSON.stringify(compileCatalog(code, id)), map: null };
    },
  };
}
