// @orama/stemmers' per-language entries (`exports` subpaths, which this package's `moduleResolution: Node` does not read).
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/french' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/italian' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/spanish' {
  export function stemmer(word: string): string;
}
// @orama/stopwords' per-language lists, the same way.
declare module '@orama/stopwords/english' {
  export const stopwords: string[];
}
declare module '@orama/stopwords/french' {
  export const stopwords: string[];
}
declare module '@orama/stopwords/italian' {
  export const stopwords: string[];
}
declare module '@orama/stopwords/spanish' {
  export const stopwords: string[];
}
// MiniSearch's radix tree of terms (its `minisearch/SearchableMap` entry), the part the embedded index uses.
declare module 'minisearch/SearchableMap' {
  export default class SearchableMap<T> {
    get(key: string): T | undefined;
    set(key: string, value: T): this;
    atPrefix(prefix: string): Iterable<[string, T]>;
    fuzzyGet(key: string, maxEditDistance: number): Map<string, [T, number]>;
    get size(): number;
  }
}
