import { describe, expect, it } from 'vitest';
import { createEmbeddedProvider } from '../../src/search/embedded';
import type { SearchDocument } from '../../src/search/documents';
import { excerpt, term } from '../../src/search/text';
import { queryTerms } from '../../src/search/provider';

const doc = (
  documentId: string,
  locale: SearchDocument['locale'],
  title: string,
  summary = '',
  body = '',
): SearchDocument => ({
  id: `module:${documentId}:${locale}`,
  type: 'module',
  documentId,
  locale,
  slug: documentId,
  title,
  summary,
  body,
});

const provider = async (documents: SearchDocument[]) => {
  const p = createEmbeddedProvider();
  await p.rebuild(documents);
  return (locale: SearchDocument['locale'], query: string) =>
    p.search({ locale, query, types: null, page: 1, pageSize: 10 });
};

describe('the embedded index', () => {
  it('finds a word whatever its accents, case, ending, one typo or its last letters missing', async () => {
    const search = await provider([
      doc('cyber', 'fr', 'Les essentiels de la cybersécurité', 'Protéger les données de votre association.'),
      doc('other', 'fr', 'Outils collaboratifs', 'Travailler ensemble à distance.'),
    ]);
    for (const query of ['cybersecurite', 'CYBERSÉCURITÉ', 'cybersecurte', 'cybersé', 'association', 'Associations']) {
      const result = await search('fr', query);
      expect(
        result.items.map((i) => i.documentId),
        query,
      ).toEqual(['cyber']);
    }
    // One typo only in words of five letters or more; a short word must be right.
    expect((await search('fr', 'cyberseqrite')).total).toBe(0);
    expect((await search('fr', 'outl ')).total).toBe(0);
  });

  it('suggests title words close to a query that found nothing', async () => {
    const search = await provider([doc('cyber', 'fr', 'Les essentiels de la cybersécurité')]);
    const result = await search('fr', 'cybrsecuriteq');
    expect(result.total).toBe(0);
    expect(result.suggestions).toContain('cybersécurité');
  });

  it('falls back to the English text of an entry not translated, and only then', async () => {
    const search = await provider([
      doc('both', 'en', 'Platform cooperatives'),
      doc('both', 'it', 'Cooperative di piattaforma'),
      doc('only-en', 'en', 'Platform workers and cooperatives'),
    ]);
    const result = await search('it', 'cooperative');
    expect(result.items.map((i) => [i.documentId, i.locale, i.fallback])).toEqual(
      expect.arrayContaining([
        ['both', 'it', false],
        ['only-en', 'en', true],
      ]),
    );
    expect(result.total).toBe(2);
  });

  it('drops the English fallback once the translation is published, and brings it back when it goes', async () => {
    const p = createEmbeddedProvider();
    await p.rebuild([doc('a', 'en', 'Platform cooperatives')]);
    const search = async () =>
      (await p.search({ locale: 'it', query: 'cooperatives', types: null, page: 1, pageSize: 10 })).items.map((i) => [
        i.locale,
        i.fallback,
      ]);
    expect(await search()).toEqual([['en', true]]);
    await p.replace('module', 'a', [
      doc('a', 'en', 'Platform cooperatives'),
      doc('a', 'it', 'Cooperatives di piattaforma'),
    ]);
    expect(await search()).toEqual([['it', false]]);
    await p.replace('module', 'a', [doc('a', 'en', 'Platform cooperatives')]);
    expect(await search()).toEqual([['en', true]]);
  });

  it('forgets what is replaced or removed', async () => {
    const p = createEmbeddedProvider();
    await p.rebuild([doc('a', 'fr', 'Médiation numérique')]);
    await p.replace('module', 'a', [doc('a', 'fr', 'Inclusion numérique')]);
    const search = (query: string) => p.search({ locale: 'fr', query, types: null, page: 1, pageSize: 10 });
    expect((await search('médiation')).total).toBe(0);
    expect((await search('inclusion')).total).toBe(1);
    await p.replace('module', 'a', []);
    expect((await search('inclusion')).total).toBe(0);
  });
});

describe('excerpts', () => {
  it('marks the matched words by offset, whatever their accents', () => {
    const text = 'Le RGPD protège les données personnelles des bénévoles.';
    const { text: cut, highlights } = excerpt(text, 'fr', (t) => t === term('donnees', 'fr'));
    expect(highlights.map((h) => cut.slice(h.start, h.end))).toEqual(['données']);
  });

  it('reads a query as terms: stop words dropped, typos from five letters, the last word a prefix', () => {
    expect(queryTerms('le RGPD pour les associations', 'fr')).toEqual([
      { word: 'rgpd', term: 'rgpd', fuzzy: false, prefix: false },
      { word: 'associations', term: term('associations', 'fr'), fuzzy: true, prefix: true },
    ]);
  });
});
