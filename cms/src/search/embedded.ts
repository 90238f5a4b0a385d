import { SEARCH_TYPE_NAMES, type SearchDocument, type SearchType } from './documents';
import { InvertedIndex, type Matches, type TermSpec } from './inverted';
import { queryTerms, type SearchHit, type SearchPage, type SearchProvider, type SearchQuery } from './provider';
import { excerpt, fold, FALLBACK_LOCALE, SEARCH_LOCALES, term, words, type SearchLocale } from './text';

/**
 * The embedded provider: one index per locale in this process (inverted.ts: MiniSearch's terms
 * and scoring on compact postings), filled from the database at start and kept current from the
 * change log entry by entry (search.ts), so every replica holds its own copy and needs no other
 * server. Terms are folded and stemmed per language (text.ts); a word of 5 letters or more
 * matches with one typo, the last word of the query as a prefix; relevance is BM25+, the title
 * weighing most.
 *
 * An entry not translated into the reader's locale is searched in its English text (English
 * stemming) and comes back with `fallback: true`, as the site's pages fall back to English: per
 * reader locale, a second index holds the English text of those entries only (empty once
 * everything is translated), so a search never scores the English entries it would drop; their
 * scores are those of the whole English index.
 */
const BOOSTS = [3, 1.5, 1]; // title, summary, body
const TITLE_ONLY = [3, 0, 0];
const READERS = SEARCH_LOCALES.filter((l) => l !== FALLBACK_LOCALE);
const TAGS = new Map(SEARCH_TYPE_NAMES.map((type, i) => [type, i]));

const key = (type: string, documentId: string) => `${type}:${documentId}`;
const tokenize = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

interface Hit {
  id: string;
  type: SearchType;
  score: number;
}

