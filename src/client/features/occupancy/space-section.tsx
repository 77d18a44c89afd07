// Every space at a glance, children under their parent: a responsive grid of gauges on desktops,
// a one-thumb list on phones where a parent's children fold away. Sortable (siblings among
// themselves) and filterable by name. Without configured spaces the gauges are the doors' own
// spaces, listed as today.
import { buttonClass } from '@/client/components/ui/button';
import { useDeferredValue, useId, useState } from 'react';
import type { DataAgeInput } from '@/client/components/ui/data-age';
import { ErrorBoundary } from '@/client/components/ui/error-boundary';
import { ChevronRightIcon, CornerDownRightIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { formatCount } from '@/client/lib/format';
import { useMediaQuery } from '@/client/lib/use-media-query';
import { OccupancyGauge } from './occupancy-gauge';
import { countNodes, filterTree, type SpaceNodeView, type SpaceSort, sortTree } from './space-view';

interface SpaceSectionProps {
  tree: readonly SpaceNodeView[];
  /** With configured spaces; otherwise each gauge is a door's own space (the default tree). */
  configured: boolean;
  stale: boolean;
  age: DataAgeInput;
}

export function SpaceSection({ tree, configured, stale, age }: SpaceSectionProps) {
  const headingId = useId();
  const filterId = useId();
  const sortId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SpaceSort>(configured ? 'site' : 'name');
  // Phone only: the parents whose children are unfolded (wider screens show every child).
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const wide = useMediaQuery('(min-width: 40rem)');
  const deferredQuery = useDeferredValue(query);
  const filtered = deferredQuery.trim() !== '';
  const shown = sortTree(filterTree(tree, deferredQuery), sort === 'site' && !configured ? 'name' : sort);
  const total = countNodes(tree);

  const toggle = (id: string) =>
    setOpen((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <section aria-labelledby={headingId} className="@container mt-8 sm:mt-10">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <h2 id={headingId} className="text-lg font-semibold text-ink">
          {configured ? t('dashboard.spaces.spaces') : t('dashboard.spaces.doors')}{' '}
          <span className="font-normal text-muted tabular-nums">({formatCount(total)})</span>
        </h2>
        <div className="flex w-full gap-3 sm:w-auto">
          <div className="flex min-w-0 flex-1 flex-col gap-1 sm:w-64 sm:flex-none">
            <label htmlFor={filterId} className="text-sm font-medium text-muted">
              {t('dashboard.spaces.filter')}
            </label>
            <input
              id={filterId}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="min-h-11 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink placeholder:text-muted"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={sortId} className="text-sm font-medium text-muted">
              {t('dashboard.spaces.sort')}
            </label>
            <select
              id={sortId}
              value={sort}
              onChange={(event) => setSort(toSort(event.target.value))}
              className="min-h-11 rounded-lg border border-line bg-surface px-3 text-base text-ink"
            >
              {configured ? <option value="site">{t('dashboard.spaces.sortSite')}</option> : null}
              <option value="name">{t('dashboard.spaces.sortName')}</option>
              <option value="occupancy">{t('dashboard.spaces.sortOccupancy')}</option>
            </select>
          </div>
        </div>
      </div>

      <p role="status" className="mt-3 min-h-5 text-sm text-muted">
        {filtered
          ? t(configured ? 'dashboard.spaces.showingSpaces' : 'dashboard.spaces.showingDoors', {
              shown: formatCount(countNodes(shown)),
              count: total,
              total: formatCount(total),
            })
          : ''}
      </p>

      {shown.length > 0 ? (
        <SpaceLevel nodes={shown} labelledBy={headingId} fold={{ wide: wide || filtered, open, toggle }} door={!configured} stale={stale} age={age} />
      ) : (
        <div className="mt-2 rounded-2xl border border-dashed border-line p-6 text-center">
          <p className="text-ink">{t(configured ? 'dashboard.spaces.noSpaceMatch' : 'dashboard.spaces.noDoorMatch', { query: deferredQuery.trim() })}</p>
          <button type="button" onClick={() => setQuery('')} className={buttonClass('quiet', 'mt-3 px-4')}>
            {t('dashboard.spaces.clearFilter')}
          </button>
        </div>
      )}
    </section>
  );
}

function toSort(value: string): SpaceSort {
  return value === 'occupancy' || value === 'site' ? value : 'name';
}

interface Fold {
  /** Every child shown, no fold buttons: a wide screen, or a filter at work. */
  wide: boolean;
  open: ReadonlySet<string>;
  toggle: (id: string) => void;
}

interface LevelProps {
  nodes: readonly SpaceNodeView[];
  labelledBy?: string;
  label?: string;
  fold: Fold;
  door: boolean;
  stale: boolean;
  age: DataAgeInput;
}

/** One level of the tree: the spaces without children as a grid of cards, then each parent with its children. */
function SpaceLevel({ nodes, labelledBy, label, fold, door, stale, age }: LevelProps) {
  const leaves = nodes.filter((n) => n.children.length === 0);
  const parents = nodes.filter((n) => n.children.length > 0);
  return (
    <ul aria-labelledby={labelledBy} aria-label={label} className="mt-2 grid gap-2 sm:grid-cols-[repeat(auto-fill,minmax(min(16.5rem,100%),1fr))] sm:gap-4">
      {leaves.map((node) => (
        <li key={node.id}>
          <ErrorBoundary name={t('dashboard.spaces.gaugeOf', { name: node.label })}>
            <OccupancyGauge space={node} door={door} stale={stale} age={age} />
          </ErrorBoundary>
        </li>
      ))}
      {parents.map((node) => (
        <li key={node.id} className={groupSpan(node)}>
          <SpaceGroup node={node} fold={fold} door={door} stale={stale} age={age} />
        </li>
      ))}
    </ul>
  );
}

// A parent and its children take as many of the grid's columns as they fill (up to four), where
// the grid (its container: the section, or a parent's children area) has that many; the grid's
// columns are at least 16.5rem wide with 1rem gaps, so n columns need (17.5n − 1) rem.
const SPANS = ['', '', 'sm:@min-[34rem]:col-span-2', 'sm:@min-[51.5rem]:col-span-3', 'sm:@min-[69rem]:col-span-4'];
const INNER = [
  '',
  '',
  '@min-[30rem]:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]',
  '@min-[30rem]:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] @min-[47rem]:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]',
  '@min-[30rem]:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] @min-[47rem]:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] @min-[64.5rem]:grid-cols-[minmax(0,1fr)_minmax(0,3fr)]',
];

/** How many cards sit in the parent's first row: the parent and its children, at most four. */
function groupWidth(node: SpaceNodeView): number {
  return Math.min(4, 1 + countNodes(node.children));
}

function groupSpan(node: SpaceNodeView): string {
  return SPANS.slice(2, groupWidth(node) + 1).join(' ');
}

/** A parent's own gauge, then the spaces inside it: beside it on a wide screen, folding under it on a phone. */
function SpaceGroup({ node, fold, door, stale, age }: Omit<LevelProps, 'nodes' | 'labelledBy' | 'label'> & { node: SpaceNodeView }) {
  const childrenId = useId();
  const expanded = fold.wide || fold.open.has(node.id);
  const inside = t('dashboard.spaces.inside', { name: node.label });
  const count = countNodes(node.children);
  const summary = stateSummary(node.children);
  return (
    // A container: side by side once the group is wide enough for two cards, one above the other before.
    <div className="@container h-full sm:rounded-3xl sm:border sm:border-line sm:bg-sunken/50 sm:p-3">
      <div className={`grid gap-2 sm:gap-3 ${INNER[groupWidth(node)]}`}>
        {/* Its own height, not the height of its children beside it. */}
        <div className="sm:self-start">
          <ErrorBoundary name={t('dashboard.spaces.gaugeOf', { name: node.label })}>
            <OccupancyGauge space={node} door={door} stale={stale} age={age} />
          </ErrorBoundary>
        </div>
        <div className="@container min-w-0">
          {fold.wide ? (
            <p className="flex min-h-5 items-center gap-2 text-sm font-medium text-muted">
              <CornerDownRightIcon className="size-4 shrink-0" />
              {inside}
            </p>
          ) : (
            <button
              type="button"
              aria-expanded={expanded}
              aria-controls={childrenId}
              onClick={() => fold.toggle(node.id)}
              className="flex min-h-12 w-full items-center gap-3 rounded-xl border border-line bg-surface px-4 py-2 text-left text-base text-ink hover:bg-sunken"
            >
              <ChevronRightIcon className={`size-5 shrink-0 text-muted motion-safe:transition-transform ${expanded ? 'rotate-90' : ''}`} />
              <span className="min-w-0 flex-1">
                <span className="font-medium">{inside}</span>
                <span className="text-muted">
                  {' '}
                  · {t('dashboard.spaces.count', { count })}
                  {summary ? ` · ${summary}` : ''}
                </span>
              </span>
            </button>
          )}
          <div id={childrenId} hidden={!expanded} className="ml-4 border-l-2 border-line pl-3 sm:ml-0 sm:border-l-0 sm:pl-0">
            <SpaceLevel nodes={node.children} label={inside} fold={fold} door={door} stale={stale} age={age} />
          </div>
        </div>
      </div>
    </div>
  );
}

/** "1 full, 2 nearly full" among the spaces inside, so a folded branch hides no full room. */
function stateSummary(nodes: readonly SpaceNodeView[]): string {
  const all = (list: readonly SpaceNodeView[]): SpaceNodeView[] => list.flatMap((n) => [n, ...all(n.children)]);
  const spaces = all(nodes);
  const full = spaces.filter((n) => n.counted && n.state === 'full').length;
  const nearly = spaces.filter((n) => n.counted && n.state === 'nearly_full').length;
  const parts = [full > 0 ? t('dashboard.spaces.full', { count: full }) : '', nearly > 0 ? t('dashboard.spaces.nearlyFull', { count: nearly }) : ''];
  return parts.filter(Boolean).join(', ');
}
