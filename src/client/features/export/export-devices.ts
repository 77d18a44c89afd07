// The devices the export form offers: the PRO devices in the live answer (the only ones the
// vendor exports), named as on the dashboard.
import { byLabel, deviceLabel } from '@/client/lib/names';
import type { Occupancy } from '@/shared/api-schema';

export interface ExportDevice {
  id: number;
  label: string;
}

/** The live PRO devices, by label. */
export function exportDevices(occupancy: Occupancy): ExportDevice[] {
  return occupancy.devices.map((d) => ({ id: d.id, label: deviceLabel(d) })).sort(byLabel);
}
