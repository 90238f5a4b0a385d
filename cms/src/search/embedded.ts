import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { SearchDocument, SearchType } from './documents';
import { queryTerms, type SearchHit, type SearchPage, type SearchProvider, type SearchQuery } from './provider';
import { excerpt, fold, FALLBACK_LOCALE, SEARCH_LOCALES, term, words, type SearchLocale } from './text';

/**
 * The embedded provider: one MiniSearch index per locale in this process, rebuilt from the
 * database at start and kept current from the change log (search.ts), so every replica holds its
 * own copy and needs no other server. Terms are folded and stemmed per language (text.ts); a
 * word of 5 letters or more matches with one typo, the last word of the query as a prefix
 * (MiniSearch takes both per query word); relevance is BM25+, the title weighing most.
 *
 * An entry not translated into the reader's locale is searched in its English text (English
 * stemming) and comes back with `fallback: true`, as the site's pages fall back to English.
 */
const FIELDS = ['title', 'summary', 'body'] as const;
const BOOST = { title: 3, summary: 1.5, body: 1 };

const key = (type: string, documentId: string) => `${type}:${documentId}`;

export function createEmbeddedProvider(): SearchProvider {
  const indexes = new Map<SearchLocale, MiniSearch<SearchDocument>>();
  const stored = new Map<string, SearchDocument>();
  /** Per locale: `type:documentId` of the entries published in it. */
  const translated = new Map<SearchLocale, Set<string>>();

  const newIndex = (locale: SearchLocale) =>
    new MiniSearch<SearchDocument>({
      fields: [...FIELDS],
      idField: 'id',
      tokenize: (text) => words(text).map((w) => w.word),
      // Each word as its stem and, when stemming changed it, as written (accents folded): a typo
      // can change how a word stems ("cybersecurty"), not how far it is from the word as written.
      processTerm: (word) => {
        const stem = term(word, locale);
        if (stem === null) return null;
        const written = fold(word);
        return written === stem ? stem : [stem, written];
      },
      // Queries arrive as terms already processed (queryTerms): taken as they are.
      searchOptions: { tokenize: (text) => [text], processTerm: (t) => t, boost: BOOST },
    });

  const reset = () => {
    stored.clear();
    for (const locale of SEARCH_LOCALES) {
      indexes.set(locale, newIndex(locale));
      translated.set(locale, new Set());
    }
  };
  reset();

  const add = (documents: SearchDocument[]) => {
    for (const locale of SEARCH_LOCALES) {
      const own = documents.filter((d) => d.locale === locale);
      indexes.get(locale)!.addAll(own);
      for (const d of own) {
        stored.set(d.id, d);
        translated.get(locale)!.add(key(d.type, d.documentId));
      }
    }
  };

  const query = (locale: SearchLocale, text: string, loose = false): Query | null => {
    const parts = queryTerms(text, locale);
    if (parts.length === 0) return null;
    return {
      combineWith: 'OR',
      queries: parts.map((p) => ({
        combineWith: 'OR',
        queries: [...new Set([p.term, p.word])],
        fuzzy: loose ? 2 : p.fuzzy ? 1 : false,
        prefix: loose || p.prefix,
      })),
    };
  };

  const run = (locale: SearchLocale, text: string, reader: SearchLocale, loose = false): SearchResult[] => {
    const q = query(locale, text, loose);
    if (!q) return [];
    const index = indexes.get(locale)!;
    if (locale === reader) return index.search(q, loose ? { fields: ['title'] } : {});
    // English text of the entries the reader's locale does not have.
    const own = translated.get(reader)!;
    return index.search(q, {
      filter: (result) => {
        const doc = stored.get(String(result.id));
        return doc !== undefined && !own.has(key(doc.type, doc.documentId));
      },
    });
  };

  const hit = (result: SearchResult, reader: SearchLocale): SearchHit => {
    const doc = stored.get(String(result.id))!;
    const matched = new Set(Object.keys(result.match));
    const fromSummary = excerpt(doc.summary, doc.locale, (t) => matched.has(t));
    const cut =
      fromSummary.highlights.length > 0 || !doc.body
        ? fromSummary
        : excerpt(doc.body, doc.locale, (t) => matched.has(t));
    const shown = cut.highlights.length > 0 || !doc.summary ? cut : fromSummary;
    return {
      type: doc.type,
      documentId: doc.documentId,
      locale: doc.locale,
      fallback: doc.locale !== reader,
      slug: doc.slug,
      title: doc.title,
      excerpt: shown.text,
      highlights: shown.highlights,
      score: Math.round(result.score * 1000) / 1000,
    };
  };

  return {
    name: 'embedded',
    async rebuild(documents) {
      reset();
      add(documents);
    },
    async replace(type: SearchType, documentId: string, documents: SearchDocument[]) {
      for (const locale of SEARCH_LOCALES) {
        const id = `${type}:${documentId}:${locale}`;
        const index = indexes.get(locale)!;
        if (index.has(id)) index.discard(id);
        stored.delete(id);
        translated.get(locale)!.delete(key(type, documentId));
      }
      add(documents);
    },
    async search({ locale, query: text, types, page, pageSize }: SearchQuery): Promise<SearchPage> {
      const results = run(locale, text, locale);
      if (locale !== FALLBACK_LOCALE) results.push(...run(FALLBACK_LOCALE, text, locale));
      results.sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id)));
      const counts = new Map<SearchType, number>();
      const kept: SearchResult[] = [];
      for (const result of results) {
        const type = stored.get(String(result.id))!.type;
        counts.set(type, (counts.get(type) ?? 0) + 1);
        if (!types || types.includes(type)) kept.push(result);
      }
      const items = kept.slice((page - 1) * pageSize, page * pageSize).map((r) => hit(r, locale));
      let suggestions: string[] = [];
      if (results.length === 0) {
        // The title words nearest to what was typed (two typos, any word a prefix).
        const near = run(locale, text, locale, true).slice(0, 10);
        const found = new Set<string>();
        for (const result of near) {
          const matched = new Set(Object.keys(result.match));
          for (const { word } of words(stored.get(String(result.id))!.title)) {
            const t = term(word, locale);
            if (t && (matched.has(t) || matched.has(fold(word)))) found.add(word.toLowerCase());
          }
        }
        suggestions = [...found].slice(0, 5);
      }
      return {
        total: kept.length,
        typeCounts: [...counts].map(([type, count]) => ({ type, count })),
        items,
        suggestions,
      };
    },
    async size() {
      return stored.size;
    },
  };
}
