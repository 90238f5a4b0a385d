import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { stopwords as italianStopwords } from '@orama/stopwords/italian';
import { stopwords as spanishStopwords } from '@orama/stopwords/spanish';

/**
 * The text rules both search providers share: how a word becomes a term (case and accents
 * folded, then stemmed by the Snowball stemmer of the language: `cybersécurité`, `cybersecurite`
 * and `Cybersécurité` are one term), which words are too common to count, and how an excerpt
 * with its highlighted words is cut. Folding comes before stemming so that a reader who types
 * without accents gets the same stem as the text with them.
 */
export const SEARCH_LOCALES = ['fr', 'en', 'it', 'es'] as const;
export type SearchLocale = (typeof SEARCH_LOCALES)[number];
export const FALLBACK_LOCALE: SearchLocale = 'en';

export const isSearchLocale = (value: string): value is SearchLocale =>
  (SEARCH_LOCALES as readonly string[]).includes(value);

const STEMMERS: Record<SearchLocale, (word: string) => string> = { en: english, fr: french, it: italian, es: spanish };

/** PostgreSQL's text search configuration of each locale (its Snowball stemmer and stop words). */
export const PG_CONFIGS: Record<SearchLocale, string> = { en: 'english', fr: 'french', it: 'italian', es: 'spanish' };

/** Lower case, accents and other combining marks removed, ligatures opened. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').toLowerCase();
}

/**
 * Words that say nothing about what an entry is about (articles, pronouns, auxiliaries…): the
 * Snowball lists of each language as `@orama/stopwords` ships them (folded, as terms are), the
 * same lists PostgreSQL's text search configurations use, plus a few common words those leave out.
 */
const STOP_WORDS: Record<SearchLocale, Set<string>> = {
  en: new Set([...englishStopwords, 'how', 'what', 'your'].map((w) => fold(w))),
  fr: new Set([...frenchStopwords, 'a'].map((w) => fold(w))),
  it: new Set(italianStopwords.map((w) => fold(w))),
  es: new Set(spanishStopwords.map((w) => fold(w))),
};

/** Words of a text with their position: runs of letters and digits (an apostrophe or a hyphen splits). */
export function words(text: string): Array<{ word: string; start: number; end: number }> {
  const found: Array<{ word: string; start: number; end: number }> = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    found.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/**
 * Terms already computed, per locale (folding and stemming are most of an index build's work, and
 * of cutting excerpts): a word's term never changes. Bounded: emptied when it grows past this.
 */
const TERM_CACHE_LIMIT = 50_000;
const TERM_CACHE = new Map<SearchLocale, Map<string, string | null>>(SEARCH_LOCALES.map((l) => [l, new Map()]));

const FOLD_CACHE = new Map<string, string>();

/** `fold` for one word, memoized as terms are. */
export function foldWord(word: string): string {
  let folded = FOLD_CACHE.get(word);
  if (folded === undefined) {
    folded = fold(word);
    if (FOLD_CACHE.size >= TERM_CACHE_LIMIT) FOLD_CACHE.clear();
    FOLD_CACHE.set(word, folded);
  }
  return folded;
}

/** A word as the index knows it, or null for a stop word. */
export function term(word: string, locale: SearchLocale): string | null {
  const cache = TERM_CACHE.get(locale)!;
  const known = cache.get(word);
  if (known !== undefined) return known;
  const folded = foldWord(word);
  const result = STOP_WORDS[locale].has(folded) ? null : STEMMERS[locale](folded);
  if (cache.size >= TERM_CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

export function terms(text: string, locale: SearchLocale): string[] {
  return words(text)
    .map(({ word }) => term(word, locale))
    .filter((t): t is string => t !== null);
}

/** Markdown to the words a reader sees (headings, emphasis, links and list marks dropped). */
export function plainText(markdown: string | null | undefined): string {
  if (!markdown) return '';
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)]|>)\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Highlight {
  start: number;
  end: number;
}

export const EXCERPT_LENGTH = 220;

/**
 * A short passage of `text` around its first matching word (or its start), cut at word
 * boundaries, with the position of every matching word in the passage: the site builds its
 * `<mark>` elements from these offsets, never from markup. `matches` is asked about each word's
 * stem, then about the word as written (accents folded).
 */
export function excerpt(
  text: string,
  locale: SearchLocale,
  matches: (term: string) => boolean,
): { text: string; highlights: Highlight[] } {
  const all = words(text);
  const isMatch = (word: string) => {
    const t = term(word, locale);
    return t !== null && (matches(t) || matches(foldWord(word)));
  };
  const first = all.find((w) => isMatch(w.word));
  let from = 0;
  if (first && first.end > EXCERPT_LENGTH - 40) {
    // Start at a word a little before the first match.
    const before = all.filter((w) => w.start >= first.start - 60 && w.start <= first.start);
    from = before.length ? before[0].start : first.start;
  }
  let to = Math.min(text.length, from + EXCERPT_LENGTH);
  if (to < text.length) {
    const cut = all.filter((w) => w.end <= to && w.start > from).pop();
    if (cut) to = cut.end;
  }
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  const passage = text.slice(from, to);
  const highlights = all
    .filter((w) => w.start >= from && w.end <= to && isMatch(w.word))
    .map((w) => ({ start: w.start - from + prefix.length, end: w.end - from + prefix.length }));
  return { text: `${prefix}${passage}${suffix}`, highlights };
}