export function createEmbeddedProvider(): SearchProvider {
  const indexes = new Map<SearchLocale, InvertedIndex>();
  /** Per reader locale (not English): the English text of the entries not translated into it. */
  const fallbacks = new Map<SearchLocale, InvertedIndex>();
  const stored = new Map<string, SearchDocument>();
  /** Per locale: `type:documentId` of the entries published in it. */
  const translated = new Map<SearchLocale, Set<string>>();
  /** Per locale, what a word of the text becomes (memoized: most words come again and again). */
  const processed = new Map<SearchLocale, Map<string, string | string[] | null>>(
    SEARCH_LOCALES.map((l) => [l, new Map()]),
  );

  // Each word as its stem and, when stemming changed it, as written (accents folded): a typo can
  // change how a word stems ("cybersecurty"), not how far it is from the word as written.
  const processTerm = (locale: SearchLocale) => (word: string) => {
    const cache = processed.get(locale)!;
    let result = cache.get(word);
    if (result === undefined) {
      const stem = term(word, locale);
      const written = stem === null ? null : fold(word);
      result = stem === null ? null : written === stem ? stem : [stem, written!];
      if (cache.size >= 50_000) cache.clear();
      cache.set(word, result);
    }
    return result;
  };
  const newIndex = (locale: SearchLocale) => new InvertedIndex(3, processTerm(locale), tokenize);
  const index = (target: InvertedIndex, d: SearchDocument) =>
    target.add(d.id, [d.title, d.summary, d.body], TAGS.get(d.type)!);

  const reset = () => {
    stored.clear();
    for (const locale of SEARCH_LOCALES) {
      indexes.set(locale, newIndex(locale));
      translated.set(locale, new Set());
    }
    for (const reader of READERS) fallbacks.set(reader, newIndex(FALLBACK_LOCALE));
  };
  reset();

  const add = (documents: SearchDocument[]) => {
    for (const d of documents) {
      index(indexes.get(d.locale)!, d);
      stored.set(d.id, d);
      translated.get(d.locale)!.add(key(d.type, d.documentId));
    }
    // Then the English text of those of these entries a reader's locale does not have.
    for (const d of documents)
      if (d.locale === FALLBACK_LOCALE)
        for (const reader of READERS)
          if (!translated.get(reader)!.has(key(d.type, d.documentId))) index(fallbacks.get(reader)!, d);
  };

  /** The query's words as the index takes them: each as its stem and as written. */
  const specs = (locale: SearchLocale, text: string, loose: boolean): TermSpec[] =>
    queryTerms(text, locale).flatMap((p) =>
      [...new Set([p.term, p.word])].map((t) => ({
        term: t,
        fuzzy: loose ? 2 : p.fuzzy ? 1 : 0,
        prefix: loose || p.prefix,
      })),
    );

  const run = (target: InvertedIndex, query: TermSpec[], boosts = BOOSTS, statistics = target): Matches | null =>
    query.length === 0 || target.size === 0 ? null : target.search(query, boosts, statistics);

  const hit = (id: string, score: number, reader: SearchLocale, matched: Set<string>): SearchHit => {
    const doc = stored.get(id)!;
    const matches = (t: string) => matched.has(t);
    const fromSummary = excerpt(doc.summary, doc.locale, matches);
    const cut = fromSummary.highlights.length > 0 || !doc.body ? fromSummary : excerpt(doc.body, doc.locale, matches);
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
      score: Math.round(score * 1000) / 1000,
    };
  };

  return {
    name: 'embedded',
    async rebuild(documents) {
      reset();
      add(documents);
      for (const target of [...indexes.values(), ...fallbacks.values()]) target.trim();
    },
    async replace(type: SearchType, documentId: string, documents: SearchDocument[]) {
      for (const locale of SEARCH_LOCALES) {
        const id = `${type}:${documentId}:${locale}`;
        indexes.get(locale)!.remove(id);
        if (locale === FALLBACK_LOCALE) for (const fallback of fallbacks.values()) fallback.remove(id);
        stored.delete(id);
        translated.get(locale)!.delete(key(type, documentId));
      }
      add(documents);
    },
    async search({ locale, query: text, types, page, pageSize }: SearchQuery): Promise<SearchPage> {
      const found: Matches[] = [];
      const own = run(indexes.get(locale)!, specs(locale, text, false));
      if (own) found.push(own);
      if (locale !== FALLBACK_LOCALE) {
        // Scored as the whole English index would score them.
        const english = run(
          fallbacks.get(locale)!,
          specs(FALLBACK_LOCALE, text, false),
          BOOSTS,
          indexes.get(FALLBACK_LOCALE),
        );
        if (english) found.push(english);
      }
      const counts = new Map<SearchType, number>();
      // The entries of the types asked: their scores, and where they are.
      const scores: number[] = [];
      const where: Array<[Matches, number]> = [];
      for (const matches of found)
        matches.tags.forEach((tag, i) => {
          const type = SEARCH_TYPE_NAMES[tag];
          counts.set(type, (counts.get(type) ?? 0) + 1);
          if (types && !types.includes(type)) return;
          scores.push(matches.scores[i]);
          where.push([matches, i]);
        });
      const total = scores.length;
      // Only the entries that can reach this page are sorted: those scoring at least the k-th best.
      const k = page * pageSize;
      const threshold = total > k ? Float64Array.from(scores).sort()[total - k] : -Infinity;
      const hits: Hit[] = [];
      where.forEach(([matches, i], n) => {
        if (scores[n] >= threshold)
          hits.push({ id: matches.ids[i], type: SEARCH_TYPE_NAMES[matches.tags[i]], score: scores[n] });
      });
      hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const matched = new Set(found.flatMap((m) => [...m.terms]));
      const items = hits.slice((page - 1) * pageSize, page * pageSize).map((h) => hit(h.id, h.score, locale, matched));
      let suggestions: string[] = [];
      if (counts.size === 0) {
        // The title words nearest to what was typed (two typos, any word a prefix).
        const near = run(indexes.get(locale)!, specs(locale, text, true), TITLE_ONLY);
        const seen = new Set<string>();
        const best = near ? [...near.ids.keys()].sort((a, b) => near.scores[b] - near.scores[a]).slice(0, 10) : [];
        for (const id of best.map((i) => near!.ids[i])) {
          for (const { word } of words(stored.get(id)!.title)) {
            const t = term(word, locale);
            if (t && (near!.terms.has(t) || near!.terms.has(fold(word)))) seen.add(word.toLowerCase());
          }
        }
        suggestions = [...seen].slice(0, 5);
      }
      return {
        total,
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
