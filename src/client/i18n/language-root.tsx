// Mounts the app afresh when the language changes, so every formatted date, number and word on
// screen is the new language's at once (server answers stay in TanStack Query's cache).
import { Fragment, type ReactNode } from 'react';
import { useT } from './use-t';

export function LanguageRoot({ children }: { children: ReactNode }) {
  const { lang } = useT();
  return <Fragment key={lang}>{children}</Fragment>;
}
