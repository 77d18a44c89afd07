// The visual pieces of a capacity state: the pill (icon + word, colour as a third cue), the
// arc gauge and the bar. Stale numbers turn them grey: an old state must not look current.
import type { SpaceState } from '@/shared/api-schema';
import { NEARLY_FULL_RATIO } from '@/shared/occupancy-math';
import { t } from '@/client/i18n/i18n';
import { capacityStateVisual } from './capacity-state';

export function CapacityPill({ state, stale = false, className = '' }: { state: SpaceState; stale?: boolean; className?: string }) {
  const { Icon, words, soft } = capacityStateVisual[state];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 font-medium whitespace-nowrap ${stale ? 'bg-sunken text-muted' : soft} ${className}`}
    >
      <Icon className="size-[1.1em] shrink-0" />
      {t(words)}
    </span>
  );
}

// A 270° arc open at the bottom, drawn with pathLength=100 so the filled share is a dash length.
const CX = 60;
const CY = 60;
const R = 48;
const START_DEG = 135;
const SWEEP_DEG = 270;

function pointAt(share: number, radius: number): [number, number] {
  const rad = ((START_DEG + SWEEP_DEG * share) * Math.PI) / 180;
  return [CX + radius * Math.cos(rad), CY + radius * Math.sin(rad)];
}

const [sx, sy] = pointAt(0, R);
const [ex, ey] = pointAt(1, R);
const ARC_PATH = `M ${sx.toFixed(2)} ${sy.toFixed(2)} A ${R} ${R} 0 1 1 ${ex.toFixed(2)} ${ey.toFixed(2)}`;

interface ArcProps {
  ratio: number;
  state: SpaceState;
  /** Where "nearly full" begins, as a share of the capacity (the space's own threshold). */
  nearlyFull?: number;
  stale?: boolean;
  className?: string;
  /** The text equivalent; without it the arc is decorative. */
  label?: string;
}

export function CapacityArc({ ratio, state, nearlyFull = NEARLY_FULL_RATIO, stale = false, className = '', label }: ArcProps) {
  const share = Math.min(1, Math.max(0, ratio)) * 100;
  const [n1x, n1y] = pointAt(nearlyFull, R - 8);
  const [n2x, n2y] = pointAt(nearlyFull, R + 8);
  return (
    <svg
      viewBox="0 0 120 106"
      className={`overflow-visible ${className}`}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
      focusable="false"
    >
      <path d={ARC_PATH} fill="none" strokeWidth={11} strokeLinecap="round" className="stroke-sunken" />
      <path
        d={ARC_PATH}
        pathLength={100}
        fill="none"
        strokeWidth={11}
        strokeLinecap="round"
        strokeDasharray={`${share} 100`}
        // A zero-length dash still paints a round cap: hide it at 0 %.
        strokeOpacity={share === 0 ? 0 : 1}
        className={`${stale ? 'stroke-stale-arc' : capacityStateVisual[state].stroke} motion-safe:transition-[stroke-dasharray] motion-safe:duration-700 motion-safe:ease-out`}
      />
      {/* A notch where "nearly full" begins. */}
      <line data-threshold={nearlyFull} x1={n1x} y1={n1y} x2={n2x} y2={n2y} strokeWidth={2.5} className="stroke-surface" />
    </svg>
  );
}

export function CapacityBar({
  ratio,
  state,
  nearlyFull = NEARLY_FULL_RATIO,
  stale = false,
}: {
  ratio: number;
  state: SpaceState;
  /** Where "nearly full" begins, as a share of the capacity. */
  nearlyFull?: number;
  stale?: boolean;
}) {
  const share = Math.min(1, Math.max(0, ratio)) * 100;
  return (
    <div aria-hidden="true" className="relative h-2.5 w-full overflow-hidden rounded-full bg-sunken">
      <div
        className={`h-full origin-left rounded-full ${stale ? 'bg-stale-arc' : capacityStateVisual[state].fill} motion-safe:transition-transform motion-safe:duration-700 motion-safe:ease-out`}
        style={{ transform: `scaleX(${share / 100})` }}
      />
      <div data-threshold={nearlyFull} className="absolute inset-y-0 w-0.5 bg-surface" style={{ left: `${nearlyFull * 100}%` }} />
    </div>
  );
}
