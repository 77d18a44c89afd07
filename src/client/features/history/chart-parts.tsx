// What the history charts draw alike: the axis text, the count axis and the tooltip card.
import type { ReactNode } from 'react';
import type { YAxisProps } from 'recharts';
import { formatCount } from '@/client/lib/format';

export const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };

/** Props of a y axis of whole counts on exactly these ticks, from 0 to the last. */
export function countAxisProps(ticks: number[], width: number): YAxisProps {
  return {
    allowDecimals: false,
    domain: [0, ticks.at(-1) ?? 'auto'],
    ticks,
    interval: 0,
    tickFormatter: (v: number) => formatCount(v),
    tick: AXIS_TICK,
    axisLine: false,
    tickLine: false,
    width,
  };
}

/** A tooltip `content` that draws the hovered datum's lines from `render` in the charts' card. */
export function cardTooltip<T>(render: (datum: T) => ReactNode) {
  return function CardTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
    const datum = active ? (payload?.[0]?.payload as T | undefined) : undefined;
    if (!datum) return null;
    return <div className="rounded-lg border border-line bg-surface px-3 py-2 text-sm shadow-md">{render(datum)}</div>;
  };
}
