// The rule engine on a fake clock: every observation carries its own `now`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleConfig } from '@/shared/alerts-schema';
import type { Language } from '@/shared/i18n/languages';
import { type EngineContext, type EngineDisplay, type EngineState, type Observation, openTimeBetween, ruleKeys, step } from './engine';

const T0 = Date.parse('2026-11-26T10:00:00Z'); // 11:00 in Budapest
const min = (n: number) => n * 60_000;
const at = (ms: number) => new Date(T0 + ms);

function rule(r: Partial<RuleConfig> & Pick<RuleConfig, 'type'>): RuleConfig {
  return { channels: [], cooldownMinutes: 15, ...r } as RuleConfig;
}

const cafe = (occupancy: number) => ({ id: 'cafe', name: 'Café', occupancy, capacity: 40, nearlyFull: 0.8 });

function observe(
  ms: number,
  options: { occupancy?: number; stale?: boolean; none?: boolean; door?: { in: number; out: number } | null; displays?: EngineDisplay[] } = {},
): Observation {
  return {
    now: at(ms),
    answer: options.none
      ? null
      : {
          stale: options.stale ?? false,
          spaces: [cafe(options.occupancy ?? 0)],
          devices: options.door === null ? [] : [{ id: 91, name: 'Main entrance', ...(options.door ?? { in: 0, out: 0 }) }],
        },
    displays: options.displays ?? [],
  };
}

/** Runs the observations in order, collecting the alert texts. */
function run(context: EngineContext, observations: Observation[], start: EngineState = {}) {
  let state = start;
  const texts: string[] = [];
  const events = [];
  for (const o of observations) {
    const result = step(state, context, o);
    state = result.state;
    for (const f of result.fired) {
      texts.push(f.event.text);
      events.push(f.event);
    }
  }
  return { state, texts, events };
}

const always: EngineContext['isOpen'] = () => true;
const ctx = (rules: RuleConfig[], isOpen = always, lang: Language = 'en'): EngineContext => ({ rules, isOpen, timeZone: 'Europe/Budapest', lang });

describe('capacity rules', () => {
  it('fires once on crossing up, with the json body the webhooks get', () => {
    const { events } = run(ctx([rule({ type: 'nearly_full', space: 'cafe', id: 'cafe-nf' })]), [
      observe(0, { occupancy: 30 }),
      observe(min(1), { occupancy: 33 }),
      observe(min(2), { occupancy: 35 }),
    ]);
    expect(events).toEqual([
      {
        rule: 'nearly_full',
        ruleId: 'cafe-nf',
        space: 'cafe',
        spaceName: 'Café',
        occupancy: 33,
        capacity: 40,
        state: 'nearly_full',
        at: '2026-11-26T11:01:00+01:00',
        text: 'Café is nearly full: 33 of 40.',
        resolved: false,
      },
    ]);
  });

  it('re-arms only 5 points of capacity below the threshold, with a resolved message', () => {
    const { texts } = run(ctx([rule({ type: 'full', space: 'cafe', cooldownMinutes: 0 })]), [
      observe(0, { occupancy: 40 }),
      observe(min(1), { occupancy: 39 }), // 97.5 %: not re-armed
      observe(min(2), { occupancy: 40 }),
      observe(min(3), { occupancy: 39 }),
      observe(min(4), { occupancy: 38 }), // 95 %: re-armed
      observe(min(5), { occupancy: 40 }),
    ]);
    expect(texts).toEqual(['Café is full: 40 of 40.', 'Café is no longer full: 38 of 40.', 'Café is full: 40 of 40.']);
  });

  it('sends at most one alert per cooldown; the resolved message does not count toward it', () => {
    const { texts } = run(ctx([rule({ type: 'full', space: 'cafe', cooldownMinutes: 15 })]), [
      observe(0, { occupancy: 40 }),
      observe(min(1), { occupancy: 30 }),
      observe(min(2), { occupancy: 40 }), // within the cooldown: held back
      observe(min(14), { occupancy: 40 }),
      observe(min(15), { occupancy: 40 }), // cooldown over and still full: told now
      observe(min(16), { occupancy: 10 }),
    ]);
    expect(texts).toEqual(['Café is full: 40 of 40.', 'Café is no longer full: 30 of 40.', 'Café is full: 40 of 40.', 'Café is no longer full: 10 of 40.']);
  });

  it('ignores stale counts and spaces without a capacity', () => {
    const noCapacity: Observation = { now: at(0), answer: { stale: false, spaces: [{ ...cafe(50), capacity: null }], devices: [] }, displays: [] };
    const { texts } = run(ctx([rule({ type: 'full', space: 'cafe' })]), [
      noCapacity,
      observe(min(1), { occupancy: 45, stale: true }),
      observe(min(2), { none: true }),
    ]);
    expect(texts).toEqual([]);
  });

  it('uses the space’s own nearly-full share', () => {
    const space = { ...cafe(30), nearlyFull: 0.75 };
    const { texts } = run(ctx([rule({ type: 'nearly_full', space: 'cafe' })]), [
      { now: at(0), answer: { stale: false, spaces: [space], devices: [] }, displays: [] },
    ]);
    expect(texts).toEqual(['Café is nearly full: 30 of 40.']);
  });
});

