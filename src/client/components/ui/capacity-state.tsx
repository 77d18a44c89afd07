// The one look of a capacity state: its icon, its word and its colours (Okabe–Ito, colour-blind
// safe), always together so colour is never the only cue. Dashboard and kiosk both use this map.
import type { ComponentType, SVGProps } from 'react';
import type { SpaceState } from '@/shared/api-schema';
import { AlertTriangleIcon, CheckCircleIcon, CloudOffIcon, NoEntryIcon } from './icons';

export interface CapacityStateVisual {
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  words: string;
  /** Tinted background and text: a pill or a tile's state line. */
  soft: string;
  /** Solid fill: a bar or a sign. */
  fill: string;
  /** Stroke of a gauge arc. */
  stroke: string;
}

/** Every space state; `unknown` (no live count) is the neutral grey of the kiosk's "Live count unavailable". */
export const capacityStateVisual: Record<SpaceState, CapacityStateVisual> = {
  available: { Icon: CheckCircleIcon, words: 'Space available', soft: 'bg-ok-soft text-ok-ink', fill: 'bg-ok-arc', stroke: 'stroke-ok-arc' },
  nearly_full: { Icon: AlertTriangleIcon, words: 'Nearly full', soft: 'bg-warn-soft text-warn-ink', fill: 'bg-warn-arc', stroke: 'stroke-warn-arc' },
  full: { Icon: NoEntryIcon, words: 'Full', soft: 'bg-full-soft text-full-ink', fill: 'bg-full-arc', stroke: 'stroke-full-arc' },
  unknown: { Icon: CloudOffIcon, words: 'No live count', soft: 'bg-sunken text-muted', fill: 'bg-stale-arc', stroke: 'stroke-stale-arc' },
};

export const capacityStateWords = Object.fromEntries(Object.entries(capacityStateVisual).map(([state, visual]) => [state, visual.words])) as Record<
  SpaceState,
  string
>;
