// One device as the dashboard shows it, from the occupancy answer (the server has already applied
// the site's labels and capacities).
import { byLabel, deviceLabel } from '@/client/lib/names';
import type { Occupancy } from '@/shared/api-schema';

export interface DeviceView {
  id: number;
  label: string;
  in: number;
  out: number;
  /** IN − OUT; negative when this door counted more people leaving than entering. */
  raw: number;
  /** max(0, raw): what is shown. */
  occupancy: number;
  capacity: number | null;
}

export function toDeviceViews(data: Occupancy): DeviceView[] {
  return data.devices.map((d) => ({ id: d.id, label: deviceLabel(d), in: d.in, out: d.out, raw: d.raw, occupancy: d.occupancy, capacity: d.capacity }));
}

export type DeviceSort = 'name' | 'occupancy';

export function sortDevices(devices: readonly DeviceView[], sort: DeviceSort): DeviceView[] {
  return [...devices].sort(sort === 'name' ? byLabel : (a, b) => b.occupancy - a.occupancy || byLabel(a, b));
}

export function filterDevices(devices: readonly DeviceView[], query: string): DeviceView[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...devices];
  return devices.filter((d) => d.label.toLocaleLowerCase().includes(needle));
}
