// A recent alert as GET /api/alerts/recent sends it, for the alerts tests.
import type { RecentAlert } from '@/shared/alerts-schema';

export const alert = (id: number, over: Partial<RecentAlert> = {}): RecentAlert => ({
  id,
  rule: 'nearly_full',
  space: 'cafe',
  spaceName: 'Café',
  occupancy: 33,
  capacity: 40,
  state: 'nearly_full',
  at: '2026-11-26T11:05:00+01:00',
  text: `Café is nearly full: 33 of 40 (${id}).`,
  resolved: false,
  ...over,
});
