import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '#shared/routes';

// UI strings: complete in the four languages, keys sorted (docs/design.md conventions), in the
// site's files and in the registration layer's, which @nuxtjs/i18n merges with them.
const SETS = { site: '../../i18n/locales', 'registration layer': '../../layers/registration/i18n/locales' } as const;
const load = (dir: string, locale: string) =>
  JSON.parse(readFileSync(new URL(`${dir}/${locale}.json`, import.meta.url), 'utf8'));
function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}
function sortedEverywhere(tree: Record<string, unknown>): boolean {
  const names = Object.keys(tree);
  return (
    names.join() === [...names].sort().join() &&
    Object.values(tree).every((v) => !v || typeof v !== 'object' || sortedEverywhere(v as Record<string, unknown>))
  );
}

for (const [name, dir] of Object.entries(SETS)) {
  describe(`locale messages (${name})`, () => {
    const en = load(dir, 'en');
    it('has the English messages to compare with', () => expect(keys(en).length).toBeGreaterThan(30));
    for (const locale of LOCALES) {
      it(`${locale}: same keys as English, sorted, none empty`, () => {
        const messages = load(dir, locale);
        expect(keys(messages)).toEqual(keys(en));
        expect(sortedEverywhere(messages)).toBe(true);
        for (const key of keys(messages))
          expect(
            key
              .split('.')
              .reduce((node: any, k) => node[k], messages)
              .trim(),
          ).not.toBe('');
      });
    }
  });
}

describe('locale messages (merged)', () => {
  it("has no key in both the site's files and the layer's (one would silently hide the other)", () => {
    const site = Object.keys(load(SETS.site, 'en'));
    const layer = Object.keys(load(SETS['registration layer'], 'en'));
    expect(layer.length).toBeGreaterThan(0);
    expect(layer.filter((key) => site.includes(key))).toEqual([]);
  });
});
