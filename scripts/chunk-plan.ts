// How the SPA's code is cut into files (docs/decisions/027). Rolldown's automatic splitting gives
// every set of importers a chunk of its own: with a dozen lazy screens, sections and dialogs, the
// kiosk's first load was 12 files, and with the dashboard lazy too the dashboard's 21; on a phone
// each costs a round trip. This plan gives a live screen's first load two or three chunks of code
// beyond the language: `app` (the entry, the libraries every screen runs on, and what the live
// screens share) and the screen's own.
//
// - The home screen (the dashboard) also takes what it shares with the lazy parts opened from it or
//   leading to it (Settings, the account pages, the history, the export): they load its chunk too.
// - Another live screen (the kiosk) is loaded by nothing else: what it shares with a lazy part goes
//   to a chunk of its own (`shared`, a few small modules), so the dashboard never downloads the
//   kiosk, and its first load carries none of them.
// - Code only lazy parts use (the charts, Settings' sections, the dialogs) keeps Rolldown's chunks,
//   as does anything the public view's page reaches (it carries no React), and libraries other
//   than the framework: Rolldown's tree-shaking keeps date-fns, which the entry reaches only for
//   the history's formatting, out of the first load.
import type { Rolldown } from 'vite';

type CodeSplitting = Exclude<NonNullable<Rolldown.OutputOptions['codeSplitting']>, boolean>;
type Group = NonNullable<CodeSplitting['groups']>[number];
type Context = Parameters<Extract<Group['name'], (...args: never[]) => unknown>>[1];

export interface ChunkPlanOptions {
  /** The SPA's page (index.html), the root of the entry's modules. */
  entry: string;
  /** The public view's page, whose modules stay out of the plan. */
  publicEntry: string;
  /** The home screen: its chunk's name and its module. */
  home: { name: string; module: string };
  /** The other live screens: chunk name → module. */
  screens: Record<string, string>;
}

/** The libraries every screen runs on: they go with the entry. */
const FRAMEWORK = /\/node_modules\/(react|react-dom|scheduler|@tanstack\/[^/]+|zod)\//;

const normal = (id: string) => id.replace(/\\/g, '/');

export function chunkPlan({ entry, publicEntry, home, screens }: ChunkPlanOptions): CodeSplitting {
  /** Per module: the roots (the pages, and every module something imports lazily) whose static imports reach it. */
  const rootsOf = new Map<string, Set<string>>();
  const roots = (id: string, ctx: Context): Set<string> => {
    const known = rootsOf.get(id);
    if (known !== undefined) return known;
    const found = new Set<string>();
    // Set before the walk: an import cycle ends here.
    rootsOf.set(id, found);
    const info = ctx.getModuleInfo(id);
    if (info === null) return found;
    if (info.isEntry || info.dynamicImporters.length > 0) found.add(normal(id));
    for (const importer of info.importers) for (const root of roots(importer, ctx)) found.add(root);
    return found;
  };
  const live = [[home.name, home.module], ...Object.entries(screens)] as const;

  /** The chunk a module goes to, or null for Rolldown's own. */
  const chunkOf = (id: string, ctx: Context): string | null => {
    const reached = [...roots(id, ctx)];
    const by = (end: string) => reached.some((root) => root.endsWith(end));
    if (by(publicEntry)) return null;
    if (normal(id).includes('/node_modules/')) return by(entry) && FRAMEWORK.test(normal(id)) ? 'app' : null;
    if (by(entry)) return 'app';
    const screensReaching = live.filter(([, module]) => by(module)).map(([name]) => name);
    if (screensReaching.length > 1) return 'app';
    const [screen] = screensReaching;
    if (screen === undefined) return null;
    if (screen === home.name || reached.length === 1) return screen;
    // Another screen's module that a lazy part needs too: a chunk of its own, which neither the
    // dashboard's first load (that does not need it) nor the lazy part pays for with the screen's.
    return 'shared';
  };

  return {
    // A module goes where its group says, not with everything it imports: the public page's
    // modules stay out of `app` though `app`'s modules import them.
    includeDependenciesRecursively: false,
    groups: [{ name: chunkOf }],
  };
}
