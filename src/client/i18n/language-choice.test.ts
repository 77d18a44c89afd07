import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './language-choice';
import { LANGUAGE_STORAGE_KEY, queryLanguage, startLanguage } from './load';

describe('who chooses the language', () => {
  it('asks ?lang=, the display link, the person, the site, then the browser', () => {
    expect(chooseLanguage({ query: 'hu', display: 'de', person: 'en', site: 'en' }, 'en')).toBe('hu');
    expect(chooseLanguage({ query: null, display: 'de', person: 'hu', site: 'en' }, 'en')).toBe('de');
    expect(chooseLanguage({ person: 'hu', site: 'de' }, 'en')).toBe('hu');
    expect(chooseLanguage({ person: null, site: 'de' }, 'hu')).toBe('de');
    expect(chooseLanguage({}, 'hu')).toBe('hu');
    expect(chooseLanguage({}, null)).toBe('en');
  });

  it('reads ?lang= only when it names a language the app speaks', () => {
    expect(queryLanguage('?lang=de&mode=total')).toBe('de');
    expect(queryLanguage('?lang=fr')).toBeNull();
    expect(queryLanguage('')).toBeNull();
  });

  it('starts a kiosk in its ?lang=, anything else in the language this browser showed last', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'hu');
    expect(startLanguage({ pathname: '/kiosk', search: '?lang=de' })).toBe('de');
    expect(startLanguage({ pathname: '/', search: '?lang=de' })).toBe('hu');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    // jsdom's navigator says en-US.
    expect(startLanguage({ pathname: '/', search: '' })).toBe('en');
  });
});
