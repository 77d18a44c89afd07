// The public page's logic without React: poll /api/public at the pace its Cache-Control gives,
// decide what to say (describe), and write it into the page only when that changes (render).
import type { SpaceState } from '@/shared/api-schema';
import { activeLocale, t } from '@/client/i18n/i18n';
import type { Language } from '@/shared/i18n/languages';
import type { PublicOccupancy, PublicSpace } from '@/shared/public-schema';
import { LEVEL_ICONS, LEVEL_WORDS } from './words';

export const PUBLIC_API = '/api/public';
const DEFAULT_POLL_MS = 10_000;
/** While the view is off, look now and then: it may be turned on without anyone reloading. */
const OFF_POLL_MS = 60_000;
/** A network failure keeps the last counts on screen, dimmed, for this long; then no count. */
const KEEP_LAST_MS = 15 * 60_000;

/** What the page knows: the last good answer and what went wrong since, if anything. */
export interface PublicViewState {
  data: PublicOccupancy | null;
  /** The server's clock minus ours when the answer arrived (from its Date header), to age the counts. */
  clockOffsetMs: number;
  /** Our clock when the last good answer arrived. */
  receivedAtMs: number;
  problem: null | 'off' | 'unavailable' | 'network';
}

export const INITIAL_STATE: PublicViewState = { data: null, clockOffsetMs: 0, receivedAtMs: 0, problem: null };

export interface SpaceLine {
  id: string;
  name: string;
  state: SpaceState;
  words: string;
  count: string | null;
}

export type ViewModel =
  { kind: 'message'; text: string; detail: string | null } | { kind: 'spaces'; siteName: string; spaces: SpaceLine[]; stale: boolean; footer: string };

// Grouped from four digits in every language, as the dashboard's (1 083, 1.083, 1,083).
const formatCount = (value: number) => new Intl.NumberFormat(activeLocale(), { maximumFractionDigits: 0, useGrouping: 'always' }).format(value);

/**
 * src/client/lib/format.ts's formatDuration ("8 s", "2 min", "1 h 5 min", "3 d"), repeated here so
 * the page does not share a chunk with the SPA; public-view.test.ts holds the two the same.
 */
