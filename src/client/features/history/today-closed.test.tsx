// Today's chart shades the hours outside opening hours and says so in its accessible name.
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, makeConfig, makeOccupancy, TEST_NOW } from '@/client/test/fixtures';
import { fakeHistoryApi, fiveMinuteSeries, makeHistory, renderWithClient } from '@/client/test/history-api';
import { openingHoursSchema } from '@/shared/opening-hours';
import { formatTimeOfDay } from './chart-format';
import { TodaySection } from './today-section';

afterEach(() => {
  vi.unstubAllGlobals();
});

const TZ = 'Europe/Budapest';
const DAY_START = Date.parse('2026-11-25T23:00:00Z');
const time = (iso: string) => formatTimeOfDay(Date.parse(iso), TZ);

function renderWith(openingHours: ReturnType<typeof openingHoursSchema.parse> | null) {
  const series = [fiveMinuteSeries(91, 'Main entrance', { startMs: DAY_START, untilMs: Date.parse(TEST_NOW), timeZone: TZ, counts: { '08:00': [40, 3] } })];
  fakeHistoryApi(() => json(makeHistory({ series })));
  return renderWithClient(<TodaySection occupancy={makeOccupancy()} config={makeConfig({ openingHours })} timeZone={TZ} />);
}

describe('today’s chart and opening hours', () => {
  it('shades the closed hours of the day (Thursday 07:00–22:00 open) and names them', async () => {
    const { container } = renderWith(openingHoursSchema.parse({ weekly: { thu: [['07:00', '22:00']] } }));
    const chart = await screen.findByRole('img', { name: /^People inside today/ });
    expect(chart.getAttribute('aria-label')).toContain(
      `Closed ${time('2026-11-26T00:00:00+01:00')}–${time('2026-11-26T07:00:00+01:00')} and ${time('2026-11-26T22:00:00+01:00')}–${time('2026-11-27T00:00:00+01:00')} (shaded).`,
    );
    expect(container.querySelectorAll('.closed-hours')).toHaveLength(2);
    expect(screen.getAllByText('Closed')).toHaveLength(2);
  });

  it('shades nothing without hours', async () => {
    const { container } = renderWith(null);
    const chart = await screen.findByRole('img', { name: /^People inside today/ });
    expect(chart.getAttribute('aria-label')).not.toContain('Closed');
    expect(container.querySelectorAll('.closed-hours')).toHaveLength(0);
  });
});
