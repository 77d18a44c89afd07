// The devices the export form offers: the PRO devices in the live answer (the only ones the
// vendor exports), named as on the dashboard (a label from /api/config wins over the vendor's).
import type { Config, Occupancy } from '@/shared/api-schema';

export interface ExportDevice {
  id: number;
  label: string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The live PRO devices, by label. */
export function exportDevices(occupancy: Occupancy, config: Config | undefined): ExportDevice[] {
  const labels = new Map(config?.devices.map((d) => [d.id, d.label?.trim()]));
  return occupancy.devices
    .map((d) => ({ id: d.id, label: labels.get(d.id) || d.name.trim() || `Device ${d.id}` }))
    .sort((a, b) => collator.compare(a.label, b.label) || a.id - b.id);
}
