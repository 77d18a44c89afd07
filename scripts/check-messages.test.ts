import { describe, expect, it } from 'vitest';
import { checkMessages } from './check-messages';

const code = [`t('kiosk.full', { count }); t("kiosk.open");`];
const english = { kiosk: { 'kiosk.full': '{count, plural, one {# person} other {# people}}', 'kiosk.open': 'Open' } };

describe('checkMessages', () => {
  it('passes complete catalogs whose keys are all used', () => {
    const german = { kiosk: { 'kiosk.full': '{count, plural, one {# Person} other {# Personen}}', 'kiosk.open': 'Geöffnet' } };
    expect(checkMessages({ en: english, de: german }, code)).toEqual([]);
  });

  it('names a key missing in a language, and one no English message has', () => {
    const german = { kiosk: { 'kiosk.full': '{count, plural, other {# Personen}}', 'kiosk.old': 'Alt' } };
    expect(checkMessages({ en: english, de: german }, code)).toEqual([
      'de/kiosk.json: "kiosk.open" is missing',
      'de/kiosk.json: "kiosk.old" is not in English (unused)',
    ]);
  });

  it('names a key the code does not use, and one outside its namespace', () => {
    const problems = checkMessages({ en: { kiosk: { ...english.kiosk, 'kiosk.gone': 'Gone', 'dashboard.x': 'X' } } }, [...code, `t('dashboard.x')`]);
    expect(problems).toEqual(['en/kiosk.json: "kiosk.gone" is not used in the code', 'en/kiosk.json: "dashboard.x" does not start with "kiosk."']);
  });

  it('names a translation with other arguments than English, invalid ICU, or a plural without "other"', () => {
    const german = { kiosk: { 'kiosk.full': '{anzahl, plural, one {# Person} other {# Personen}}', 'kiosk.open': 'Geöffnet {' } };
    const hungarian = { kiosk: { 'kiosk.full': '{count, plural, one {# fő}}', 'kiosk.open': 'Nyitva' } };
    const problems = checkMessages({ en: english, de: german, hu: hungarian }, code);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('de/kiosk.json: "kiosk.full" takes {anzahl}, English takes {count}');
    // formatjs's parser itself refuses a plural without "other".
    expect(problems[1]).toMatch(/^hu\/kiosk\.json: "kiosk\.full" is not valid ICU: MISSING_OTHER_CLAUSE/);
    expect(problems[2]).toMatch(/^de\/kiosk\.json: "kiosk\.open" is not valid ICU/);
  });
});
