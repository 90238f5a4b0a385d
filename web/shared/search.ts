// The search page's rules, shared by the page and its tests: what `?q=`, `?type=` and `?page=`
// may hold, which list each result type belongs to, and how an excerpt's highlights become text
// runs (the page renders each run as text, a matched one inside <mark>: never markup from a string).
import type { Section } from './routes';

/** The CMS's result types (`SearchResult.type`), in the order the page offers them as filters. */
export const SEARCH_TYPES = [
  'module',
  'jobSheet',
  'interview',
  'organisation',
  'trainingSession',
  'webinar',
  'competence',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** The list (section) whose entry page shows a result of each type. */
export const SEARCH_TYPE_SECTIONS = {
  module: 'modules',
  jobSheet: 'job-sheets',
  interview: 'interviews',
  organisation: 'organisations',
  trainingSession: 'training-sessions',
  webinar: 'webinars',
  competence: 'competences',
} as const satisfies Record<SearchType, Section>;

export const isSearchType = (value: unknown): value is SearchType =>
  typeof value === 'string' && (SEARCH_TYPES as readonly string[]).includes(value);

/** The CMS's bounds (cms/src/search/search.ts SEARCH_LIMITS). */
export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_MAX_PAGE = 50;

/** A query value as a page reads it: its first value, as a string. */
export const firstValue = (value: unknown): string =>
  typeof (Array.isArray(value) ? value[0] : value) === 'string' ? String(Array.isArray(value) ? value[0] : value) : '';

export interface TextRun {
  text: string;
  marked: boolean;
}

/** The excerpt cut into runs at its highlights (sorted, overlapping or out-of-range ones ignored). */
export function textRuns(text: string, highlights: ReadonlyArray<{ start: number; end: number }>): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const { start, end } of [...highlights].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) runs.push({ text: text.slice(at, start), marked: false });
    runs.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), marked: false });
  return runs;
}
