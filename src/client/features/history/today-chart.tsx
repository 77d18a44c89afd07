// The drawing of today's curve (recharts, loaded lazily with the section). The x axis is time by
// instant, from the day start to the next one, so a 25-hour day is drawn 25 hours wide; ticks sit
// where the site's wall clock showed a whole hour. Decorative for assistive technology: the
// section names it and offers the same numbers as a table.
import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceArea, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '@/client/i18n/i18n';
import type { CurvePoint } from '@/shared/occupancy-curve';
import { formatTimeOfDay } from './chart-format';
import { countTicks, hourTicks, tickHoursFor } from './time-axis';
import { useElementSize } from '@/client/lib/use-element-size';
import { AXIS_TICK, cardTooltip, countAxisProps } from './chart-parts';

interface TodayChartProps {
  curve: readonly CurvePoint[];
  startMs: number;
  endMs: number;
  timeZone: string;
  capacity: number | null;
  /** Add the zone's name to times (on a day with a clock change, 02:30 happens twice). */
  withZoneName: boolean;
  /** Stretches outside opening hours within the day (ms), shaded and labelled "Closed". */
  closed?: readonly { startMs: number; endMs: number }[];
}

/** A stretch narrower than this share of the day is shaded without its word (it would not fit). */
const LABEL_MIN_SHARE = 0.07;

export function TodayChart({ curve, startMs, endMs, timeZone, capacity, withZoneName, closed = [] }: TodayChartProps) {
  const [ref, { width, height }] = useElementSize<HTMLDivElement>({ width: 640, height: 256 });
  const ticks = useMemo(() => hourTicks(startMs, endMs, timeZone, tickHoursFor(width)), [startMs, endMs, timeZone, width]);
  const last = curve.at(-1);
  const peak = curve.reduce((m, p) => Math.max(m, p.occupancy), 0);
  // Room for the capacity line (and its label) above the day's peak.
  const yTicks = countTicks(Math.max(peak, capacity ?? 0, 4), height < 240 ? 3 : 4);

  return (
    <div ref={ref} className="absolute inset-0">
      <AreaChart width={width} height={height} data={curve} margin={{ top: 12, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--line)" />
        {/* Under the curve: the closed hours are context, not data. */}
        {closed.map((c) => (
          <ReferenceArea
            key={c.startMs}
            className="closed-hours"
            x1={c.startMs}
            x2={c.endMs}
            fill="var(--muted)"
            fillOpacity={0.1}
            stroke="none"
            ifOverflow="hidden"
            label={
              (c.endMs - c.startMs) / (endMs - startMs) >= LABEL_MIN_SHARE
                ? { value: t('common.sign.closed'), position: 'insideBottom', fill: 'var(--muted)', fontSize: 12, dy: -4 }
                : undefined
            }
          />
        ))}
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[startMs, endMs]}
          ticks={ticks}
          tickFormatter={(t: number) => formatTimeOfDay(t, timeZone)}
          tick={AXIS_TICK}
          stroke="var(--line)"
          tickLine={false}
          interval={0}
        />
        <YAxis {...countAxisProps(yTicks, 48)} />
        {capacity != null ? (
          <ReferenceLine
            y={capacity}
            stroke="var(--muted)"
            strokeDasharray="5 4"
            label={{ value: t('history.capacity', { count: capacity }), position: 'insideTopLeft', fill: 'var(--muted)', fontSize: 12, dy: -2 }}
          />
        ) : null}
        <Tooltip
          cursor={{ stroke: 'var(--muted)', strokeDasharray: '3 3' }}
          isAnimationActive={false}
          content={cardTooltip((point: CurvePoint) => (
            <>
              <p className="text-muted">
                {point.live
                  ? t('history.tooltip.timeNow', { time: formatTimeOfDay(point.t, timeZone, { zoneName: withZoneName }) })
                  : formatTimeOfDay(point.t, timeZone, { zoneName: withZoneName })}
              </p>
              <p className="font-semibold text-ink tabular-nums">{t('history.tooltip.inside', { count: point.occupancy })}</p>
            </>
          ))}
        />
        <Area
          type="linear"
          dataKey="occupancy"
          stroke="var(--accent)"
          strokeWidth={2}
          fill="var(--accent)"
          fillOpacity={0.14}
          dot={false}
          activeDot={{ r: 4, fill: 'var(--accent)', stroke: 'var(--surface)', strokeWidth: 2 }}
          isAnimationActive={false}
        />
        {last ? <ReferenceDot x={last.t} y={last.occupancy} r={5} fill="var(--accent)" stroke="var(--surface)" strokeWidth={2} /> : null}
      </AreaChart>
    </div>
  );
}
