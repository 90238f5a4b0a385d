import { describe, expect, it } from 'vitest';
import { byName } from '#shared/intl';

describe('alphabetical order in the reader’s language', () => {
  it('sorts as localeCompare does in each language (accents, case), with one collator', () => {
    const names = ['Zambie', 'éire', 'Espagne', 'Écosse', 'Åland', 'Andorre', 'Ñandú', 'Nepal', 'Österreich', 'Oman'];
    for (const locale of ['fr', 'en', 'it', 'es', 'sv']) {
      const expected = [...names].sort((a, b) => a.localeCompare(b, locale));
      expect([...names].map((name) => ({ name })).sort(byName(locale, (item) => item.name))).toEqual(
        expected.map((name) => ({ name })),
      );
    }
    // Not the code-point order: "Écosse" comes before "Zambie" in French.
    const sorted = ['Zambie', 'Écosse'].map((name) => ({ name })).sort(byName('fr', (item) => item.name));
    expect(sorted.map((item) => item.name)).toEqual(['Écosse', 'Zambie']);
  });
});
