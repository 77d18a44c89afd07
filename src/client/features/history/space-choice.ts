// Which spaces Today's curve and the history view can show, from the live answer's `spaces`, and
// what each one asks /api/history for. Pure: the chooser and the charts render from it.
import { activeLanguage, t } from '@/client/i18n/i18n';
import type { Occupancy } from '@/shared/api-schema';
import { byLabel, deviceLabel } from '@/client/lib/names';

/** What the root is called in the chooser and the titles, with or without configured spaces. */
export const siteLabel = () => t('history.wholeSite');

export interface SpaceOption {
  id: string;
  /** The name the chooser, titles and captions use: "Whole site" for the root. */
  name: string;
  /** 0 for the root, 1 for its children, … */
  depth: number;
  /** What the chooser lists: the name, or for a space inside a room the way to it ("Pool hall › Sauna"). */
  label: string;
  root: boolean;
  /**
   * The `space` parameter of /api/history and /api/export; undefined for the site without
   * configured spaces, which stays every door summed, exactly as before spaces existed.
   */
  param: string | undefined;
  /** Without configured spaces, each door is a space of its own: this is its device. */
  device: number | undefined;
  /** People inside now (the live answer), where the curve ends. */
  occupancy: number;
  capacity: number | null;
}

/**
 * The whole site as before spaces (every door summed): what a chart shows when given no choice.
 * A function, so its name is in the language of the moment.
 */
export const siteOptionFallback = (): SpaceOption => ({
  id: 'site',
  name: siteLabel(),
  label: siteLabel(),
  depth: 0,
  root: true,
  param: undefined,
  device: undefined,
  occupancy: 0,
  capacity: null,
});

export interface SpaceChoices {
  /** Root first; then the spaces depth-first, or (without configured spaces) the doors by name. */
  options: SpaceOption[];
  configured: boolean;
}

export function spaceChoices(occupancy: Pick<Occupancy, 'spaces' | 'spacesConfigured'>): SpaceChoices {
  const configured = occupancy.spacesConfigured;
  // Parents come before their children (root first, depth-first).
  const parents = new Map<string, { depth: number; label: string }>();
  const options = occupancy.spaces.map((space): SpaceOption => {
    const parent = space.parent === null ? undefined : parents.get(space.parent);
    const d = parent ? parent.depth + 1 : space.parent === null ? 0 : 1;
    const root = space.parent === null;
    // The default tree: a door's space has that one door, named after it.
    const device = !configured && !root ? space.doors[0]?.device : undefined;
    const name = root ? siteLabel() : device === undefined ? space.name : deviceLabel({ id: device, name: space.name });
    const label = parent && parent.depth >= 1 ? `${parent.label} › ${name}` : name;
    parents.set(space.id, { depth: d, label });
    return {
      id: space.id,
      name,
      label,
      depth: d,
      root,
      param: configured || !root ? space.id : undefined,
      device,
      occupancy: space.occupancy,
      capacity: space.capacity,
    };
  });
  if (configured) return { options, configured };
  // Doors by name, as the chooser listed them before spaces.
  const [first, ...rest] = options;
  const doors = rest.sort((a, b) => byLabel({ id: a.device ?? 0, label: a.name }, { id: b.device ?? 0, label: b.name }));
  return { options: first ? [first, ...doors] : [], configured };
}

/** The option with this id, else the root (a space removed from the configuration falls back to the site). */
export function chosenOption(choices: SpaceChoices, id: string | null): SpaceOption | undefined {
  return choices.options.find((o) => o.id === id) ?? choices.options[0];
}

/**
 * A space's name inside a sentence: "the Pool hall", but "Floor 2" (a numbered place takes no
 * article) and "The Lido" kept as written.
 */
export function spaceInSentence(name: string): string {
  if (/^the\s/i.test(name) || /\d$/.test(name)) return name;
  return `the ${name}`;
}

/**
 * What a title says of the chosen space, as a message's `kind` and `place`: the whole site, a
 * space ("… in the Pool hall") or a door ("… at the Main entrance": without configured spaces, a
 * door is not a room). English puts an article before a space's name; German and Hungarian
 * messages name it after a colon, as it is.
 */
export function placeOf(option: SpaceOption): { kind: 'site' | 'space' | 'door'; place: string } {
  if (option.root) return { kind: 'site', place: '' };
  const place = activeLanguage() === 'en' ? spaceInSentence(option.name) : option.name;
  return { kind: option.device === undefined ? 'space' : 'door', place };
}
