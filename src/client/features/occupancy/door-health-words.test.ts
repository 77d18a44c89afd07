import { describe, expect, it } from 'vitest';
import { driftWords, healthRuleWords, oneWayWords, unknownDevicesWords } from './door-health-words';

describe('door health in words', () => {
  it('says what a one-way door counted, since when, and what it may mean', () => {
    expect(oneWayWords({ kind: 'one_way', direction: 'out', count: 84 }, '06:00')).toBe(
      'Counted 84 going out and nobody coming in since 06:00 — this counter may be missing people.',
    );
    expect(oneWayWords({ kind: 'one_way', direction: 'in', count: 1204 }, '06:00')).toBe(
      'Counted 1,204 coming in and nobody going out since 06:00 — this counter may be missing people.',
    );
  });

  it('says a space’s drift with its name in the sentence', () => {
    expect(driftWords('Pool hall', 42)).toBe('More people left the Pool hall than entered it today (42 more): one of its door counters may be missing people.');
    expect(driftWords('Floor 2', 12)).toBe('More people left Floor 2 than entered it today (12 more): one of its door counters may be missing people.');
    expect(driftWords('Riverside Centre', 30, { root: true })).toMatch(/^More people left the site than entered it today \(30 more\)/);
  });

  it('explains the rule with the shared thresholds', () => {
    const [door, space] = healthRuleWords('06:00');
    expect(door).toBe(
      'A door is suspect when it has counted at least 30 people one way and nobody the other way since 06:00, for 2 hours or more (a morning rush comes in before anyone leaves).',
    );
    expect(space).toMatch(/by at least 10 people and at least 10\s?% of those who entered/);
  });

  it('names the configured devices the account does not have', () => {
    expect(unknownDevicesWords([999])).toBe('The site configuration names device 999, which this account does not have; its door counts nothing.');
    expect(unknownDevicesWords([1001, 998, 999])).toBe(
      'The site configuration names devices 1001, 998 and 999, which this account does not have; their doors count nothing.',
    );
  });
});
