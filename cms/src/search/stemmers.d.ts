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
