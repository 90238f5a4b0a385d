import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as spanish } from '@orama/stemmers/spanish';

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

/** Words that say nothing about what an entry is about (articles, prepositions, conjunctions). */
const STOP_WORDS: Record<SearchLocale, Set<string>> = {
  en: new Set('a an and are as at be by for from how in into is it of on or the to with what your you our'.split(' ')),
  fr: new Set(
    'a au aux avec ce ces d dans de des du en et est l la le les leur leurs ou par pour qu que qui sa se ses son sur un une vos votre'.split(
      ' ',
    ),
  ),
  it: new Set(
    'a ad al alla alle agli ai col con d da dal dalla dei del della delle di e ed gli i il in l la le nei nel nella per su sul tra un una uno'.split(
      ' ',
    ),
  ),
  es: new Set('a al con de del e el en la las lo los o para por que se su sus tu un una uno y'.split(' ')),
};

/** Lower case, accents and other combining marks removed, ligatures opened. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').toLowerCase();
}

/** Words of a text with their position: runs of letters and digits (an apostrophe or a hyphen splits). */
export function words(text: string): Array<{ word: string; start: number; end: number }> {
  const found: Array<{ word: string; start: number; end: number }> = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    found.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** A word as the index knows it, or null for a stop word. */
export function term(word: string, locale: SearchLocale): string | null {
  const folded = fold(word);
  if (STOP_WORDS[locale].has(folded)) return null;
  return STEMMERS[locale](folded);
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
    return t !== null && (matches(t) || matches(fold(word)));
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
