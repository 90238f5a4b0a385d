import type { SearchDocument, SearchType } from './documents';
import { fold, term, words, type Highlight, type SearchLocale } from './text';

/** A search as asked: checked (search.ts) before it reaches a provider. */
export interface SearchQuery {
  locale: SearchLocale;
  query: string;
  types: SearchType[] | null;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  type: SearchType;
  documentId: string;
  /** The locale of the text found: the reader's, or English when the entry is not translated yet. */
  locale: SearchLocale;
  fallback: boolean;
  slug: string;
  title: string;
  excerpt: string;
  highlights: Highlight[];
  score: number;
}

export interface SearchPage {
  total: number;
  /** Hits per type over the whole result (before `types` narrows it): what a type filter would give. */
  typeCounts: Array<{ type: SearchType; count: number }>;
  items: SearchHit[];
  /** When nothing matched: the indexed words closest to those asked. */
  suggestions: string[];
}

/**
 * A search index behind one interface: the embedded one (an in-process index per locale, every
 * replica its own copy) or PostgreSQL's full-text search (one shared table). The service
 * (search.ts) feeds it published entries only: all of them at start, then each entry a change of
 * the change log names, in all its locales.
 */
export interface SearchProvider {
  readonly name: 'embedded' | 'postgres';
  /** Replaces the whole index with these entries. */
  rebuild(documents: SearchDocument[]): Promise<void>;
  /** An entry's published locales now (none: it is gone): replaces what the index held of it. */
  replace(type: SearchType, documentId: string, documents: SearchDocument[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchPage>;
  /** Entries held, all locales (for tests and the bench). */
  size(): Promise<number>;
}

/** One word of a query as the providers use it. */
export interface QueryTerm {
  word: string;
  term: string;
  /** One typo allowed: words of 5 letters or more. */
  fuzzy: boolean;
  /** The last word may be unfinished. */
  prefix: boolean;
}

export const TYPO_MIN_LENGTH = 5;

export function queryTerms(query: string, locale: SearchLocale): QueryTerm[] {
  const all = words(query);
  const result: QueryTerm[] = [];
  all.forEach(({ word }, index) => {
    const t = term(word, locale);
    if (t === null || t.length === 0) return;
    if (result.some((r) => r.term === t)) return;
    result.push({
      word: fold(word),
      term: t,
      fuzzy: fold(word).length >= TYPO_MIN_LENGTH,
      prefix: index === all.length - 1 && !/\s$/.test(query),
    });
  });
  return result;
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}
