// Visitors per day as bars, with the same weekday a week earlier as a dashed line for comparison
// (recharts, loaded lazily). Decorative for assistive technology: the section names it and offers
// the same numbers as a table.
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '@/client/i18n/i18n';
import { formatCount } from '@/client/lib/format';
import { addDaysToDateString } from '@/shared/zoned';
import { formatAxisDay, formatDay } from './chart-format';
import type { VisitorDay } from './history-data';
import { countTicks } from './time-axis';
import { useElementSize } from '@/client/lib/use-element-size';
import { AXIS_TICK, cardTooltip, countAxisProps } from './chart-parts';

export function VisitorsChart({ days, span }: { days: readonly VisitorDay[]; span: 'week' | 'month' }) {
  const [ref, { width, height }] = useElementSize<HTMLDivElement>({ width: 640, height: 288 });
  const yTicks = countTicks(days.reduce((m, d) => Math.max(m, d.visitors, d.weekBefore), 0));
  return (
    <div ref={ref} className="absolute inset-0">
      <ComposedChart
        width={width}
        height={height}
        data={days}
        margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
        barCategoryGap={span === 'week' ? '28%' : '18%'}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="var(--line)" />
        <XAxis
          dataKey="date"
          tickFormatter={(d: string) => formatAxisDay(d, span)}
          tick={AXIS_TICK}
          stroke="var(--line)"
          tickLine={false}
          interval="preserveStartEnd"
          minTickGap={12}
        />
        <YAxis {...countAxisProps(yTicks, 52)} />
        <Tooltip
          cursor={{ fill: 'var(--sunken)' }}
          isAnimationActive={false}
          content={cardTooltip((day: VisitorDay) => (
            <>
              <p className="text-muted">{formatDay(day.date)}</p>
              <p className="font-semibold text-ink tabular-nums">{t('history.tooltip.visitors', { count: day.visitors })}</p>
              <p className="text-muted tabular-nums">
                {formatDay(addDaysToDateString(day.date, -7))}: {formatCount(day.weekBefore)}
              </p>
            </>
          ))}
        />
        <Bar dataKey="visitors" fill="var(--accent)" radius={[3, 3, 0, 0]} maxBarSize={56} isAnimationActive={false} />
        <Line
          dataKey="weekBefore"
          type="linear"
          stroke="var(--muted)"
          strokeWidth={1.5}
          strokeDasharray="5 4"
          dot={span === 'week' ? { r: 3.5, fill: 'var(--surface)', stroke: 'var(--muted)', strokeWidth: 1.5 } : false}
          activeDot={{ r: 4, fill: 'var(--surface)', stroke: 'var(--muted)', strokeWidth: 1.5 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