describe('timed rules', () => {
  it('door_silent fires after N minutes without a count and resolves when the door counts again', () => {
    const { texts, events } = run(ctx([rule({ type: 'door_silent', device: 91, minutes: 30 })]), [
      observe(0, { door: { in: 5, out: 3 } }),
      observe(min(29), { door: { in: 5, out: 3 } }),
      observe(min(30), { door: { in: 5, out: 3 } }),
      observe(min(31), { door: { in: 5, out: 3 } }),
      observe(min(32), { door: { in: 6, out: 3 } }),
    ]);
    expect(texts).toEqual(['Door "Main entrance" has counted nobody for 30 minutes of opening time.', 'Door "Main entrance" is counting again.']);
    expect(events.map((e) => [e.state, e.resolved, e.space])).toEqual([
      ['silent', false, null],
      ['counting', true, null],
    ]);
  });

  it('door_silent is judged again by the next live answer after stale ones', () => {
    const { texts } = run(ctx([rule({ type: 'door_silent', device: 91, minutes: 10 })]), [
      observe(0, { door: { in: 1, out: 0 } }),
      observe(min(5), { stale: true, door: { in: 9, out: 9 } }),
      observe(min(10), { door: { in: 1, out: 0 } }),
    ]);
    expect(texts).toEqual(['Door "Main entrance" has counted nobody for 10 minutes of opening time.']);
  });

  it('data_stale fires after N minutes without a live answer and resolves when one comes', () => {
    const { texts } = run(ctx([rule({ type: 'data_stale', minutes: 5 })]), [
      observe(0),
      observe(min(1), { stale: true }),
      observe(min(4), { none: true }),
      observe(min(6), { stale: true }),
      observe(min(7), { stale: true }),
      observe(min(8)),
    ]);
    expect(texts).toEqual(['No live count for 5 minutes: the counting service is not answering.', 'Live counts are back.']);
  });

  it('display_offline watches every link that has polled, not revoked ones nor ones never polled', () => {
    const seen = (id: string, ms: number, revoked = false): EngineDisplay => ({ id, name: id, lastSeen: at(ms).toISOString(), revoked });
    const never: EngineDisplay = { id: 'never', name: 'never', lastSeen: null, revoked: false };
    const { texts } = run(ctx([rule({ type: 'display_offline', minutes: 10 })]), [
      observe(0, { displays: [seen('Lobby', 0), seen('Gone', 0, true), never, seen('Bar', 0)] }),
      observe(min(9), { displays: [seen('Lobby', 0), seen('Gone', 0, true), never, seen('Bar', min(9))] }),
      observe(min(10), { displays: [seen('Lobby', 0), seen('Gone', 0, true), never, seen('Bar', min(10))] }),
      observe(min(12), { displays: [seen('Lobby', min(12)), seen('Gone', 0, true), never, seen('Bar', min(12))] }),
    ]);
    expect(texts).toEqual(['Display "Lobby" has not been seen for 10 minutes of opening time.', 'Display "Lobby" is showing again.']);
  });

  it('display_offline counts a long silence before the rule existed at once', () => {
    const display: EngineDisplay = { id: 'lobby', name: 'Lobby', lastSeen: at(-min(60)).toISOString(), revoked: false };
    const { texts } = run(ctx([rule({ type: 'display_offline', display: 'lobby', minutes: 30 })]), [observe(0, { displays: [display] })]);
    expect(texts).toEqual(['Display "Lobby" has not been seen for 30 minutes of opening time.']);
  });
});

