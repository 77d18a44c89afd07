// The level of a space in the dashboard's words (the same message keys), colours and icons
// (src/client/components/ui): the icons copied here because the public page carries no React;
// words.test.ts keeps them the same.
import type { SpaceState } from '@/shared/api-schema';
import type { MessageKey } from '@/shared/i18n/message-key';

export const LEVEL_WORDS: Record<SpaceState, MessageKey> = {
  available: 'common.level.available',
  nearly_full: 'common.level.nearlyFull',
  full: 'common.level.full',
  // The kiosk's words: an old green or red could send people the wrong way.
  unknown: 'common.sign.unavailable',
};

const svg = (body: string) =>
  `<svg viewBox="0 0 20 20" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

/** The icons of icons.tsx (tick, triangle, no-entry, cloud-off): colour is never the only cue. */
export const LEVEL_ICONS: Record<SpaceState, string> = {
  available: svg('<circle cx="10" cy="10" r="7.5"></circle><path d="m6.8 10.2 2.2 2.2 4.2-4.6"></path>'),
  nearly_full: svg('<path d="M10 3.2 17.4 16H2.6L10 3.2Z"></path><path d="M10 8.2v3.6"></path><path d="M10 14.1h.01" stroke-width="2.4"></path>'),
  full: svg('<circle cx="10" cy="10" r="7.5"></circle><path d="M6.2 10h7.6" stroke-width="2.4"></path>'),
  unknown: svg('<path d="M6 15.5h8.2a3.3 3.3 0 0 0 .9-6.5 5 5 0 0 0-8.7-1.8A3.6 3.6 0 0 0 6 15.5Z"></path><path d="m3 3 14 14"></path>'),
};
