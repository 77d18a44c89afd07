// One device as the dashboard shows it: the occupancy answer joined with the site's labels and
// capacities from /api/config (a label or capacity set there wins over the vendor's).
import type { Config, Occupancy } from '@/shared/api-schema';

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

export function toDeviceViews(data: Occupancy, config: Config | undefined): DeviceView[] {
  const configured = new Map(config?.devices.map((d) => [d.id, d]));
  return data.devices.map((d) => {
    const site = configured.get(d.id);
    return {
      id: d.id,
      label: site?.label?.trim() || d.name.trim() || `Device ${d.id}`,
      in: d.in,
      out: d.out,
      raw: d.occupancy,
      occupancy: d.corrected,
      capacity: d.capacity ?? site?.capacity ?? null,
    };
  });
}

export type DeviceSort = 'name' | 'occupancy';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortDevices(devices: readonly DeviceView[], sort: DeviceSort): DeviceView[] {
  const byName = (a: DeviceView, b: DeviceView) => collator.compare(a.label, b.label) || a.id - b.id;
  return [...devices].sort(sort === 'name' ? byName : (a, b) => b.occupancy - a.occupancy || byName(a, b));
}

export function filterDevices(devices: readonly DeviceView[], query: string): DeviceView[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...devices];
  return devices.filter((d) => d.label.toLocaleLowerCase().includes(needle));
}
