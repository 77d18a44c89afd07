// The public page's script in jsdom: what it says for each answer of /api/public (levels in big
// words, numbers only when given, stale dimmed with its age, off, unavailable), and how it polls.
import { within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '@/client/i18n/i18n';
import { formatDuration } from '@/client/lib/format';
import { type PublicOccupancy, publicOccupancySchema } from '@/shared/public-schema';
import { publicLanguage, queryLanguage, speakLanguage } from './language';
import { describe as describeView, formatAge, INITIAL_STATE, parsePublic, PUBLIC_API, render, startPublicView } from './public-view';

const NOW = Date.parse('2026-11-26T10:15:05.000Z');

const ANSWER: PublicOccupancy = {
  siteName: 'Riverside Leisure Centre',
  generatedUtc: '2026-11-26T10:15:00.000Z',
  stale: false,
  spaces: [
    { id: 'site', name: 'Whole building', state: 'available' },
    { id: 'gym', name: 'Gym', state: 'nearly_full' },
    { id: 'sauna', name: 'Sauna', state: 'full' },
    { id: 'studio', name: 'Studio', state: 'unknown' },
  ],
};

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const ok = (body: PublicOccupancy, headers: Record<string, string> = {}) =>
  reply(200, body, { 'cache-control': 'public, max-age=10', date: new Date(NOW).toUTCString(), ...headers });

/**
 * Lets a poll finish (the fetch, the body) without moving the fake clock: vi.waitFor would
 * advance it, and these tests count the milliseconds between polls.
 */
async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

function mount() {
  const root = document.createElement('main');
  document.body.append(root);
  return root;
}

/** The spaces as a visitor reads them: heading, level words, count if any. */
function spacesOf(root: HTMLElement) {
  return within(root)
    .getAllByRole('listitem')
    .map((item) => ({
      name: within(item).getByRole('heading', { level: 2 }).textContent,
      level: item.querySelector('.level')?.textContent,
      count: item.querySelector('.count')?.textContent ?? null,
    }));
}

describe('the public page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('shows each chosen space’s level in words with its icon, no numbers unless the server gives them', async () => {
    const fetch = vi.fn(() => Promise.resolve(ok(ANSWER)));
    const root = mount();
    const stop = startPublicView(root, { fetch });
    await vi.waitFor(() => expect(within(root).getByRole('heading', { level: 1, name: 'Riverside Leisure Centre' })).toBeInTheDocument());
    expect(fetch).toHaveBeenCalledWith(PUBLIC_API, expect.objectContaining({ cache: 'no-cache' }));
    expect(spacesOf(root)).toEqual([
      { name: 'Whole building', level: 'Space available', count: null },
      { name: 'Gym', level: 'Nearly full', count: null },
      { name: 'Sauna', level: 'Full', count: null },
      { name: 'Studio', level: 'Live count unavailable', count: null },
    ]);
    // Colour is a third cue, never the only one: every level has its icon and its class.
    for (const item of within(root).getAllByRole('listitem')) expect(item.querySelector('.level svg')).not.toBeNull();
    expect(
      within(root)
        .getAllByRole('listitem')
        .map((li) => li.className),
    ).toEqual(['space level-available', 'space level-nearly_full', 'space level-full', 'space level-unknown']);
    expect(root.dataset.state).toBe('live');
    expect(within(root).getByText('Live count')).toBeInTheDocument();
    expect(root.textContent).not.toMatch(/\d+ (of \d+ )?inside/);
    stop();
  });

  it('shows the numbers when given: "n of capacity inside", or the count alone where there is no capacity', async () => {
    const withNumbers: PublicOccupancy = {
      ...ANSWER,
      spaces: [
        { id: 'site', name: 'Whole building', state: 'available', occupancy: 1234, capacity: 2000 },
        { id: 'studio', name: 'Studio', state: 'unknown', occupancy: null, capacity: 30 },
        { id: 'lobby', name: 'Lobby', state: 'unknown', occupancy: 12, capacity: null },
      ],
    };
    const root = mount();
    const stop = startPublicView(root, { fetch: () => Promise.resolve(ok(withNumbers)) });
    await vi.waitFor(() => expect(within(root).queryAllByRole('listitem')).toHaveLength(3));
    expect(spacesOf(root)).toEqual([
      { name: 'Whole building', level: 'Space available', count: `${(1234).toLocaleString()} of ${(2000).toLocaleString()} inside` },
      { name: 'Studio', level: 'Live count unavailable', count: null },
      { name: 'Lobby', level: '12 inside', count: null },
    ]);
    stop();
  });

  it('dims a stale answer and says its age, by the server’s clock', async () => {
    // Our clock runs 2 minutes behind the server's: the age must still be the server's.
    const serverNow = NOW + 120_000;
    const stale = { ...ANSWER, stale: true, generatedUtc: new Date(serverNow - 12 * 60_000).toISOString() };
    const root = mount();
    const stop = startPublicView(root, { fetch: () => Promise.resolve(ok(stale, { date: new Date(serverNow).toUTCString() })) });
    await vi.waitFor(() => expect(root.dataset.state).toBe('stale'));
    expect(within(root).getByText('Last count 12 min ago')).toBeInTheDocument();
    // The levels keep their words (and icons) but not their colours.
    expect(spacesOf(root)[0]).toEqual({ name: 'Whole building', level: 'Space available', count: null });
    stop();
  });

  it('polls again after the answer’s max-age, keeps the last counts dimmed when the network fails, and goes grey when the server has no count', async () => {
    const answers: (() => Promise<Response>)[] = [
      () => Promise.resolve(ok(ANSWER)),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(reply(503, { error: { code: 'upstream_unavailable', message: 'x' } }, { 'retry-after': '30' })),
      () => Promise.resolve(ok({ ...ANSWER, spaces: [{ id: 'site', name: 'Whole building', state: 'full' }] })),
    ];
    const fetch = vi.fn(() => answers.shift()!());
    const root = mount();
    const stop = startPublicView(root, { fetch });
    await settle();
    expect(root.dataset.state).toBe('live');

    await vi.advanceTimersByTimeAsync(9_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await settle();
    expect(root.dataset.state).toBe('stale');
    expect(spacesOf(root)[1]).toEqual({ name: 'Gym', level: 'Nearly full', count: null });

    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    await settle();
    expect(spacesOf(root).map((s) => s.level)).toEqual(Array(4).fill('Live count unavailable'));
    expect(within(root).getByText('The live count is unavailable right now.')).toBeInTheDocument();

    // The server's Retry-After sets the next question.
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fetch).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(spacesOf(root)).toEqual([{ name: 'Whole building', level: 'Full', count: null }]);
    expect(root.dataset.state).toBe('live');
    stop();
  });

  it('says when the public view is turned off (404), and waits a minute before asking again', async () => {
    const fetch = vi.fn(() => Promise.resolve(reply(404, { error: { code: 'not_found', message: 'The public view is turned off.' } })));
    const root = mount();
    const stop = startPublicView(root, { fetch });
    await settle();
    expect(within(root).getByText('The public view is turned off.')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    stop();
  });

  it('waits for Retry-After when rate-limited, keeping what it shows', async () => {
    const answers = [ok(ANSWER), reply(429, { error: { code: 'rate_limited', message: 'x' } }, { 'retry-after': '45' }), ok(ANSWER)];
    const fetch = vi.fn(() => Promise.resolve(answers.shift()!));
    const root = mount();
    const stop = startPublicView(root, { fetch });
    await settle();
    expect(root.dataset.state).toBe('live');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(root.dataset.state).toBe('live');
    await vi.advanceTimersByTimeAsync(44_999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    stop();
  });

  it('leaves the page alone when nothing changed (a screen reader hears changes only)', async () => {
    const fetch = vi.fn(() => Promise.resolve(ok(ANSWER)));
    const root = mount();
    const stop = startPublicView(root, { fetch });
    await settle();
    expect(within(root).queryAllByRole('listitem')).toHaveLength(4);
    const first = within(root).getAllByRole('listitem')[0];
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    await settle();
    expect(within(root).getAllByRole('listitem')[0]).toBe(first);
    expect(within(root).getAllByRole('listitem')).toHaveLength(4);
    stop();
  });

  it('does not ask while the page is hidden, and asks at once when it is shown again', async () => {
    const fetch = vi.fn(() => Promise.resolve(ok(ANSWER)));
    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    const root = mount();
    const stop = startPublicView(root, { fetch });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).not.toHaveBeenCalled();
    hidden.mockReturnValue(false);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    stop();
    hidden.mockRestore();
  });

  it('writes names as text, never as markup', () => {
    const root = mount();
    render(root, describeView({ ...INITIAL_STATE, data: { ...ANSWER, siteName: '<img src=x onerror=alert(1)>' }, receivedAtMs: NOW }, NOW));
    expect(root.querySelector('img')).toBeNull();
    expect(within(root).getByRole('heading', { level: 1 }).textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('the public page’s parts', () => {
  it('says ages as the dashboard does', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 * 86_400 }), (s) => formatAge(s) === formatDuration(s)));
  });

  it('accepts every answer the shared schema accepts, and rejects what it does not', () => {
    const space = fc.record(
      {
        id: fc.string(),
        name: fc.string(),
        state: fc.constantFrom('available', 'nearly_full', 'full', 'unknown' as const),
        occupancy: fc.option(fc.nat(), { nil: null }),
        capacity: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
      },
      { requiredKeys: ['id', 'name', 'state'] },
    );
    const answer = fc.record({
      siteName: fc.string(),
      generatedUtc: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      stale: fc.boolean(),
      spaces: fc.array(space, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(answer, (value) => {
        expect(publicOccupancySchema.safeParse(value).success).toBe(true);
        expect(parsePublic(value)).toEqual(value);
      }),
    );
    for (const bad of [
      null,
      [],
      { ...ANSWER, stale: 'no' },
      { ...ANSWER, generatedUtc: 'yesterday' },
      { ...ANSWER, spaces: [{ id: 'a', name: 'A', state: 'crowded' }] },
      { ...ANSWER, spaces: [{ id: 'a', name: 'A', state: 'full', occupancy: -1 }] },
      { ...ANSWER, spaces: [{ id: 'a', state: 'full' }] },
    ]) {
      expect(parsePublic(bad), JSON.stringify(bad)).toBeNull();
      expect(publicOccupancySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('before any answer it says it is loading; with none to give, that the live count is unavailable', () => {
    expect(describeView(INITIAL_STATE, NOW)).toEqual({ kind: 'message', text: 'Loading the live count…', detail: null });
    expect(describeView({ ...INITIAL_STATE, problem: 'network' }, NOW)).toEqual({
      kind: 'message',
      text: 'Live count unavailable',
      detail: 'Trying again in a moment.',
    });
  });

  it('keeps the last counts through a network failure for 15 minutes, then shows no level', () => {
    const state = { ...INITIAL_STATE, data: ANSWER, receivedAtMs: NOW, problem: 'network' as const };
    const at = (ms: number) => describeView(state, NOW + ms);
    const levels = (model: ReturnType<typeof at>) => (model.kind === 'spaces' ? model.spaces.map((s) => s.state) : []);
    expect(levels(at(15 * 60_000))).toEqual(['available', 'nearly_full', 'full', 'unknown']);
    expect(levels(at(15 * 60_000 + 1))).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });
});

describe('the public page in German and Hungarian', () => {
  const numbers: PublicOccupancy = {
    ...ANSWER,
    spaces: [
      { id: 'site', name: 'Whole building', state: 'available', occupancy: 1083, capacity: 2000 },
      { id: 'studio', name: 'Studio', state: 'unknown', occupancy: null, capacity: 20 },
    ],
  };
  const live = { ...INITIAL_STATE, data: numbers, receivedAtMs: NOW };

  it('speaks the site’s language unless its ?lang= says another, and the browser’s only when neither does', () => {
    expect(publicLanguage(null, 'hu', ['de-AT'])).toBe('hu');
    expect(publicLanguage('de', 'hu', ['en-US'])).toBe('de');
    expect(publicLanguage(null, undefined, ['fr', 'de-CH'])).toBe('de');
    expect(publicLanguage(null, null, ['fr'])).toBe('en');
    expect(queryLanguage('?lang=hu')).toBe('hu');
    expect(queryLanguage('?lang=fr')).toBeNull();
  });

  it('says the levels and grouped counts in German, with only the two namespaces it needs', async () => {
    await speakLanguage('de');
    expect(document.documentElement.lang).toBe('de');
    expect(document.title).toBe('Wie voll ist es gerade');
    const model = describeView(live, NOW);
    expect(model).toMatchObject({
      kind: 'spaces',
      footer: 'Live-Zählung',
      spaces: [
        { name: 'Whole building', words: 'Platz frei', count: '1.083 von 2.000 anwesend' },
        { name: 'Studio', words: 'Zählung nicht verfügbar', count: null },
      ],
    });
    expect(describeView({ ...live, problem: 'network' }, NOW + 12 * 60_000)).toMatchObject({ footer: 'Letzte Zählung vor 12 Min.' });
    // Only common and public arrived: another screen's words are not in this page's catalog.
    expect(t('kiosk.connecting')).toBe('kiosk.connecting');
  });

  it('says them in Hungarian, grouping with a space', async () => {
    await speakLanguage('hu');
    expect(describeView(live, NOW)).toMatchObject({
      spaces: [{ words: 'Van szabad hely', count: '1\u00a0083 / 2\u00a0000 fő bent' }, { words: 'A létszám nem elérhető' }],
    });
    expect(describeView({ ...INITIAL_STATE, problem: 'off' }, NOW)).toMatchObject({ text: 'A nyilvános nézet ki van kapcsolva.' });
  });

  it('asks for the site’s language with each answer before it renders', async () => {
    const speak = vi.fn(() => Promise.resolve());
    const fetch = vi.fn(() => Promise.resolve(ok({ ...ANSWER, locale: 'hu' })));
    const stop = startPublicView(mount(), { fetch, now: () => NOW, speak });
    await vi.waitFor(() => expect(speak).toHaveBeenCalledWith('hu'));
    stop();
  });
});