describe('opening hours', () => {
  // Open 11:00–11:20 and from 11:40 (Budapest), by minutes from T0.
  const hours = (at: Date) => {
    const m = (at.getTime() - T0) / 60_000;
    return m < 20 || m >= 40;
  };

  it('sends nothing while closed, not even a resolved message; a capacity condition still true at opening is told then', () => {
    const { texts } = run(ctx([rule({ type: 'full', space: 'cafe', cooldownMinutes: 0 })], hours), [
      observe(min(19), { occupancy: 40 }),
      observe(min(21), { occupancy: 10 }), // closed: re-armed quietly
      observe(min(25), { occupancy: 40 }), // closed: muted
      observe(min(40), { occupancy: 40 }), // open again and still full
    ]);
    expect(texts).toEqual(['Café is full: 40 of 40.', 'Café is full: 40 of 40.']);
  });

  it('counts only open time: a silence carried through the closed hours fires after its N open minutes', () => {
    const door = { in: 2, out: 2 };
    const { texts } = run(ctx([rule({ type: 'door_silent', device: 91, minutes: 10 })], hours), [
      observe(min(15), { door }),
      observe(min(20), { door }), // 5 open minutes
      observe(min(39), { door }), // closed: still 5
      observe(min(44), { door }), // 9
      observe(min(45), { door }), // 10
    ]);
    expect(texts).toEqual(['Door "Main entrance" has counted nobody for 10 minutes of opening time.']);
    const closedLong = run(ctx([rule({ type: 'door_silent', device: 91, minutes: 10 })], hours), [observe(min(15), { door }), observe(min(44), { door })]);
    expect(closedLong.texts).toEqual([]);
  });

  it('counts open time across a DST switch by real time, and writes `at` with the offset then in force', () => {
    // Budapest, 29 March 2026: 02:00 CET becomes 03:00 CEST. Closed from 22:00 to 06:00 local
    // (7 real hours that night), open otherwise.
    const zone = 'Europe/Budapest';
    const localHour = (d: Date) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(d));
    const isOpen = (d: Date) => localHour(d) >= 6 && localHour(d) < 22;
    const t = (iso: string) => new Date(iso).getTime();
    expect(openTimeBetween(isOpen, t('2026-03-28T20:00:00Z'), t('2026-03-29T04:00:00Z'))).toBe(min(60)); // 21:00 CET → 06:00 CEST
    expect(openTimeBetween(isOpen, t('2026-03-28T21:00:00Z'), t('2026-03-29T04:00:00Z'))).toBe(0); // the closed night: 7 real hours
    const door = { in: 1, out: 0 };
    const context = { rules: [rule({ type: 'door_silent', device: 91, minutes: 90 })], isOpen, timeZone: zone, lang: 'en' as const };
    const obs = (iso: string): Observation => ({
      now: new Date(iso),
      answer: { stale: false, spaces: [], devices: [{ id: 91, name: 'D', ...door }] },
      displays: [],
    });
    const { events } = run(context, [obs('2026-03-28T20:00:00Z'), obs('2026-03-29T04:29:00Z'), obs('2026-03-29T04:30:00Z')]);
    expect(events.map((e) => e.at)).toEqual(['2026-03-29T06:30:00+02:00']);
  });
});

describe('rule keys', () => {
  it('are the id, or the type and target, numbered when repeated', () => {
    expect(
      ruleKeys([
        rule({ type: 'full', space: 'cafe' }),
        rule({ type: 'full', space: 'cafe' }),
        rule({ type: 'data_stale', minutes: 5, id: 'stale' }),
        rule({ type: 'display_offline', minutes: 5 }),
      ]),
    ).toEqual(['full:cafe', 'full:cafe#2', 'id:stale', 'display_offline:*']);
  });

  it('forget the state of rules that were removed', () => {
    const first = run(ctx([rule({ type: 'full', space: 'cafe' }), rule({ type: 'data_stale', minutes: 5 })]), [observe(0, { occupancy: 40 })]);
    expect(Object.keys(first.state).sort()).toEqual(['data_stale:', 'full:cafe']);
    const after = step(first.state, ctx([rule({ type: 'data_stale', minutes: 5 })]), observe(min(1)));
    expect(Object.keys(after.state)).toEqual(['data_stale:']);
  });
});

