// The one look of a capacity state: its icon, its word and its colours (Okabe–Ito, colour-blind
// safe), always together so colour is never the only cue. Dashboard and kiosk both use this map.
import type { ComponentType, SVGProps } from 'react';
import { activeLanguage, t } from '@/client/i18n/i18n';
import type { SpaceState } from '@/shared/api-schema';
import type { MessageKey } from '@/shared/i18n/message-key';
import { AlertTriangleIcon, CheckCircleIcon, CloudOffIcon, NoEntryIcon } from './icons';

export interface CapacityStateVisual {
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Its word ("Space available"), a message: capacityStateWord() says it in the active language. */
  words: MessageKey;
  /** Tinted background and text: a pill or a tile's state line. */
  soft: string;
  /** Solid fill: a bar or a sign. */
  fill: string;
  /** Stroke of a gauge arc. */
  stroke: string;
}

/** Every space state; `unknown` (no live count) is the neutral grey of the kiosk's "Live count unavailable". */
export const capacityStateVisual: Record<SpaceState, CapacityStateVisual> = {
  available: { Icon: CheckCircleIcon, words: 'common.level.available', soft: 'bg-ok-soft text-ok-ink', fill: 'bg-ok-arc', stroke: 'stroke-ok-arc' },
  nearly_full: {
    Icon: AlertTriangleIcon,
    words: 'common.level.nearlyFull',
    soft: 'bg-warn-soft text-warn-ink',
    fill: 'bg-warn-arc',
    stroke: 'stroke-warn-arc',
  },
  full: { Icon: NoEntryIcon, words: 'common.level.full', soft: 'bg-full-soft text-full-ink', fill: 'bg-full-arc', stroke: 'stroke-full-arc' },
  unknown: { Icon: CloudOffIcon, words: 'common.level.unknown', soft: 'bg-sunken text-muted', fill: 'bg-stale-arc', stroke: 'stroke-stale-arc' },
};

/** A state's word in the active language: "Space available", "Fast voll", "Tele". */
export function capacityStateWord(state: SpaceState): string {
  return t(capacityStateVisual[state].words);
}

/** The word inside a sentence ("…, 74 %, nearly full."): lower-case, but German keeps its nouns' capitals. */
export function capacityStateInSentence(state: SpaceState): string {
  const word = capacityStateWord(state);
  return activeLanguage() === 'de' ? word : word.toLocaleLowerCase(activeLanguage());
}
