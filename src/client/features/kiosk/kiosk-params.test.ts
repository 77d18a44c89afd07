// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { KIOSK_DEFAULTS, parseKioskParams } from './kiosk-params';

const problemsOf = (search: string) => {
  const parsed = parseKioskParams(search);
  if (parsed.ok) throw new Error(`expected problems for ${search}`);
  return parsed.problems;
};

describe('kiosk URL parameters', () => {
  it('has calm defaults: every door, dark, 10 s pages, neutral after 2 min, reload at 03:30, the server poll', () => {
    expect(parseKioskParams('')).toEqual({ ok: true, settings: KIOSK_DEFAULTS });
    expect(KIOSK_DEFAULTS).toMatchObject({
      devices: 'all',
      mode: 'devices',
      theme: 'dark',
      rotateSeconds: 10,
      outageSeconds: 120,
      reloadAt: '03:30',
      pollMs: null,
    });
  });

  it('reads the language, and says plainly when it is not one the app speaks', () => {
    expect(parseKioskParams('?lang=hu')).toMatchObject({ ok: true, settings: { lang: 'hu' } });
    expect(problemsOf('?lang=fr')).toEqual([{ param: 'lang', message: 'lang=fr: use lang=en (English), lang=de (Deutsch) or lang=hu (Magyar).' }]);
    expect(problemsOf('?lang=')[0]?.message).toMatch(/^lang=\(empty\): /);
    // A valid language with another mistake: the message itself speaks it.
    expect(parseKioskParams('?lang=de&theme=blue')).toMatchObject({ ok: false, lang: 'de' });
  });

  it('reads every setting', () => {
    expect(parseKioskParams('?devices=93,91,93&theme=light&rotate=15&outage=300&reload=04:05&poll=200')).toEqual({
      ok: true,
      settings: {
        devices: [93, 91],
        spaces: null,
        mode: 'devices',
        theme: 'light',
        rotateSeconds: 15,
        outageSeconds: 300,
        reloadAt: '04:05',
        pollMs: 200,
        lang: null,
      },
    });
    expect(parseKioskParams('?mode=total&reload=off&devices=all')).toMatchObject({ ok: true, settings: { mode: 'total', reloadAt: null, devices: 'all' } });
  });

  it('explains each bad value with an example of a good one', () => {
    expect(problemsOf('?devices=91,x')[0]?.message).toBe('devices=91,x: use device numbers separated by commas, e.g. devices=91,93, or devices=all.');
    expect(problemsOf('?devices=')[0]?.message).toMatch(/devices=\(empty\)/);
    expect(problemsOf('?mode=sign')[0]?.message).toMatch(/mode=total/);
    expect(problemsOf('?theme=blue')[0]?.message).toBe('theme=blue: use theme=dark or theme=light.');
    expect(problemsOf('?rotate=1')[0]?.message).toBe('rotate=1: use a whole number of seconds from 2 to 3600, e.g. rotate=15.');
    expect(problemsOf('?rotate=2.5')[0]?.param).toBe('rotate');
    expect(problemsOf('?outage=5')[0]?.message).toMatch(/from 10 to 86400/);
    expect(problemsOf('?reload=3:30')[0]?.message).toMatch(/reload=03:30, or reload=off/);
    expect(problemsOf('?reload=24:00')[0]?.param).toBe('reload');
    expect(problemsOf('?poll=50')[0]?.message).toMatch(/milliseconds from 200 to 600000/);
  });

  it('refuses a misspelt or repeated setting instead of quietly ignoring it', () => {
    expect(problemsOf('?devcies=91')[0]?.message).toMatch(/“devcies” is not a kiosk setting/);
    expect(problemsOf('?theme=dark&theme=light')[0]?.message).toMatch(/more than once/);
  });

  it('says that the site total cannot be limited to some doors', () => {
    expect(problemsOf('?mode=total&devices=91')[0]?.message).toMatch(/mode=total shows the whole site/);
  });

  it('lists every problem at once and keeps a valid theme for the message', () => {
    const parsed = parseKioskParams('?theme=light&rotate=0&outage=x');
    expect(parsed).toMatchObject({ ok: false, theme: 'light' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.param)).toEqual(['rotate', 'outage']);
  });

  it('reads one space or several, in the order given, each once', () => {
    expect(parseKioskParams('?space=cafe')).toMatchObject({ ok: true, settings: { spaces: ['cafe'], devices: 'all', mode: 'devices' } });
    expect(parseKioskParams('?spaces=pool, cafe,pool')).toMatchObject({ ok: true, settings: { spaces: ['pool', 'cafe'] } });
    expect(parseKioskParams('?mode=total&space=device-91')).toMatchObject({ ok: true, settings: { spaces: ['device-91'], mode: 'total' } });
  });

  it('names a space id that cannot be one, with an example of a good one', () => {
    expect(problemsOf('?space=GYM!')).toEqual([
      {
        param: 'space',
        message: 'space=GYM!: a space id is lower-case letters, digits, "-" or "_" (up to 40), as in the site configuration, e.g. space=cafe.',
      },
    ]);
    expect(problemsOf('?space=')[0]?.message).toMatch(/^space=\(empty\): /);
    expect(problemsOf('?spaces=cafe,Pool Hall')[0]?.message).toMatch(/^spaces=cafe,Pool Hall \(“Pool Hall”\): .* e\.g\. spaces=cafe,pool\.$/);
    expect(problemsOf('?spaces=cafe,,pool')[0]?.message).toMatch(/\(“\(empty\)”\)/);
  });

  it('refuses settings that contradict each other, naming both', () => {
    expect(problemsOf('?space=a&spaces=b')).toEqual([
      { param: 'spaces', message: 'space=a and spaces=b are both given: use space= for one space, or spaces= for several (e.g. spaces=cafe,pool).' },
    ]);
    expect(problemsOf('?spaces=cafe&devices=91')[0]?.message).toMatch(/^spaces=cafe and devices=91 are both given: show spaces .* or doors/);
    expect(problemsOf('?mode=total&spaces=cafe,pool')[0]?.message).toMatch(/mode=total shows one number: choose one space with space=, not spaces=cafe,pool/);
    // One message for one mistake, not one per rule it breaks.
    expect(problemsOf('?mode=total&space=cafe&devices=91')).toHaveLength(1);
  });
});
