import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// UI strings: complete in the four languages, keys sorted (docs/design.md conventions).
const load = (locale: string) => JSON.parse(readFileSync(new URL(`../../i18n/locales/${locale}.json`, import.meta.url), 'utf8'));
function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`]));
}
function sortedEverywhere(tree: Record<string, unknown>): boolean {
  const names = Object.keys(tree);
  return names.join() === [...names].sort().join() && Object.values(tree).every((v) => !v || typeof v !== 'object' || sortedEverywhere(v as Record<string, unknown>));
}

describe('locale messages', () => {
  const en = load('en');
  for (const locale of ['fr', 'en', 'it', 'es']) {
    it(`${locale}: same keys as English, sorted, none empty`, () => {
      const messages = load(locale);
      expect(keys(messages)).toEqual(keys(en));
      expect(sortedEverywhere(messages)).toBe(true);
      for (const key of keys(messages)) expect(key.split('.').reduce((node: any, k) => node[k], messages).trim()).not.toBe('');
    });
  }
});
