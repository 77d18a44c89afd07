// The spaces the export form offers: the configured tree (root first, depth-first), each with the
// doors whose counts its file holds. Without configured spaces there is nothing to choose.
import { t } from '@/client/i18n/i18n';
import type { SpaceNode } from '@/shared/api-schema';
import type { ExportDevice } from './export-devices';

export interface ExportSpaceDoor {
  device: number;
  label: string;
  /** `out`: the counter's IN means leaving this space. */
  side: 'in' | 'out';
}

export interface ExportSpace {
  id: string;
  name: string;
  /** 0 for the site, 1 for its rooms, … */
  depth: number;
  /** The boundary doors that can be exported (the live PRO devices, when they are known). */
  doors: ExportSpaceDoor[];
}

/**
 * The spaces to choose from, in the tree's order; null when none are configured (the default
 * tree, `site` and `device-<id>`, is the devices again). `devices`: the live PRO devices, or
 * null when they are not known (then every configured door is kept, named by `names`, the site's
 * labels, or by its id).
 */
export function exportSpaces(
  spaces: readonly SpaceNode[] | null,
  configured: boolean,
  devices: readonly ExportDevice[] | null,
  names: ReadonlyMap<number, string> = new Map(),
): ExportSpace[] | null {
  if (!configured || !spaces || spaces.length === 0) return null;
  const depths = new Map<string, number>();
  const labels = devices ? new Map(devices.map((d) => [d.id, d.label])) : null;
  return spaces.map((space) => {
    const depth = space.parent === null ? 0 : (depths.get(space.parent) ?? 0) + 1;
    depths.set(space.id, depth);
    const doors = space.doors
      .filter((door) => labels === null || labels.has(door.device))
      .map((door) => ({
        device: door.device,
        label: labels?.get(door.device) ?? names.get(door.device) ?? t('export.deviceFallback', { id: String(door.device) }),
        side: door.side,
      }));
    return { id: space.id, name: space.name.trim() || space.id, depth, doors };
  });
}
