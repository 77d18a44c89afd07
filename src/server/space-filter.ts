// `space=<id>` on /api/history and /api/export: the configured space (or one of the default tree)
// whose boundary doors are the devices asked of the vendor. Resolved without asking the vendor.
import { boundaryDevices, orderSpaces, type SpaceDoor } from '@/shared/spaces';
import { ApiHttpError } from './http-error';
import type { SiteConfig } from './site-config';

export interface ResolvedSpace {
  id: string;
  name: string;
  /** The boundary doors; null for the default site: every device the vendor serves, side `in`. */
  doors: SpaceDoor[] | null;
  /** The devices asked of the vendor: the doors' devices, or null for every device. */
  devices: number[] | null;
  /** A default device space without a label: named after the vendor's name of this device, if it has one. */
  vendorNamed: number | null;
}

/** The default tree's space of one device: `device-<id>`. */
const DEVICE_SPACE = /^device-([1-9]\d{0,8})$/;

/**
 * Finds a space by id: a configured one, or without configured spaces the default tree's (`site`
 * = every device, `device-<id>` = that device). An unknown id is a 400 naming it (the id's form
 * was checked before, so quoting it is safe).
 */
export function spaceResolver(site: SiteConfig, siteName: string): (id: string) => ResolvedSpace {
  const configured = site.spaces === undefined ? null : new Map(orderSpaces(site.spaces).map((s) => [s.id, s]));
  const labels = new Map(site.devices.flatMap((d) => (d.label === undefined ? [] : [[d.id, d.label] as const])));
  return (id) => {
    if (configured !== null) {
      const space = configured.get(id);
      if (space !== undefined) return { id, name: space.name, doors: space.doors, devices: boundaryDevices([space]), vendorNamed: null };
    } else if (id === 'site') {
      return { id, name: siteName, doors: null, devices: null, vendorNamed: null };
    } else {
      const m = DEVICE_SPACE.exec(id);
      if (m !== null) {
        const device = Number(m[1]);
        const label = labels.get(device);
        return { id, name: label ?? `Device ${device}`, doors: [{ device, side: 'in' }], devices: [device], vendorNamed: label === undefined ? device : null };
      }
    }
    throw new ApiHttpError(400, 'bad_request', `There is no space "${id}".`, 'space');
  };
}