describe('capacity rules, for any sequence of counts (fast-check)', () => {
  it('alert over the threshold at most once per cooldown and only while open; resolve 5 points below it; one resolved per alert (none when it ended while closed)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'nearly_full' | 'full'>('nearly_full', 'full'),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.record({ occupancy: fc.integer({ min: 0, max: 50 }), stepMinutes: fc.integer({ min: 0, max: 20 }), open: fc.boolean() }), {
          maxLength: 60,
        }),
        (type, cooldownMinutes, steps) => {
          let ms = 0;
          const timeline = steps.map((s) => {
            ms += min(s.stepMinutes) + 1000;
            return { atMs: T0 + ms, ...s };
          });
          const openAt = new Map(timeline.map((s) => [s.atMs, s.open]));
          const context = ctx([rule({ type, space: 'cafe', cooldownMinutes })], (d) => openAt.get(d.getTime()) ?? true);
          const { events } = run(
            context,
            timeline.map((s) => observe(s.atMs - T0, { occupancy: s.occupancy })),
          );
          const threshold = type === 'full' ? 40 : 32;
          const rearm = threshold - 2; // 5 points of 40
          let lastFired: number | null = null;
          let firing = false;
          for (const e of events) {
            const atMs = Date.parse(e.at);
            expect(openAt.get(atMs)).toBe(true);
            if (e.resolved) {
              expect(firing).toBe(true);
              expect(e.occupancy!).toBeLessThanOrEqual(rearm);
              firing = false;
              continue;
            }
            expect(e.occupancy!).toBeGreaterThanOrEqual(threshold);
            if (lastFired !== null) expect(atMs - lastFired).toBeGreaterThanOrEqual(min(cooldownMinutes));
            // Alerting again without a resolved message: it ended quietly while closed.
            if (firing) expect(timeline.some((s) => s.atMs > lastFired! && s.atMs < atMs && !s.open && s.occupancy <= rearm)).toBe(true);
            firing = true;
            lastFired = atMs;
          }
        },
      ),
    );
  });
});

describe('the site’s language', () => {
  const big = (occupancy: number): Observation => ({
    now: at(0),
    answer: { stale: false, spaces: [{ id: 'hall', name: 'Halle 1', occupancy, capacity: 1083, nearlyFull: 0.8 }], devices: [] },
    displays: [],
  });
  const capacityTexts = (lang: Language) =>
    run(ctx([rule({ type: 'full', space: 'hall', cooldownMinutes: 0 })], always, lang), [big(1083), { ...big(1000), now: at(min(1)) }]).texts;

  it('a German site gets German alert texts, its numbers grouped 1.083', () => {
    expect(capacityTexts('de')).toEqual(['Halle 1 ist voll: 1.083 von 1.083.', 'Halle 1 ist nicht mehr voll: 1.000 von 1.083.']);
    const silent = run(ctx([rule({ type: 'door_silent', device: 91, minutes: 1 })], always, 'de'), [
      observe(0),
      observe(min(1)),
      observe(min(2), { door: { in: 1, out: 0 } }),
    ]);
    expect(silent.texts).toEqual(['Tür „Main entrance“ hat seit 1 Minute Öffnungszeit niemanden gezählt.', 'Tür „Main entrance“ zählt wieder.']);
    const stale = run(ctx([rule({ type: 'data_stale', minutes: 5 })], always, 'de'), [observe(0), observe(min(5), { none: true }), observe(min(6))]);
    expect(stale.texts).toEqual(['Seit 5 Minuten keine Live-Zählung: Der Zähldienst antwortet nicht.', 'Die Live-Zählung ist wieder verfügbar.']);
  });

  it('a Hungarian site gets Hungarian alert texts, its numbers grouped 1 083', () => {
    // Intl groups Hungarian with a no-break space.
    expect(capacityTexts('hu')).toEqual(['Halle 1: tele, 1\u00a0083 / 1\u00a0083 fő.', 'Halle 1: már nincs tele, 1\u00a0000 / 1\u00a0083 fő.']);
    const display: EngineDisplay = { id: 'lobby', name: 'Lobby', lastSeen: at(-min(60)).toISOString(), revoked: false };
    const offline = run(ctx([rule({ type: 'display_offline', display: 'lobby', minutes: 30 })], always, 'hu'), [observe(0, { displays: [display] })]);
    expect(offline.texts).toEqual(['Kijelző („Lobby”): 30 perce nem jelentkezett nyitvatartási időben.']);
    // A door without a label is named by its number.
    const unnamed = step({}, ctx([rule({ type: 'door_silent', device: 92, minutes: 1 })], always, 'hu'), observe(0, { door: null }));
    const later = step(unnamed.state, ctx([rule({ type: 'door_silent', device: 92, minutes: 1 })], always, 'hu'), observe(min(1), { door: null }));
    expect(later.fired.map((f) => f.event.text)).toEqual(['92. ajtó: 1 perce nem számolt senkit nyitvatartási időben.']);
  });
});
