import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import german from '@/client/i18n/catalogs/de';
import hungarian from '@/client/i18n/catalogs/hu';
import { activate, activeLanguage, t } from './i18n';
import { loadLanguage } from './load';
import { tx } from './use-t';

describe('messages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('formats plurals and grouped numbers in the active language', () => {
    expect(t('dashboard.peopleInside', { count: 1 })).toBe('1 person inside');
    expect(t('dashboard.peopleInside', { count: 1083 })).toBe('1,083 people inside');
    activate('de', german);
    expect(t('dashboard.peopleInside', { count: 1083 })).toContain('1.083');
    activate('hu', hungarian);
    expect(t('dashboard.peopleInside', { count: 1083 })).toContain('1\u00a0083');
    expect(document.documentElement.lang).toBe('hu');
  });

  it('gives a message with React parts keys, so React has nothing to warn about', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<p>{tx('auth.signIn.signedInAs', { name: 'Ada', email: 'ada@example.org', b: (chunks) => <strong>{chunks}</strong> })}</p>);
    expect(screen.getByText('Ada').tagName).toBe('STRONG');
    expect(screen.getByRole('paragraph')).toHaveTextContent('You are signed in as Ada (ada@example.org).');
    expect(error).not.toHaveBeenCalled();
  });

  it('loads a language again once another became active', async () => {
    await loadLanguage('de');
    expect(activeLanguage()).toBe('de');
    activate('en', {});
    await loadLanguage('de');
    expect(activeLanguage()).toBe('de');
  });
});
