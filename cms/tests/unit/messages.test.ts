import { describe, expect, it } from 'vitest';
import { MESSAGES, messageLocale, t } from '../../src/api/registration/messages';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../../src/i18n/locales';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the CMS's texts for registrants and editors", () => {
  it.each(LOCALE_CODES)('%s has every key English has, none empty', (locale) => {
    const english = keys(MESSAGES[DEFAULT_LOCALE]);
    expect(english.length).toBeGreaterThan(30);
    expect(keys(MESSAGES[locale])).toEqual(english);
    for (const key of english) expect(t(locale, key).trim(), `${locale} ${key}`).not.toBe('');
  });

  it('fills placeholders with plain values and answers in English for an unknown language', () => {
    expect(t('fr', 'errors.tooLong', { max: 120 })).toMatch(/120/);
    expect(messageLocale('de')).toBe('en');
    expect(messageLocale(undefined)).toBe('en');
    expect(messageLocale('it')).toBe('it');
    expect(() => t('en', 'errors.noSuchKey')).toThrow(/Missing registration message/);
  });
});