export function formatAge(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return t('common.duration.seconds', { n: s });
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t('common.duration.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? t('common.duration.hours', { n: hours }) : t('common.duration.hoursMinutes', { h: hours, m: rest });
  }
  return t('common.duration.days', { n: Math.floor(hours / 24) });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
const STATES = new Set<unknown>(Object.keys(LEVEL_WORDS));

/** The answer if it has the shape of publicOccupancySchema (zod stays out of a page this small). */
export function parsePublic(value: unknown): PublicOccupancy | null {
  if (!isObject(value) || typeof value.siteName !== 'string' || typeof value.stale !== 'boolean') return null;
  if (typeof value.generatedUtc !== 'string' || Number.isNaN(Date.parse(value.generatedUtc)) || !Array.isArray(value.spaces)) return null;
  const ok = value.spaces.every(
    (s: unknown) => isObject(s) && typeof s.id === 'string' && typeof s.name === 'string' && STATES.has(s.state) && isCount(s.occupancy) && isCount(s.capacity),
  );
  return ok ? (value as PublicOccupancy) : null;
}

function countWords(space: PublicSpace): string | null {
  if (space.occupancy === undefined || space.occupancy === null) return null;
  const capacity = space.capacity ?? null;
  return capacity === null
    ? t('public.inside', { n: formatCount(space.occupancy) })
    : t('public.insideOf', { n: formatCount(space.occupancy), capacity: formatCount(capacity) });
}

/** What the page says now. */
export function describe(state: PublicViewState, nowMs: number): ViewModel {
  if (state.problem === 'off') return { kind: 'message', text: t('public.off'), detail: null };
  const data = state.data;
  const ageSeconds = data === null ? 0 : Math.max(0, (nowMs + state.clockOffsetMs - Date.parse(data.generatedUtc)) / 1000);
  const lost = state.problem === 'unavailable' || (state.problem === 'network' && nowMs - state.receivedAtMs > KEEP_LAST_MS);
  if (data === null) {
    if (state.problem === null) return { kind: 'message', text: t('public.loading'), detail: null };
    return { kind: 'message', text: t(LEVEL_WORDS.unknown), detail: t('public.retrying') };
  }
  const stale = data.stale || state.problem !== null;
  const spaces = data.spaces.map((space): SpaceLine => {
    // No count to trust: every space goes grey rather than keep an old green or red.
    const level: SpaceState = lost ? 'unknown' : space.state;
    const count = lost ? null : countWords(space);
    // A space without a capacity has no level, but its count (when shown) says what there is.
    const words = level === 'unknown' && count !== null ? count : t(LEVEL_WORDS[level]);
    return { id: space.id, name: space.name, state: level, words, count: words === count ? null : count };
  });
  const footer = lost ? t('public.lost') : stale ? t('public.lastCount', { age: formatAge(ageSeconds) }) : t('public.live');
  return { kind: 'spaces', siteName: data.siteName, spaces, stale, footer };
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Writes the view into `root` when it differs from what is there (a screen reader hears changes only). */
export function render(root: HTMLElement, model: ViewModel): void {
  const key = JSON.stringify(model);
  if (root.dataset.view === key) return;
  root.dataset.view = key;
  const doc = root.ownerDocument;
  root.dataset.state = model.kind === 'message' ? 'message' : model.stale ? 'stale' : 'live';
  if (model.kind === 'message') {
    const message = element(doc, 'p', 'notice', model.text);
    root.replaceChildren(message, ...(model.detail === null ? [] : [element(doc, 'p', 'footer', model.detail)]));
    return;
  }
  const list = element(doc, 'ul', 'spaces');
  for (const space of model.spaces) {
    const item = element(doc, 'li', `space level-${space.state}`);
    const level = element(doc, 'p', 'level');
    // The icon strings are this file's own constants, never data from the answer.
    level.innerHTML = LEVEL_ICONS[space.state];
    level.append(element(doc, 'span', '', space.words));
    item.append(element(doc, 'h2', 'name', space.name), level);
    if (space.count !== null) item.append(element(doc, 'p', 'count', space.count));
    list.append(item);
  }
  root.replaceChildren(element(doc, 'h1', 'site', model.siteName), list, element(doc, 'p', 'footer', model.footer));
}

/** Seconds of `max-age` in a Cache-Control header, as milliseconds. */
function maxAgeMs(header: string | null): number | null {
  const match = /max-age=(\d+)/i.exec(header ?? '');
  return match ? Number(match[1]) * 1000 : null;
}

function retryAfterMs(header: string | null): number | null {
  const seconds = Number(header ?? '');
  return header !== null && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

export interface PollResult {
  state: PublicViewState;
  /** When to ask again, in ms. */
  nextMs: number;
}

/** One question to the server and the state it leaves. */
export async function poll(state: PublicViewState, fetchImpl: typeof fetch, nowMs: () => number): Promise<PollResult> {
  let response: Response;
  try {
    response = await fetchImpl(PUBLIC_API, { headers: { accept: 'application/json' }, cache: 'no-cache' });
  } catch {
    return { state: { ...state, problem: 'network' }, nextMs: DEFAULT_POLL_MS };
  }
  if (response.status === 404) return { state: { ...INITIAL_STATE, problem: 'off' }, nextMs: OFF_POLL_MS };
  const retry = retryAfterMs(response.headers.get('retry-after'));
  if (response.status === 429) return { state, nextMs: retry ?? DEFAULT_POLL_MS };
  if (!response.ok) return { state: { ...state, problem: response.status === 503 ? 'unavailable' : 'network' }, nextMs: retry ?? DEFAULT_POLL_MS };
  const data = parsePublic(await response.json().catch(() => null));
  if (data === null) return { state: { ...state, problem: 'network' }, nextMs: DEFAULT_POLL_MS };
  const received = nowMs();
  const serverDate = Date.parse(response.headers.get('date') ?? '');
  return {
    state: { data, receivedAtMs: received, clockOffsetMs: Number.isNaN(serverDate) ? 0 : serverDate - received, problem: null },
    nextMs: maxAgeMs(response.headers.get('cache-control')) ?? DEFAULT_POLL_MS,
  };
}

export interface StartOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /**
   * Makes the page speak the language its sources choose, given the site's (the answer's
   * `locale`; null before the first answer). Resolves once the words are in (language.ts).
   */
  speak?: (site: Language | null) => Promise<void>;
}

/** Polls for as long as the page is open; a hidden page (a background tab) waits until shown. */
export function startPublicView(
  root: HTMLElement,
  { fetch: fetchImpl = (...args) => globalThis.fetch(...args), now = Date.now, speak = () => Promise.resolve() }: StartOptions = {},
): () => void {
  const doc = root.ownerDocument;
  let state = INITIAL_STATE;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const onVisible = () => {
    if (doc.hidden) return;
    doc.removeEventListener('visibilitychange', onVisible);
    void tick();
  };
  async function tick() {
    if (stopped) return;
    if (doc.hidden) {
      doc.addEventListener('visibilitychange', onVisible);
      return;
    }
    const result = await poll(state, fetchImpl, now);
    if (stopped) return;
    state = result.state;
    // A language that cannot be loaded leaves the page in the one it speaks.
    await speak(state.data?.locale ?? null).catch(() => undefined);
    if (stopped) return;
    render(root, describe(state, now()));
    timer = setTimeout(() => void tick(), result.nextMs);
  }
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
    doc.removeEventListener('visibilitychange', onVisible);
  };
}
