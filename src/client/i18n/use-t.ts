// React's side of the messages: `useT` re-renders a component when the language changes, and
// `tx` formats a message with React parts in it.
import { createElement, Fragment, type ReactNode, useSyncExternalStore } from 'react';
import { INTL_LOCALES, type Language } from '@/shared/i18n/languages';
import type { MessageKey } from '@/shared/i18n/message-key';
import { activeLocale, formatOf, messageOf, snapshot, subscribe, t } from './i18n';

/**
 * A message with React parts: `<b>…</b>`-style tags become what `values` maps them to
 * (`{ b: (chunks) => <strong>{chunks}</strong> }`), and arguments may be elements.
 */
export function tx(key: MessageKey, values: Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>): ReactNode {
  const message = messageOf(key);
  if (message === undefined) return key;
  if (typeof message === 'string') return message;
  const parts = formatOf(key, message, activeLocale()).format<ReactNode>(values as never);
  // Keys for React: the parts are siblings in a list (Children.toArray leaves the elements a
  // tag function returns without one).
  return Array.isArray(parts) ? parts.map((part, i) => createElement(Fragment, { key: i }, part)) : parts;
}

/** `t`, `tx` and the active language, re-rendering when the language changes. */
export function useT(): { t: typeof t; tx: typeof tx; lang: Language; locale: string } {
  const now = useSyncExternalStore(subscribe, snapshot, snapshot);
  return { t, tx, lang: now?.lang ?? 'en', locale: now?.locale ?? INTL_LOCALES.en };
}
