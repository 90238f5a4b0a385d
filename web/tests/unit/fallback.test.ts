import { describe, expect, it } from 'vitest';
import { existingSlugs, resolveEntry, switcherSlugs } from '#shared/fallback';
import { negotiateLocale } from '#shared/negotiate';

describe('entries missing in a language', () => {
  it('prefers the reader’s language, then English, else nothing', () => {
    expect(resolveEntry([{ id: 'fr' }], [{ id: 'en' }])).toEqual({ entry: { id: 'fr' }, isFallback: false });
    expect(resolveEntry([], [{ id: 'en' }])).toEqual({ entry: { id: 'en' }, isFallback: true });
    expect(resolveEntry([null], undefined)).toBeNull();
  });

  it('lists only the locales that exist, and sends the switcher to English elsewhere', () => {
    const entry = {
      locale: 'en',
      slug: 'only-en',
      localizations: [
        { locale: 'it', slug: 'solo-it' },
        { locale: 'xx', slug: 'bad' },
      ],
    };
    const existing = existingSlugs(entry);
    expect(existing).toEqual({ en: 'only-en', it: 'solo-it' });
    expect(switcherSlugs(existing)).toEqual({ fr: 'only-en', en: 'only-en', it: 'solo-it', es: 'only-en' });
  });
});

describe('Accept-Language negotiation for /', () => {
  it('picks the best supported language by quality', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,it;q=0.8,fr;q=0.7')).toBe('it');
    expect(negotiateLocale('es-AR')).toBe('es');
    expect(negotiateLocale('fr;q=0.2, en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr;q=0, es')).toBe('es');
  });
  it('falls back to English', () => {
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('de, nl')).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
  });
});
